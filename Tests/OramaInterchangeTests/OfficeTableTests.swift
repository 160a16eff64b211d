import Foundation
import OramaDomain
@testable import OramaInterchange
import Testing

/// The corpus of office tables (`Tests/Fixtures/office`, written by its `make_corpus.py`):
/// each read, mapped by the words of its header and planned into an empty programme of a
/// municipality with no reference data yet, so every service, place and source is new.
@Suite("Πίνακες γραφείων: ανάγνωση, αντιστοίχιση, δέντρο")
struct OfficeTableTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/office")

    struct Expected: Decodable {
        var actions: Int
        var axes: Int
        var centsByYear: [String: Int64]
        var sheet: String?
        var mapping: String?
    }

    static var expected: [String: Expected] {
        (try? JSONDecoder().decode([String: Expected].self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))) ?? [:]
    }

    static var files: [String] { expected.keys.sorted() }

    static let org = Organisation(id: UUID(), name: "Δήμος Δοκιμής", region: "Θεσσαλίας", regionalUnit: "Λάρισας")

    func plan(_ file: String) throws -> OfficePlan {
        let e = try #require(Self.expected[file])
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(file))
        let saved = try e.mapping.map { try OfficeMapping.decode(try Data(contentsOf: Self.folder.appendingPathComponent($0))).get() }
        let table = try OfficeTable.read(data, sheet: e.sheet, headers: saved?.columns.map(\.header) ?? []).get()
        let reference = ReferenceData(organisation: Self.org)
        let empty = Programme(organisationID: Self.org.id, title: "Νέο πρόγραμμα", startYear: 2024, endYear: 2028)
        var mapping = OfficeImport.propose(table, reference: reference, years: empty.startYear...empty.endYear)
        if let saved {
            mapping = saved
            for value in OfficeImport.values(table, mapping: mapping, reference: reference) where mapping.choice(value.kind, value.text) == nil {
                mapping.choose(value.kind, value.text, value.suggestion ?? OfficeValueChoice.new)
            }
        }
        return OfficeImport.plan(table, mapping: mapping, into: empty, reference: reference)
    }

    @Test(arguments: OfficeTableTests.files)
    func everyRowLandsWithItsMoney(file: String) throws {
        let e = try #require(Self.expected[file])
        let plan = try plan(file)
        #expect(plan.problems.isEmpty, "\(file): \(plan.problems.prefix(5))")
        #expect(plan.created == e.actions, "\(file)")
        #expect(plan.programme.actions.count == e.actions)
        #expect(plan.programme.axes.count == e.axes, "\(file): \(plan.programme.axes.map(\.title))")
        let cents = Dictionary(uniqueKeysWithValues: plan.importedByYear.map { (String($0.key), $0.value.cents) })
        #expect(cents == e.centsByYear, "\(file)")
        #expect(plan.programme.actions.allSatisfy { !$0.title.isEmpty && $0.code.count >= 7 }, "every action has its derived code")
        #expect(plan.newUnits.count >= 1 && plan.newSources.count >= 1, "\(file): services and sources were new")
    }

    @Test func theReaderFindsTheHeaderBelowTitlesAndSetsTotalsAside() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("01-programme-utf8-bom.csv"))
        let table = try OfficeTable.read(data).get()
        #expect(table.encoding == .utf8BOM)
        #expect(table.headerRow == 4)
        #expect(table.columns.map(\.year).compactMap { $0 } == [2024, 2025, 2026, 2027, 2028])
        #expect(table.skipped.count == 1 && table.skipped[0].message.contains("ΓΕΝΙΚΟ ΣΥΝΟΛΟ"))
        let plan = try plan("01-programme-utf8-bom.csv")
        #expect(plan.fileTotalsByYear == plan.importedByYear, "the file's own totals row equals what is imported")
        // «ΔΕ Νίκαιας» and «ΔΕ Κραννώνος» are places, written in the genitive.
        #expect(Set(plan.newLocalities.map(\.name)).isSuperset(of: ["ΔΕ Νίκαιας", "ΔΕ Κραννώνος"]))
    }

    @Test func aTwoRowHeaderMergedCellsAndFormulasInXLSX() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("05-two-row-header.xlsx"))
        let table = try OfficeTable.read(data).get()
        #expect(table.headerRow == 4)
        #expect(table.columns.compactMap(\.year) == [2024, 2025, 2026, 2027, 2028])
        #expect(table.columns[6].header == "Προϋπολογισμός ανά έτος (€) 2024")
        #expect(table.skipped.count == 1, "the totals row of formulas is set aside")
        let plan = try plan("05-two-row-header.xlsx")
        let first = try #require(plan.programme.actions.first)
        #expect(first.schedule == Schedule(start: YearQuarter(year: 2025, quarter: 1), end: YearQuarter(year: 2026, quarter: 4)), "dates stored as Excel dates")
        #expect(plan.programme.axes[0].measures.count == 2, "merged axis cells fill down")
    }

    @Test func aTotalThatDiffersFromItsYearsIsAFindingNotASilentChoice() throws {
        let plan = try plan("07-codes-and-names.csv")
        #expect(plan.findings.contains { $0.message.contains("διαφέρει από το άθροισμα των ετών") && $0.message.contains("100,00 €") }, "\(plan.findings)")
        #expect(plan.programme.axes.map(\.title).first == "Περιβάλλον και Ποιότητα Ζωής", "«1. Περιβάλλον…» is the code and the title")
        #expect(plan.programme.measures.first?.title == "Ύδρευση και αποχέτευση")
    }

    @Test func aLegalEntityAsTheBodyAndTheNatureInTheKindColumn() throws {
        let entity = LegalEntity(organisationID: Self.org.id, name: "ΔΕΥΑ Κιλελέρ", kind: .waterUtility)
        let unit = OrgUnit(organisationID: Self.org.id, code: "ΔΤΥ", name: "Διεύθυνση Τεχνικών Υπηρεσιών", kind: .directorate)
        let reference = ReferenceData(organisation: Self.org, units: [unit], legalEntities: [entity])
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("02-windows-1253.csv"))
        let table = try OfficeTable.read(data).get()
        #expect(table.encoding == .windows1253)
        let empty = Programme(organisationID: Self.org.id, title: "Π", startYear: 2024, endYear: 2028)
        let mapping = OfficeImport.propose(table, reference: reference, years: 2024...2028)
        #expect(mapping.choice(.unit, "Τεχνική Υπηρεσία") == unit.id.uuidString, "«Τεχνική Υπηρεσία» is the Διεύθυνση Τεχνικών Υπηρεσιών")
        #expect(mapping.choice(.unit, "ΔΕΥΑ Κιλελέρ") == entity.id.uuidString)
        let plan = OfficeImport.plan(table, mapping: mapping, into: empty, reference: reference)
        #expect(plan.problems.isEmpty, "\(plan.problems)")
        let water = try #require(plan.programme.actions.first { $0.title.hasPrefix("Αντικατάσταση") })
        #expect(water.implementingBody == .legalEntity(entity.id) && water.responsibleUnitID == unit.id)
        let tsv = try OfficeTable.read(try Data(contentsOf: Self.folder.appendingPathComponent("04-tab-separated.tsv"))).get()
        let kinds = OfficeImport.propose(tsv, reference: reference, years: 2024...2028)
        #expect(kinds.choice(.kind, "Έργο") == "nature:works", "«Έργο» is a nature, not a kind")
        #expect(kinds.choice(.priority, "Α") == "1")
    }

    @Test func aNewBodyThatNamesItselfALegalEntityIsOne() throws {
        #expect(OfficeValues.legalEntityKind("ΔΕΥΑ Κιλελέρ") == .waterUtility)
        #expect(OfficeValues.legalEntityKind("Δ.Ε.Υ.Α. Λάρισας") == .waterUtility)
        #expect(OfficeValues.legalEntityKind("Ν.Π.Δ.Δ. Κοινωνικής Μέριμνας") == .publicLawEntity)
        #expect(OfficeValues.legalEntityKind("Κοινωφελής Επιχείρηση Δήμου Κιλελέρ") == .municipalEnterprise)
        #expect(OfficeValues.legalEntityKind("Τεχνική Υπηρεσία") == nil)
        #expect(OfficeValues.legalEntityKind("Διεύθυνση Οικονομικών Υπηρεσιών") == nil)
        // In a municipality with no reference data, the ΔΕΥΑ of file 05 becomes a legal
        // entity, the implementing body of its actions, not a service.
        let plan = try plan("05-two-row-header.xlsx")
        let entity = try #require(plan.newLegalEntities.first)
        #expect(entity.name == "ΔΕΥΑ Κιλελέρ" && entity.kind == .waterUtility)
        #expect(!plan.newUnits.contains { $0.name == "ΔΕΥΑ Κιλελέρ" })
        #expect(plan.programme.actions.contains { $0.implementingBody == .legalEntity(entity.id) })
        #expect(plan.programme.actions.allSatisfy { plan.reference.unit($0.responsibleUnitID) != nil }, "a service is still responsible")
    }
}
