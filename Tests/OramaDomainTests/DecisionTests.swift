import Foundation
import Testing
@testable import OramaDomain

@Suite("Αποφάσεις και ΑΔΑ")
struct DecisionTests {
    @Test("ο ΑΔΑ διαβάζεται στις μορφές της Διαύγειας, και όπως τον επικολλά κανείς")
    func adaShapes() {
        for code in ["ΨΔ44ΩΕΝ-Ο7Ω", "Ω6Η2ΟΡΡ9-Β9Ω", "Ψ4Δ446ΜΤΛΚ-Ε2Ψ", "6ΧΙ9ΩΞΓ-ΔΥ5"] {
            #expect(ADA(parsing: code)?.code == code, "\(code)")
        }
        #expect(ADA(parsing: "  ψδ44ωεν-ο7ω ")?.code == "ΨΔ44ΩΕΝ-Ο7Ω", "small letters, spaces")
        #expect(ADA(parsing: "ΨΔ44ΩEN-O7Ω")?.code == "ΨΔ44ΩΕΝ-Ο7Ω", "Latin E, N, O taken as Greek")
        #expect(ADA(parsing: "ΨΔ44ΩΕΝ-Ο7Ω")?.diavgeiaURL == "https://diavgeia.gov.gr/decision/view/ΨΔ44ΩΕΝ-Ο7Ω")
        for bad in ["", "ΨΔ44ΩΕΝΟ7Ω", "ΨΔ44-Ο7Ω", "ΨΔ44ΩΕΝΑΒΓΔ-Ο7Ω", "ΨΔ44ΩΕΝ-Ο7", "ΨΔ44ΩΕΝ-Ο7ΩΩ", "ΨΔ44ΩΕΝ-Ο7Ω-1", "ΨΔ44ΩΕ#-Ο7Ω", "45/2025", "QWERTYU-ASD"] {
            #expect(ADA(parsing: bad) == nil, "«\(bad)»")
        }
    }

    @Test("μόνο PDF έως 10 MB· το όνομα κρατά ό,τι χωρά σε μια λήψη")
    func documents() throws {
        let pdf = Array("%PDF-1.7\n".utf8)
        let ok = try DecisionDocument.check(fileName: "Απόφαση 45/2025.pdf", prefix: pdf, bytes: 2_000)
        #expect(ok.fileName == "Απόφαση 452025.pdf" && ok.bytes == 2_000)
        #expect(try DecisionDocument.check(fileName: "apofasi", prefix: pdf, bytes: 10).fileName == "apofasi.pdf")
        #expect(throws: FieldError.self) { try DecisionDocument.check(fileName: "a.pdf", prefix: Array("PK\u{3}\u{4}".utf8), bytes: 10) }
        #expect(throws: FieldError.self) { try DecisionDocument.check(fileName: "a.pdf", prefix: pdf, bytes: DecisionDocument.maximumBytes + 1) }
        #expect(throws: FieldError.self) { try DecisionDocument.check(fileName: "a.pdf", prefix: [], bytes: 0) }
    }

    @Test("κάθε πεδίο ελέγχεται και κάθε πρόβλημα λέει το πεδίο του")
    func validation() throws {
        let p = UUID()
        let good = try Decision.validated(programmeID: p, body: "council", number: " 45/2025 ", date: "15/03/2025",
                                          subject: "Έγκριση Αʹ Φάσης", ada: "ΨΔ44ΩΕΝ-Ο7Ω", document: nil).get()
        #expect(good.number == "45/2025" && good.date == CalendarDate(year: 2025, month: 3, day: 15) && good.ada?.code == "ΨΔ44ΩΕΝ-Ο7Ω")
        let noADA = try Decision.validated(programmeID: p, body: "consultationCommittee", number: "3/2025", date: "2025-02-20",
                                           subject: "Γνώμη", ada: "  ", document: nil).get()
        #expect(noADA.ada == nil)
        guard case .failure(let list) = Decision.validated(programmeID: p, body: "mayor", number: "", date: "31/02/2025", subject: "",
                                                           ada: "ΑΒΓ", document: nil) else {
            Issue.record("an invalid decision was accepted")
            return
        }
        #expect(Set(list.errors.map(\.field)) == ["body", "number", "date", "subject", "ada"])
        #expect(list.errors.first { $0.field == "ada" }?.description.contains("Διαύγειας") == true)
    }

    @Test("η έγκριση φάσης είναι του Δημοτικού Συμβουλίου και η γνώμη της Επιτροπής Διαβούλευσης· ο αριθμός και η ημερομηνία συμφωνούν στο έτος")
    func actsAndBodies() throws {
        let p = UUID()
        let phaseA = try Decision.validated(programmeID: p, body: "council", act: "phaseA", number: "208/2020", date: "30/09/2020",
                                            subject: "Έγκριση", ada: "ΨΔ44ΩΕΝ-Ο7Ω", document: nil).get()
        #expect(phaseA.act == .phaseA)
        for (body, act) in [("municipalCommittee", "phaseA"), ("consultationCommittee", "phaseB"), ("council", "committeeOpinion")] {
            guard case .failure(let list) = Decision.validated(programmeID: p, body: body, act: act, number: "1/2020", date: "01/10/2020",
                                                               subject: "Θέμα", ada: "", document: nil) else {
                Issue.record("\(act) by \(body) was accepted")
                continue
            }
            #expect(list.errors.map(\.field) == ["act"], "\(act) by \(body)")
        }
        guard case .failure(let unknown) = Decision.validated(programmeID: p, body: "council", act: "veto", number: "1/2020", date: "01/10/2020",
                                                              subject: "Θέμα", ada: "", document: nil) else { Issue.record("unknown act accepted"); return }
        #expect(unknown.errors.map(\.field) == ["act"])
        guard case .failure(let year) = Decision.validated(programmeID: p, body: "council", act: "other", number: "45/2024", date: "01/10/2025",
                                                           subject: "Θέμα", ada: "", document: nil) else { Issue.record("45/2024 dated 2025 accepted"); return }
        #expect(year.errors.map(\.field) == ["number"])
        #expect(year.errors[0].description.contains("2024") && year.errors[0].description.contains("01/10/2025"))
    }
}
