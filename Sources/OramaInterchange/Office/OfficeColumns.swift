import Foundation
import OramaDomain

/// What a column of an office's table holds, in Orama's terms.
public enum OfficeField: Sendable, Hashable, Codable, CustomStringConvertible {
    case ignore
    case rowNumber
    case code
    case axis
    case measure
    case objective
    case title
    case description
    case kind
    case nature
    case unit
    case implementingBody
    case municipalUnit
    case community
    case location
    case source
    case total
    case cost
    case year(Int)
    case start
    case end
    case schedule
    case priority
    case budgetLines
    case maturity
    case preconditions

    /// Every field but the years, in the order the wizard lists them.
    public static let fixed: [OfficeField] = [.ignore, .rowNumber, .code, .axis, .measure, .objective, .title, .description, .kind, .nature,
                                              .unit, .implementingBody, .municipalUnit, .community, .location, .source, .total, .cost,
                                              .start, .end, .schedule, .priority, .budgetLines, .maturity, .preconditions]

    /// The code a mapping file uses: `title`, `year:2025`, `ignore`.
    public var description: String { code }

    public init?(code: String) {
        if code.hasPrefix("year:"), let y = Int(code.dropFirst(5)), (1900...2200).contains(y) { self = .year(y); return }
        guard let field = Self.fixed.first(where: { $0.code == code }) else { return nil }
        self = field
    }

    public var code: String {
        switch self {
        case .ignore: "ignore"
        case .rowNumber: "rowNumber"
        case .code: "code"
        case .axis: "axis"
        case .measure: "measure"
        case .objective: "objective"
        case .title: "title"
        case .description: "description"
        case .kind: "kind"
        case .nature: "nature"
        case .unit: "unit"
        case .implementingBody: "implementingBody"
        case .municipalUnit: "municipalUnit"
        case .community: "community"
        case .location: "location"
        case .source: "source"
        case .total: "total"
        case .cost: "cost"
        case .year(let y): "year:\(y)"
        case .start: "start"
        case .end: "end"
        case .schedule: "schedule"
        case .priority: "priority"
        case .budgetLines: "budgetLines"
        case .maturity: "maturity"
        case .preconditions: "preconditions"
        }
    }

    public var greek: String {
        switch self {
        case .ignore: "να αγνοηθεί"
        case .rowNumber: "Α/Α (αύξων αριθμός, αγνοείται)"
        case .code: "Κωδικός δράσης"
        case .axis: "Άξονας"
        case .measure: "Μέτρο"
        case .objective: "Στόχος"
        case .title: "Τίτλος δράσης"
        case .description: "Περιγραφή"
        case .kind: "Είδος / κατηγορία"
        case .nature: "Φύση (έργο, μελέτη, προμήθεια …)"
        case .unit: "Αρμόδια υπηρεσία"
        case .implementingBody: "Φορέας υλοποίησης"
        case .municipalUnit: "Δημοτική Ενότητα"
        case .community: "Κοινότητα"
        case .location: "Περιοχή / θέση"
        case .source: "Πηγή χρηματοδότησης"
        case .total: "Σύνολο (έλεγχος έναντι των ετών)"
        case .cost: "Προϋπολογισμός / κόστος"
        case .year(let y): "Ποσό του \(y)"
        case .start: "Έναρξη"
        case .end: "Λήξη"
        case .schedule: "Χρονοδιάγραμμα (π.χ. 2025–2027)"
        case .priority: "Προτεραιότητα"
        case .budgetLines: "ΚΑΕ"
        case .maturity: "Ωριμότητα"
        case .preconditions: "Προϋποθέσεις υλοποίησης"
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let field = OfficeField(code: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Άγνωστο πεδίο «\(text)»"))
        }
        self = field
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    /// Fields a row's tree is built from: a blank cell takes the value above it.
    public var fillsDown: Bool { [.axis, .measure, .objective].contains(self) }
}

/// The words offices head their columns with, and what each means.
public enum OfficeColumns {
    /// Phrases per field, most specific first; a header matches the field of its longest phrase.
    static let phrases: [(OfficeField, [String])] = [
        (.rowNumber, ["α/α", "α α", "αα", "α/α δρασης", "αυξων αριθμος", "αυξ αριθμος", "α.α.", "#", "no", "nr"]),
        (.budgetLines, ["καε", "κ α ε", "κ.α.ε.", "κωδικος αριθμος εξοδου", "κωδικοι καε", "κωδικος καε", "budget line", "budget lines"]),
        (.implementingBody, ["φορεας υλοποιησης", "φορεας εκτελεσης", "implementing body"]),
        (.source, ["πηγη χρηματοδοτησης", "πηγες χρηματοδοτησης", "φορεας χρηματοδοτησης", "πηγη", "χρηματοδοτηση", "χρηματοδοτικο προγραμμα",
                   "funding source", "source of funding", "source"]),
        (.municipalUnit, ["δημοτικη ενοτητα", "δημοτικες ενοτητες", "δ ε", "δ.ε.", "municipal unit"]),
        (.community, ["τοπικη κοινοτητα", "δημοτικη κοινοτητα", "κοινοτητα", "οικισμος", "community", "village"]),
        (.location, ["περιοχη", "θεση", "χωροθετηση", "τοποθεσια", "location", "place"]),
        (.unit, ["αρμοδια υπηρεσια", "υπευθυνη υπηρεσια", "αρμοδια διευθυνση", "υπευθυνη διευθυνση", "αρμοδιο τμημα", "αρμοδια υπηρεσια υλοποιησης",
                 "υπευθυνος φορεας", "αρμοδιος φορεας", "διευθυνση", "υπηρεσια", "τμημα", "responsible unit", "responsible service", "department", "unit"]),
        (.axis, ["αξονας προτεραιοτητας", "αξονας", "αξονες", "priority axis", "axis"]),
        (.measure, ["μετρο", "μετρα", "measure"]),
        (.objective, ["ειδικος στοχος", "επιμερους στοχος", "στοχος", "στοχοι", "objective", "goal"]),
        (.title, ["τιτλος δρασης", "τιτλος εργου", "τιτλος πραξης", "ονομασια δρασης", "ονομασια", "τιτλος", "δραση", "εργο", "πραξη", "title", "action"]),
        (.description, ["περιγραφη δρασης", "περιγραφη", "συντομη περιγραφη", "description"]),
        (.nature, ["φυση δρασης", "φυση", "nature"]),
        (.kind, ["ειδος δρασης", "ειδος", "κατηγορια δρασης", "κατηγορια", "kind", "type", "category"]),
        (.total, ["συνολο", "συνολικο ποσο", "συνολικος προϋπολογισμος", "γενικο συνολο", "total"]),
        (.cost, ["προϋπολογισμος δρασης", "προϋπολογισμος", "προυπολογισμος", "κοστος", "ποσο", "budget", "cost", "amount"]),
        (.start, ["εναρξη υλοποιησης", "ημερομηνια εναρξης", "εναρξη", "εκκινηση", "start", "start date"]),
        (.end, ["ληξη υλοποιησης", "ημερομηνια ληξης", "ληξη", "ολοκληρωση", "περαιωση", "end", "end date"]),
        (.schedule, ["χρονοδιαγραμμα", "χρονοδιαγραμμα υλοποιησης", "διαρκεια", "ετη υλοποιησης", "schedule", "timetable"]),
        (.priority, ["προτεραιοτητα", "ιεραρχηση", "βαθμος προτεραιοτητας", "priority"]),
        (.maturity, ["ωριμοτητα", "βαθμος ωριμοτητας", "maturity"]),
        (.preconditions, ["προϋποθεσεις υλοποιησης", "προϋποθεσεις", "προαπαιτουμενα", "preconditions"]),
        (.code, ["κωδικος δρασης", "κωδικος", "κωδ", "code", "id"]),
    ]

    /// A header's words as the phrases are written: accent- and case-free, punctuation as spaces.
    static func words(_ text: String) -> String {
        let key = GreekText.searchKey(text)
        var out = ""
        for ch in key {
            if ch.isLetter || ch.isNumber || ch == "/" || ch == "#" { out.append(ch) } else { out.append(" ") }
        }
        return out.split(separator: " ").joined(separator: " ")
    }

    /// The field a header proposes, or nil when no office word is in it. A header with a year
    /// and money words («Ποσό 2025», «2025 (€)», «Προϋπολογισμός 2026») is that year's amount.
    public static func propose(_ header: String, years: ClosedRange<Int>? = nil) -> OfficeField? {
        if let year = year(in: header) {
            let rest = words(header.replacingOccurrences(of: String(year), with: " "))
            let money = rest.isEmpty || ["ποσο", "προϋπολογισμος", "προυπολογισμος", "χρηματοδοτηση", "ευρω", "€", "ετος", "budget", "amount", "δαπανη", "κοστος", "ετησια κατανομη", "ανα ετος"]
                .contains { rest.contains($0) }
            if money { return .year(year) }
        }
        let key = words(header)
        guard !key.isEmpty else { return nil }
        var best: (OfficeField, Int)?
        for (field, list) in phrases {
            for phrase in list {
                let p = words(phrase)
                guard !p.isEmpty else { continue }
                let hit = key == p || key.hasPrefix(p + " ") || key.hasSuffix(" " + p) || key.contains(" " + p + " ")
                if hit, p.count > (best?.1 ?? 0) { best = (field, p.count) }
            }
        }
        return best?.0
    }

    /// A four-digit year from 2000 to 2100 standing alone in a header («2025», «Έτος 2025», «2025 (€)»).
    public static func year(in text: String) -> Int? {
        // A date («01/03/2025») or an amount is not a year column's header.
        guard CalendarDate(parsing: text) == nil else { return nil }
        let tokens = text.split(whereSeparator: { !$0.isNumber })
        guard tokens.count == 1 else { return nil }
        let years = tokens.compactMap { token -> Int? in token.count == 4 ? Int(token).flatMap { (2000...2100).contains($0) ? $0 : nil } : nil }
        return years.count == 1 ? years[0] : nil
    }
}
