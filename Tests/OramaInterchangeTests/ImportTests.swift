import Foundation
import OramaDomain
@testable import OramaInterchange
import Testing

@Suite("Εισαγωγή δράσεων και δεικτών")
struct ImportTests {
    let p = Fixture.programme()
    let r = Fixture.reference
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    let today = CalendarDate(year: 2026, month: 6, day: 1)

    func run(_ kind: ImportReport.Kind, _ data: Data, into programme: Programme? = nil) -> ImportReport {
        ProgrammeImport.run(kind, data, into: programme ?? p, reference: r, by: "Δοκιμή", at: now, today: today)
    }

    func csv(_ text: String) -> Data { Data(text.utf8) }

    @Test(arguments: [ImportReport.Kind.actions, .indicators])
    func exportedFilesImportBackWithoutAChange(kind: ImportReport.Kind) throws {
        let sheet = kind == .actions ? ProgrammeSheets.actionsSheet(p, r) : ProgrammeSheets.indicatorsSheet(p, r)
        for data in [CSVWriter.data(sheet), try XLSXWriter.data(Workbook(sheets: [sheet]))] {
            let report = run(kind, data)
            #expect(report.problems.isEmpty, "\(report.problems)")
            #expect(report.count(.unchanged) == (kind == .actions ? 3 : 2))
            #expect(!report.changesAnything)
            #expect(report.programme == p)
        }
    }

    @Test func anEditedExportUpdatesOnlyWhatChangedAndANewRowIsCreatedWithItsCode() throws {
        var sheet = ProgrammeSheets.actionsSheet(p, r)
        sheet.rows[0][3] = .text("Δίκτυο ύδρευσης Μέλισσας (αναθεωρημένο)")
        sheet.rows[0][10] = .text("450.000,00")
        var fresh = [Workbook.Cell](repeating: .empty, count: sheet.columns.count)
        fresh[2] = .text(p.objectives[1].code)
        fresh[3] = .text("Νέα δράση από το Excel")
        fresh[7] = .text("ΤΚΠ")
        fresh[11] = .text("01/04/2026")
        fresh[12] = .text("Δʹ τρίμ. 2027")
        fresh[15] = .text("ΣΑΤΑ 2026: 12.500,00 | ιδ 2027: 1.000")
        sheet.rows.append(fresh)
        let report = run(.actions, try XLSXWriter.data(Workbook(sheets: [sheet])))
        #expect(report.problems.isEmpty, "\(report.problems)")
        let update = try #require(report.changes.first { $0.operation == .update })
        #expect(update.columns == ["Τίτλος", "Κόστος"])
        let created = try #require(report.changes.first { $0.operation == .create })
        #expect(created.code == "\(p.objectives[1].code).02")
        let action = try #require(report.programme.actions.first { $0.title == "Νέα δράση από το Excel" })
        #expect(action.schedule == Schedule(start: YearQuarter(year: 2026, quarter: 2), end: YearQuarter(year: 2027, quarter: 4)))
        #expect(action.fundedAmount == Money(cents: 1_350_000))
        #expect(action.responsibleUnitID == Fixture.social.id)
        #expect(report.programme.actions[0].cost == Money(cents: 45_000_000))
    }

    @Test func englishHeadersWindows1253AndCommasAreAccepted() {
        // English headers, `,` separators, and «Τίτλος» and the unit «ΤΤΥ» in Windows-1253 bytes.
        let header = "code,title,objective,responsible unit,cost\r\n"
        let bytes = Array(header.utf8) + Array(",".utf8) + [0xD4, 0xDF, 0xF4, 0xEB, 0xEF, 0xF2] + Array(",\(p.objectives[0].code),".utf8)
            + [0xD4, 0xD4, 0xD5] + Array(",\"1.234,56\"\r\n".utf8)
        let report = run(.actions, Data(bytes))
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.programme.actions.contains { $0.title == "Τίτλος" && $0.cost == Money(cents: 123_456) })
    }

    @Test func indicatorsTakeTargetsAndValuesAndRefuseLockedPeriods() {
        let text = "Κωδικός;Στόχος 2027;Τιμές\r\nΔ1;600;2025: 130 | 2026-Q1: 140,5\r\n"
        let report = run(.indicators, csv(text))
        #expect(report.problems.isEmpty, "\(report.problems)")
        let i = report.programme.indicators[0]
        #expect(i.targets[2027] == 600 && i.targets[2025] == 100)
        #expect(i.measurements.map(\.value).sorted() == [130, 140.5])
        #expect(i.measurements.first { $0.period == ReportingPeriod(year: 2025) }?.note.contains("εισαγωγή από αρχείο") == true)
        #expect(report.changes[0].columns == ["Στόχος 2027", "Τιμές"])

        var locked = p
        locked.lockedPeriods = [ReportingPeriod(year: 2025)]
        let refused = run(.indicators, csv(text), into: locked)
        #expect(refused.problems.map(\.description) == ["Γραμμή 2, στήλη «Τιμές»: 2025: " + EntryError.periodLocked(ReportingPeriod(year: 2025)).description])
        #expect(refused.programme == locked)
    }

    @Test func localitiesThatShareANameAreWrittenWithTheirKindAndReadBack() throws {
        var r = self.r
        let unit = Locality(organisationID: Fixture.org.id, name: "Κοινότητα Μελίσσης", kind: .municipalUnit)
        r.localities.append(unit)
        let sheet = ProgrammeSheets.actionsSheet(p, r)
        #expect(sheet.rows[0][17] == .text("Κοινότητα Μελίσσης (\(Locality.Kind.community.greek))"))
        let report = ProgrammeImport.run(.actions, CSVWriter.data(sheet), into: p, reference: r, by: "Δοκιμή", at: now, today: today)
        #expect(report.problems.isEmpty && !report.changesAnything, "\(report.problems)")
        let ambiguous = "Κωδικός;Περιοχές\r\n\(p.actions[1].code);Κοινότητα Μελίσσης\r\n"
        let refused = ProgrammeImport.run(.actions, csv(ambiguous), into: p, reference: r, by: "Δοκιμή", at: now, today: today)
        #expect(refused.problems.first?.description.contains("διφορούμενη") == true)
    }

    @Test func everyRefusalNamesRowAndColumnAndNothingIsApplied() {
        let cases: [(String, String, String)] = [
            ("Κωδικός;Τίτλος;Στόχος;Υπεύθυνη υπηρεσία;Κόστος\r\n;Νέα;9.9.9;ΤΤΥ;10\r\n", "Γραμμή 2, στήλη «Στόχος»", "Δεν υπάρχει στόχος"),
            ("Κωδικός;Τίτλος;Κόστος\r\n\(p.actions[0].code);Χ;12,34,5\r\n", "Γραμμή 2, στήλη «Κόστος»", "δεν είναι ποσό"),
            ("Κωδικός;Έναρξη;Λήξη\r\n\(p.actions[0].code);31/02/2025;2026-Q1\r\n", "Γραμμή 2, στήλη «Έναρξη»", "δεν είναι τρίμηνο ή ημερομηνία"),
            ("Κωδικός;Τίτλος\r\n\(p.actions[0].code);Α\r\n\(p.actions[0].code);Β\r\n", "Γραμμή 3, στήλη «Κωδικός»", "γραμμή 2"),
            ("Κωδικός;Τίτλοςς\r\n1;Α\r\n", "Γραμμή 1, στήλη «Τίτλοςς»", "Άγνωστη στήλη"),
            ("Τίτλος\r\nΑ\r\n", "Γραμμή 1, στήλη «Κωδικός»", "Λείπει η στήλη"),
        ]
        for (text, place, reason) in cases {
            let report = run(.actions, csv(text))
            #expect(!report.isAccepted, "\(text)")
            #expect(report.problems.first.map { $0.description.hasPrefix(place) && $0.description.contains(reason) } == true, "\(report.problems)")
            #expect(report.programme == p)
        }
    }
}
