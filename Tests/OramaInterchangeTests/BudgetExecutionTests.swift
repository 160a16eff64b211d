import Foundation
import OramaDomain
@testable import OramaInterchange
import Testing

@Suite struct BudgetExecutionImportTests {
    let good = """
    ΚΑΕ;Περιγραφή;Προϋπολογισθέντα;Δεσμευθέντα;Πληρωθέντα
    25.7323.0191;"Δίκτυο ύδρευσης; Μέλισσα";420.000,00;210.000,00;120.500,50
    30.7323.0011;Οδοποιία;100.000,00;;0
    """

    @Test func readsGreekNumbersQuotesAndEmptyCells() throws {
        let lines = try BudgetExecutionImport.parse(Data(good.utf8)).get()
        #expect(lines.count == 2)
        #expect(lines[0].description == "Δίκτυο ύδρευσης; Μέλισσα")
        #expect(lines[0].paid == Money(cents: 12_050_050))
        #expect(lines[1].committed == .zero)
    }

    @Test func readsWindows1253AndUTF8WithBOM() throws {
        let greek = "ΚΑΕ;Περιγραφή;Προϋπολογισθέντα;Δεσμευθέντα;Πληρωθέντα\r\n10.6117.0001;Υπηρεσίες Άρδευσης;1.000,00;500,00;250,00\r\n"
        var cp1253: [UInt8] = []
        for scalar in greek.unicodeScalars {
            switch scalar.value {
            case 0..<0x80: cp1253.append(UInt8(scalar.value))
            case 0x0386: cp1253.append(0xA2)
            case 0x0391...0x03A1: cp1253.append(UInt8(scalar.value - 0x0391 + 0xC1))
            case 0x03A3...0x03CE: cp1253.append(UInt8(scalar.value - 0x03A3 + 0xD3))
            default: Issue.record("unexpected \(scalar)")
            }
        }
        let fromWindows = try BudgetExecutionImport.parse(Data(cp1253)).get()
        #expect(fromWindows[0].description == "Υπηρεσίες Άρδευσης")
        let withBOM = try BudgetExecutionImport.parse(Data([0xEF, 0xBB, 0xBF] + Array(greek.utf8))).get()
        #expect(withBOM == fromWindows)
        let commas = try BudgetExecutionImport.parse(Data("code,description,budgeted,committed,paid\n10.1,Χ,\"1.000,00\",0,0\n".utf8)).get()
        #expect(commas[0].budgeted == Money(euros: 1000))
    }

    @Test(arguments: [
        ("", "κενό"),
        ("ΚΑΕ;Περιγραφή;Δεσμευθέντα;Πληρωθέντα\n1;x;1;1\n", "στήλη «Προϋπολογισθέντα»: Λείπει η στήλη"),
        ("ΚΑΕ;Περιγραφή;Προϋπολογισθέντα;Δεσμευθέντα;Πληρωθέντα\n1;x;πολλά;1;1\n", "Γραμμή 2, στήλη «Προϋπολογισθέντα»"),
        ("ΚΑΕ;Περιγραφή;Προϋπολογισθέντα;Δεσμευθέντα;Πληρωθέντα\n1;x;1;1;1\n1;y;1;1;1\n", "Γραμμή 3, στήλη «ΚΑΕ»"),
        ("ΚΑΕ;Περιγραφή;Προϋπολογισθέντα;Δεσμευθέντα;Πληρωθέντα\n;x;1;1;1\n", "Γραμμή 2, στήλη «ΚΑΕ»"),
        ("ΚΑΕ;Περιγραφή;Προϋπολογισθέντα;Δεσμευθέντα;Πληρωθέντα\n", "δεν έχει γραμμές δεδομένων"),
    ])
    func refusesMalformedFilesNamingRowAndColumn(text: String, expected: String) {
        guard case .failure(let refusal) = BudgetExecutionImport.parse(Data(text.utf8)) else {
            Issue.record("accepted: \(text)")
            return
        }
        #expect(refusal.problems.contains { $0.description.contains(expected) }, "\(refusal.problems)")
    }

    @Test func matchesLinesToActionsByBudgetLineCode() {
        let unit = UUID()
        let a = Action(title: "Α", responsibleUnitID: unit, budgetLines: ["25.7323.0191"])
        let b = Action(title: "Β", responsibleUnitID: unit, budgetLines: ["30.7323.0011", "30.7323.0012"])
        let lines = try! BudgetExecutionImport.parse(Data((good + "\n99.0000.0001;Άλλο;5,00;0;0").utf8)).get()
        let matching = BudgetExecutionImport.match(lines, to: [a, b])
        #expect(matching.byAction[a.id]?.map(\.code) == ["25.7323.0191"])
        #expect(matching.byAction[b.id]?.map(\.code) == ["30.7323.0011"])
        #expect(matching.unmatched.map(\.code) == ["99.0000.0001"])
    }
}
