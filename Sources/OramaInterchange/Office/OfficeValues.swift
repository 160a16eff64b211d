import Foundation
import OramaDomain

/// The kinds of value a table names that must match the municipality's reference data or
/// one of Orama's lists.
public enum OfficeValueKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A service of the municipality, or one of its legal entities (a ΔΕΥΑ).
    case unit
    case locality
    case source
    case kind
    case nature
    case priority
    case maturity

    public var greek: String {
        switch self {
        case .unit: "Υπηρεσία ή νομικό πρόσωπο"
        case .locality: "Δημοτική Ενότητα ή Κοινότητα"
        case .source: "Πηγή χρηματοδότησης"
        case .kind: "Είδος δράσης"
        case .nature: "Φύση δράσης"
        case .priority: "Προτεραιότητα"
        case .maturity: "Ωριμότητα"
        }
    }

    /// Whether a value with no match may become a new record of the reference data.
    public var canCreate: Bool { [.unit, .locality, .source].contains(self) }
}

/// What a value of the table is taken to be: an existing record (by id), a list's value (by
/// its code), or a new record to create with the import.
public struct OfficeValueChoice: Sendable, Hashable, Codable {
    public var kind: OfficeValueKind
    /// The value as the file writes it.
    public var text: String
    /// A record's id, a list value's code (`works`, `high`), or `new`.
    public var target: String

    public init(kind: OfficeValueKind, text: String, target: String) {
        self.kind = kind
        self.text = text
        self.target = target
    }

    public static let new = "new"

    /// The key a choice is remembered under: the kind and the value's words.
    public var key: String { "\(kind.rawValue):\(OfficeValues.key(text))" }
}

/// Matching the values people write to the records they mean: accents, case, the genitive
/// («Νίκαιας» for Νίκαια, «Κραννώνος» for Κραννώνα), prefixes («ΔΕ», «Δ.Ε.», «Τ.Κ.») and
/// abbreviations do not stand in the way.
public enum OfficeValues {
    /// A value's words: accent- and case-free, punctuation as spaces.
    public static func key(_ text: String) -> String { OfficeColumns.words(text) }

    /// What kind of legal entity a name is, when it says so: «ΔΕΥΑ Κιλελέρ», «Κοινωφελής
    /// Επιχείρηση του Δήμου», «Ν.Π.Δ.Δ. Κοινωνικής Μέριμνας»; nil for a service's name.
    public static func legalEntityKind(_ name: String) -> LegalEntity.Kind? {
        let words = key(name).split(separator: " ").map(String.init)
        // Abbreviations written with dots («Δ.Ε.Υ.Α.») come as one letter a word.
        var joined: [String] = []
        var letters = ""
        for word in words {
            if word.count == 1 { letters += word; continue }
            if !letters.isEmpty { joined.append(letters); letters = "" }
            joined.append(word)
        }
        if !letters.isEmpty { joined.append(letters) }
        let text = " " + joined.joined(separator: " ") + " "
        if joined.contains("δευα") { return .waterUtility }
        if joined.contains("νπδδ") { return .publicLawEntity }
        if joined.contains("νπιδ") { return .privateLawEntity }
        for phrase in ["κοινωφελησ επιχειρηση", "αναπτυξιακη επιχειρηση", "δημοτικη επιχειρηση", "αναπτυξιακη εταιρεια", "δημοτικη επιχειρηση υδρευσησ"] where text.contains(" " + phrase) {
            return .municipalEnterprise
        }
        if joined.contains("κεδ") || joined.contains("κεδη") || joined.contains("αμκε") || joined.last == "αε" { return .other }
        return nil
    }

    static let placePrefixes = ["δημοτικη ενοτητα", "δημοτικης ενοτητας", "δ ε", "δε", "τοπικη κοινοτητα", "τοπικης κοινοτητας", "τ κ", "τκ",
                                "κοινοτητα", "κοινοτητας", "δημοτικη κοινοτητα", "δ κ", "οικισμος", "οικισμου"]

    /// A Greek word without its ending: «νικαιας», «νικαια» and «νικαιασ» all become «νικαι».
    static func stem(_ word: String) -> String {
        guard word.count > 4 else { return word }
        for ending in ["ους", "εως", "ων", "ας", "ης", "ου", "ος", "ες", "ις", "ος", "α", "η", "ο", "ι", "ε", "υ", "ς"] where word.hasSuffix(ending) {
            let stem = String(word.dropLast(ending.count))
            if stem.count >= 3 { return stem }
        }
        return word
    }

    static func stems(_ text: String, dropping prefixes: [String] = []) -> [String] {
        var words = key(text)
        for prefix in prefixes.sorted(by: { $0.count > $1.count }) where words == prefix || words.hasPrefix(prefix + " ") {
            words = String(words.dropFirst(prefix.count)).trimmed
            break
        }
        return words.split(separator: " ").map { stem(String($0)) }
    }

    /// How alike two names are, 0…1: the share of word stems they have in common.
    static func likeness(_ a: [String], _ b: [String]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let sa = Set(a), sb = Set(b)
        return Double(sa.intersection(sb).count) / Double(sa.union(sb).count)
    }

    /// The suggested target for a value: an exact match of code or name first, then the same
    /// stems, then the closest name by shared words (only when clearly closest); nil when
    /// nothing is close.
    public static func suggest(_ text: String, _ kind: OfficeValueKind, reference r: ReferenceData) -> String? {
        let k = key(text)
        guard !k.isEmpty else { return nil }
        func closest(_ candidates: [(id: String, names: [String])], prefixes: [String] = [], threshold: Double = 0.5) -> String? {
            for c in candidates where c.names.contains(where: { key($0) == k }) { return c.id }
            let wanted = stems(text, dropping: prefixes)
            for c in candidates where c.names.contains(where: { stems($0, dropping: prefixes) == wanted }) { return c.id }
            let scored = candidates.map { c in (c.id, c.names.map { likeness(stems($0, dropping: prefixes), wanted) }.max() ?? 0) }.sorted { $0.1 > $1.1 }
            guard let first = scored.first, first.1 >= threshold, scored.count == 1 || scored[1].1 < first.1 else { return nil }
            return first.0
        }
        switch kind {
        case .unit:
            let units = r.units.map { (id: $0.id.uuidString, names: [$0.code, $0.name]) }
            let entities = r.legalEntities.map { (id: $0.id.uuidString, names: [$0.name]) }
            return closest(units + entities, prefixes: [])
        case .locality:
            return closest(r.localities.map { (id: $0.id.uuidString, names: [$0.name]) }, prefixes: placePrefixes, threshold: 0.99)
        case .source:
            return closest(r.fundingSources.map { (id: $0.id.uuidString, names: [$0.code, $0.name]) })
        case .kind:
            return listValue(text, Action.Kind.allCases.map { ($0.rawValue, [$0.greek, $0.rawValue]) } + [
                (Action.Kind.projectCategory.rawValue, ["Κατηγορία", "Ομάδα έργων", "Πρόγραμμα"]),
                (Action.Kind.largeProject.rawValue, ["Μεγάλο έργο", "Έργο μεγάλης κλίμακας"]),
                (Action.Kind.recurringOperation.rawValue, ["Λειτουργία", "Επαναλαμβανόμενη δράση", "Τακτική δράση", "Δράση λειτουργίας"]),
            ])
        case .nature:
            return listValue(text, Action.Nature.allCases.map { ($0.rawValue, [$0.greek, $0.rawValue]) } + [
                (Action.Nature.works.rawValue, ["Έργα", "Τεχνικό έργο", "Κατασκευή"]), (Action.Nature.study.rawValue, ["Μελέτες"]),
                (Action.Nature.supply.rawValue, ["Προμήθειες"]), (Action.Nature.service.rawValue, ["Υπηρεσίες", "Παροχή υπηρεσιών"]),
            ])
        case .priority:
            return listValue(text, [
                (Action.Priority.high.rawValue.description, ["Υψηλή", "Υψηλής", "Α", "1", "Πρώτη", "high", "Άμεση", "Μεγάλη"]),
                (Action.Priority.medium.rawValue.description, ["Μεσαία", "Μέση", "Β", "2", "Δεύτερη", "medium"]),
                (Action.Priority.low.rawValue.description, ["Χαμηλή", "Γ", "3", "Τρίτη", "low", "Μικρή"]),
            ])
        case .maturity:
            return listValue(text, Action.Maturity.allCases.map { ($0.rawValue, [$0.greek, $0.rawValue]) } + [
                (Action.Maturity.studyReady.rawValue, ["Ώριμο", "Ώριμη", "Υπάρχει μελέτη", "Μελέτη έτοιμη"]),
                (Action.Maturity.idea.rawValue, ["Σε αρχικό στάδιο", "Πρόταση"]),
                (Action.Maturity.contracted.rawValue, ["Σε εξέλιξη", "Συμβασιοποιημένη", "Υπογεγραμμένη σύμβαση"]),
            ])
        }
    }

    /// What a value of this kind may be taken to be, for the wizard's lists: the records or
    /// list values (target, label), then «νέα εγγραφή» where the kind allows one.
    public static func options(_ kind: OfficeValueKind, reference r: ReferenceData) -> [(target: String, label: String)] {
        var out: [(target: String, label: String)]
        switch kind {
        case .unit:
            out = r.units.map { ($0.id.uuidString, "\($0.name) (\($0.code))") }
                + r.legalEntities.map { ($0.id.uuidString, "Νομικό πρόσωπο: \($0.name)") }
        case .locality:
            out = r.localities.map { ($0.id.uuidString, "\($0.name) — \($0.kind.greek)") }
        case .source:
            out = r.fundingSources.map { ($0.id.uuidString, "\($0.name) (\($0.code))") }
        case .kind:
            out = Action.Kind.allCases.map { ($0.rawValue, $0.greek) } + Action.Nature.allCases.map { ("nature:" + $0.rawValue, "Φύση: \($0.greek)") }
        case .nature:
            out = Action.Nature.allCases.map { ($0.rawValue, $0.greek) }
        case .priority:
            out = Action.Priority.allCases.map { (String($0.rawValue), $0.greek) }
        case .maturity:
            out = Action.Maturity.allCases.map { ($0.rawValue, $0.greek) }
        }
        if kind.canCreate { out.append((OfficeValueChoice.new, "νέα εγγραφή")) }
        return out
    }

    static func listValue(_ text: String, _ values: [(String, [String])]) -> String? {
        let k = key(text)
        return values.first { $0.1.contains { key($0) == k } }?.0
    }

    /// A service's short code from its name: the initials of its main words, up to six
    /// letters, made unique among `taken` («Τμήμα Πολιτισμού» → «ΤΠ»).
    public static func code(for name: String, taken: Set<String>) -> String {
        let skip: Set<String> = ["και", "του", "της", "των", "τον", "την", "το", "η", "ο", "οι", "για", "με", "σε", "δια"]
        let letters = name.split(whereSeparator: { !$0.isLetter }).filter { !skip.contains(GreekText.searchKey(String($0))) }
            .compactMap { $0.first.map { String($0).uppercased() } }
        var base = String(letters.joined().prefix(6))
        if base.isEmpty { base = "ΥΠ" }
        var code = base
        var n = 2
        while taken.contains(code) { code = "\(base)\(n)"; n += 1 }
        return code
    }
}
