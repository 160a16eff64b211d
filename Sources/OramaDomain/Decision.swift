import Foundation

/// A decision taken on the programme: the council's approval of Phase A or B, the municipal
/// committee's, the consultation committee's opinion. Kept as a record with its number,
/// date and subject, its ΑΔΑ on Diavgeia and the signed PDF.
public struct Decision: Sendable, Hashable, Identifiable {
    /// The body that took it.
    public enum Body: String, Sendable, Hashable, CaseIterable, Codable {
        case council, municipalCommittee, consultationCommittee, other

        public var greek: String {
            switch self {
            case .council: "Δημοτικό Συμβούλιο"
            case .municipalCommittee: "Δημοτική Επιτροπή"
            case .consultationCommittee: "Επιτροπή Διαβούλευσης"
            case .other: "Άλλο όργανο"
            }
        }
    }

    /// What the decision does for the programme's path (`ApprovalPath`).
    public enum Act: String, Sendable, Hashable, CaseIterable, Codable {
        case phaseA, committeeOpinion, phaseB, other

        public var greek: String {
            switch self {
            case .phaseA: "Έγκριση της Αʹ Φάσης (Στρατηγικός Σχεδιασμός)"
            case .committeeOpinion: "Γνώμη της Επιτροπής Διαβούλευσης"
            case .phaseB: "Έγκριση της Βʹ Φάσης (Επιχειρησιακός Σχεδιασμός)"
            case .other: "Άλλη απόφαση για το πρόγραμμα"
            }
        }

        /// The one body whose decision this act is, where the law names one.
        public var requiredBody: Body? {
            switch self {
            case .phaseA, .phaseB: .council
            case .committeeOpinion: .consultationCommittee
            case .other: nil
            }
        }
    }

    public var id: UUID
    public var programmeID: UUID
    public var body: Body
    public var act: Act
    /// As the body numbers it: «45/2025».
    public var number: String
    public var date: CalendarDate
    public var subject: String
    /// Not every decision is posted on Diavgeia (a committee's opinion may not be).
    public var ada: ADA?
    /// The attached PDF's name and size; its bytes are kept by storage.
    public var document: DecisionDocument?

    public init(id: UUID = UUID(), programmeID: UUID, body: Body, act: Act = .other, number: String, date: CalendarDate, subject: String,
                ada: ADA? = nil, document: DecisionDocument? = nil) {
        self.id = id
        self.programmeID = programmeID
        self.body = body
        self.act = act
        self.number = number
        self.date = date
        self.subject = subject
        self.ada = ada
        self.document = document
    }
}

/// The «Αριθμός Διαδικτυακής Ανάρτησης» Diavgeia gives a posted act: 7 to 10 capital Greek
/// letters and digits, a hyphen, three more (`ΨΔ44ΩΕΝ-Ο7Ω`, `Ω6Η2ΟΡΡ9-Β9Ω`,
/// `Ψ4Δ446ΜΤΛΚ-Ε2Ψ`). Typed or pasted text is read leniently: spaces trimmed, small letters
/// and accents lifted, Latin letters that look like Greek ones (A, B, E, Z, H, I, K, M, N, O,
/// P, T, Y, X) taken as those.
public struct ADA: Sendable, Hashable, Codable, CustomStringConvertible {
    public let code: String

    public init?(parsing text: String) {
        let lookalikes: [Character: Character] = [
            "A": "Α", "B": "Β", "E": "Ε", "Z": "Ζ", "H": "Η", "I": "Ι", "K": "Κ", "M": "Μ", "N": "Ν", "O": "Ο",
            "P": "Ρ", "T": "Τ", "Y": "Υ", "X": "Χ",
        ]
        let lifted = GreekText.searchKey(text.trimmingWhitespace()).uppercased()
        let code = String(lifted.map { lookalikes[$0] ?? $0 })
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        func allowed(_ c: Character) -> Bool { ("Α"..."Ω").contains(c) || c.isASCIIDigit }
        guard parts.count == 2, (7...10).contains(parts[0].count), parts[1].count == 3,
              parts.allSatisfy({ $0.allSatisfy(allowed) }) else { return nil }
        self.code = code
    }

    public var description: String { code }

    /// The decision's page on Diavgeia.
    public var diavgeiaURL: String { "https://diavgeia.gov.gr/decision/view/" + code }
}

/// A decision's attached file: a PDF, of at most `DecisionDocument.maximumBytes`.
public struct DecisionDocument: Sendable, Hashable {
    public static let maximumBytes = 10 * 1_048_576

    public var fileName: String
    public var bytes: Int

    public init(fileName: String, bytes: Int) {
        self.fileName = fileName
        self.bytes = bytes
    }

    /// The file as uploaded, checked: a PDF (by its first bytes, whatever its name says), not
    /// empty and not larger than the bound. The name keeps only what a download may carry.
    public static func check(fileName: String, prefix: [UInt8], bytes: Int) throws(FieldError) -> DecisionDocument {
        guard bytes > 0 else { throw FieldError("file", "Το αρχείο είναι κενό.", "The file is empty.") }
        guard bytes <= maximumBytes else {
            throw FieldError("file", "Το αρχείο ξεπερνά τα 10 MB (έχει \(GreekNumber.format(Double(bytes) / 1_048_576)) MB).",
                             "The file is larger than 10 MB.")
        }
        guard prefix.starts(with: Array("%PDF-".utf8)) else {
            throw FieldError("file", "Το αρχείο δεν είναι PDF: επισυνάψτε την απόφαση όπως αναρτήθηκε (PDF).",
                             "The file is not a PDF: attach the decision as posted (PDF).")
        }
        let safe = fileName.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) && !"/\\\"".unicodeScalars.contains($0) }
        var name = String(String.UnicodeScalarView(safe)).trimmingWhitespace()
        if name.isEmpty { name = "apofasi.pdf" }
        if !name.lowercased().hasSuffix(".pdf") { name += ".pdf" }
        return DecisionDocument(fileName: String(name.suffix(120)), bytes: bytes)
    }
}

extension Decision {
    /// A decision as the form gives it, each field checked; every problem named by its field.
    public static func validated(programmeID: UUID, body: String, act: String = Act.other.rawValue, number: String, date: String, subject: String,
                                 ada: String, document: DecisionDocument?) -> Result<Decision, FieldErrorList> {
        var errors: [FieldError] = []
        let chosenBody = Body(rawValue: body)
        if chosenBody == nil { errors.append(FieldError("body", "Επιλέξτε το όργανο που αποφάσισε.", "Choose the body that decided.")) }
        let chosenAct = Act(rawValue: act)
        if chosenAct == nil {
            errors.append(FieldError("act", "Επιλέξτε τι αποφασίζεται για το πρόγραμμα.", "Choose what the decision does for the programme."))
        } else if let chosenAct, let chosenBody, let required = chosenAct.requiredBody, required != chosenBody {
            errors.append(FieldError("act", "Η «\(chosenAct.greek)» είναι απόφαση του οργάνου «\(required.greek)», όχι του οργάνου «\(chosenBody.greek)».",
                                     "This act is taken by «\(required.greek)», not by «\(chosenBody.greek)»."))
        }
        var cleanNumber = "", cleanSubject = ""
        do throws(FieldError) {
            cleanNumber = try FieldRules.required(number, field: "number", subject: ("Ο αριθμός της απόφασης", "The decision's number"), limit: 40)
        } catch { errors.append(error) }
        do throws(FieldError) {
            cleanSubject = try FieldRules.required(subject, field: "subject", subject: ("Το θέμα", "The subject"), limit: 1_000)
        } catch { errors.append(error) }
        var day: CalendarDate?
        do throws(FieldError) {
            day = try FieldRules.date(date, field: "date")
            if day == nil { errors.append(FieldError("date", "Η ημερομηνία της απόφασης είναι υποχρεωτική.", "The decision's date is required.")) }
        } catch { errors.append(error) }
        var code: ADA?
        if !ada.trimmingWhitespace().isEmpty {
            code = ADA(parsing: ada)
            if code == nil {
                errors.append(FieldError("ada", "Ο ΑΔΑ «\(ada.trimmingWhitespace().prefix(40))» δεν έχει τη μορφή της Διαύγειας (π.χ. ΨΔ44ΩΕΝ-Ο7Ω: 7 έως 10 κεφαλαία ελληνικά γράμματα ή ψηφία, παύλα, 3 ακόμη).",
                                         "The ΑΔΑ «\(ada.trimmingWhitespace().prefix(40))» is not in Diavgeia's form (e.g. ΨΔ44ΩΕΝ-Ο7Ω)."))
            }
        }
        if let day, let lastYear = Int(cleanNumber.split(separator: "/").last ?? ""), (1980...2100).contains(lastYear), lastYear != day.year {
            errors.append(FieldError("number", "Ο αριθμός «\(cleanNumber)» δηλώνει έτος \(lastYear), ενώ η απόφαση χρονολογείται \(day.description).",
                                     "The number says \(lastYear) but the decision is dated \(day.description)."))
        }
        guard errors.isEmpty, let chosenBody, let chosenAct, let day else { return .failure(FieldErrorList(errors)) }
        return .success(Decision(programmeID: programmeID, body: chosenBody, act: chosenAct, number: cleanNumber, date: day, subject: cleanSubject,
                                 ada: code, document: document))
    }
}

/// Several fields' problems at once.
public struct FieldErrorList: Error, Sendable, Equatable {
    public var errors: [FieldError]
    public init(_ errors: [FieldError]) { self.errors = errors }
}
