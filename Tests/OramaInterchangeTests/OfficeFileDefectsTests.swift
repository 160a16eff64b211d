import Foundation
import OramaDomain
@testable import OramaInterchange
import Testing

/// The defects an office's own files met on the way in, each with its test.
@Suite("Αρχεία γραφείων: κωδικοποιήσεις, κομμένες γραμμές, μηνύματα")
struct OfficeFileDefectsTests {
    let p = Fixture.programme()
    let r = Fixture.reference
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    let today = CalendarDate(year: 2026, month: 6, day: 1)

    func run(_ data: Data) -> ImportReport {
        ProgrammeImport.run(.actions, data, into: p, reference: r, by: "Δοκιμή", at: now, today: today)
    }

    /// Greek text in a single-byte code page, byte by byte from the Unicode table.
    func bytes(_ text: String, _ table: (UInt8) -> Unicode.Scalar) -> Data {
        var reverse: [Unicode.Scalar: UInt8] = [:]
        for b in 0...255 { let s = table(UInt8(b)); if s != "\u{FFFD}" && reverse[s] == nil { reverse[s] = UInt8(b) } }
        return Data(text.unicodeScalars.map { reverse[$0]! })
    }

    @Test func aCSVCutMidRowIsRefusedWithRowAndColumn() {
        let a = p.actions[0]
        let whole = "Κωδικός;Τίτλος;Κόστος;Έναρξη;Λήξη\r\n\(a.code);Αποτύπωση κτιρίων;1.000,00;2025-Q1;2025-Q4\r\n"
        #expect(run(Data(whole.utf8)).problems.isEmpty)
        let cut = "Κωδικός;Τίτλος;Κόστος;Έναρξη;Λήξη\r\n\(a.code);Αποτύπωση κτι"
        let report = run(Data(cut.utf8))
        #expect(!report.isAccepted)
        #expect(report.problems.first?.description.hasPrefix("Γραμμή 2, στήλη «Κόστος»: Η γραμμή έχει 2 κελιά ενώ η επικεφαλίδα έχει 5") == true, "\(report.problems)")
        #expect(report.programme == p, "nothing applied: the title is not «Αποτύπωση κτι»")
        let openQuote = "Κωδικός;Τίτλος\r\n\(a.code);\"Αποτύπωση κτι"
        #expect(run(Data(openQuote.utf8)).problems.first?.description.contains("εισαγωγικά") == true)
    }

    @Test func cellsBeyondTheHeaderAreRefusedNotDropped() {
        let a = p.actions[0]
        // An unquoted «;» inside a title pushes every later cell one column to the right.
        let text = "Κωδικός;Τίτλος;Κόστος\r\n\(a.code);Ύδρευση; Μέλισσα;1.000,00\r\n"
        let report = run(Data(text.utf8))
        #expect(report.problems.map(\.description) == ["Γραμμή 2, στήλη «D»: Η γραμμή έχει 4 κελιά ενώ η επικεφαλίδα έχει 3· το κελί 4 («1.000,00») δεν ανήκει σε καμία στήλη. Ίσως ένα κείμενο περιέχει «;» χωρίς εισαγωγικά."])
        // A trailing separator (an empty extra cell) is not a problem.
        #expect(run(Data("Κωδικός;Τίτλος;\r\n\(a.code);\(a.title);\r\n".utf8)).problems.isEmpty)
    }

    @Test func oneInvalidByteInAUTF8FileIsRefusedNotReadAsWindows1253() {
        var data = Data("Κωδικός;Τίτλος\r\n\(p.actions[0].code);Ανάπλαση πλατείας\r\n\(p.actions[1].code);Νέο δίκτυο\r\n".utf8)
        data[data.count - 5] = 0xFF
        switch GreekTextDecoding.decode(data) {
        case .success(let decoded): Issue.record("decoded as \(decoded.encoding): \(decoded.text)")
        case .failure(let refusal): #expect(refusal.line == 3 && refusal.description.contains("UTF-8"), "\(refusal)")
        }
        let report = run(data)
        #expect(report.problems.first?.description.hasPrefix("Γραμμή 3: Το αρχείο είναι σε UTF-8 αλλά έχει μη έγκυρο byte") == true, "\(report.problems)")
        #expect(!report.programme.actions.contains { $0.title.contains("Ξ") })
    }

    @Test func windows1253AndISO88597AreToldApartByTheirBytes() throws {
        let text = "Κωδικός;Τίτλος;Κόστος\r\n\(p.actions[0].code);Άνω Πόλη «Άγιος» - ‘παλιά’ πλατεία;1.000,00 €\r\n"
        let cp1253 = bytes(text, GreekTextDecoding.windows1253)
        let iso = bytes(text, GreekTextDecoding.iso8859_7)
        #expect(cp1253 != iso, "the two encodings differ in «Ά», «€» and the quotes")
        for (data, expected) in [(cp1253, GreekTextDecoding.Encoding.windows1253), (iso, .iso8859_7)] {
            let decoded = try GreekTextDecoding.decode(data).get()
            #expect(decoded.encoding == expected)
            #expect(decoded.text == text, "\(expected): \(decoded.text)")
            let report = run(data)
            #expect(report.problems.isEmpty, "\(report.problems)")
            #expect(report.encoding == expected, "the dry run says which encoding it read")
            #expect(report.programme.actions[0].title == "Άνω Πόλη «Άγιος» - ‘παλιά’ πλατεία")
        }
        // Without «Ά» or «€», plain Greek letters read the same in both.
        let plain = bytes("Κωδικός;Τίτλος\r\n\(p.actions[0].code);Νέο δίκτυο ύδρευσης\r\n", GreekTextDecoding.iso8859_7)
        #expect(try GreekTextDecoding.decode(plain).get().text.contains("Νέο δίκτυο ύδρευσης"))
    }

    @Test func textThatIsGreekInNoEncodingIsRefused() {
        // Latin-1 French: é è à read as Greek letters inside Latin words.
        let latin1 = Data("Code;Titre\r\n1;Société générale à Lyon, réseau d'eau\r\n".unicodeScalars.map { UInt8($0.value) })
        guard case .failure(let refusal) = GreekTextDecoding.decode(latin1) else { Issue.record("Latin-1 read as Greek"); return }
        #expect(refusal.description.contains("δεν είναι ελληνικό κείμενο"))
        #expect(run(latin1).problems.first?.description.contains("δεν είναι ελληνικό κείμενο") == true)
    }

    @Test func anUnknownObjectiveIsNamedInFullAndTheMessageSaysACodeOrATitle() {
        let name = "Αποκατάσταση εστιών ρύπανσης και παλαιών χωματερών"
        let text = "Κωδικός;Στόχος;Τίτλος;Υπεύθυνη υπηρεσία\r\n;\(name);Νέα δράση;ΤΤΥ\r\n"
        let refused = run(Data(text.utf8))
        #expect(refused.problems.map(\.message) == ["Δεν υπάρχει στόχος με κωδικό ή τίτλο «\(name)»· γράψτε τον κωδικό του στόχου (π.χ. 1.2.3) ή τον τίτλο του όπως είναι στο πρόγραμμα."])
        // An objective's title (whatever the accents and case) names it as its code does.
        let byTitle = "Κωδικός;Στόχος;Τίτλος;Υπεύθυνη υπηρεσία\r\n;ΕΠΑΡΚΕΙΑ ΝΕΡΟΥ;Νέα δράση;ΤΤΥ\r\n"
        let report = run(Data(byTitle.utf8))
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.programme.objectives[0].actions.contains { $0.title == "Νέα δράση" })
    }

    @Test func documentsSayAnaAxonaAndOneActionInTheSingular() throws {
        var p = self.p
        p.axes[0].measures[0].objectives[1].actions = []  // the social unit keeps no action; the technical unit two
        p.axes[0].measures[0].objectives[0].actions.removeLast()  // … and then one
        let phaseB = ProgrammeDocuments.build(.phaseB, p, reference: r, year: nil, approved: nil)
        let html = PrintHTML.render(phaseB)
        #expect(html.contains("ανά άξονα και έτος"))
        #expect(!html.contains("ανά άξονας"))
        #expect(html.contains("(1 δράση)"))
        #expect(!html.contains("(1 δράσεις)"))
    }
}
