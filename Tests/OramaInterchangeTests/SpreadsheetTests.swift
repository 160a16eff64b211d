import Foundation
import OramaDomain
@testable import OramaInterchange
import Testing

@Suite("Υπολογιστικά φύλλα: XLSX και CSV")
struct SpreadsheetTests {
    @Test func anXLSXReadsBackCellForCellWithNumbersAsNumbers() throws {
        let sheet = Workbook.Sheet(name: "Δράσεις", columns: [.init("Κωδικός"), .init("Τίτλος"), .init("Ποσό"), .init("Βάρος"), .init("Πλήθος")],
                                   rows: [[.text("1.1.1.01"), .text("Δίκτυο <ύδρευσης> & «αποχέτευσης»"), .money(Money(cents: 123_456_789)), .number(2.5), .integer(7)],
                                          [.text("-2 αρνητικό"), .empty, .money(Money(cents: -5)), .number(1_234.567891), .integer(0)]])
        let data = try XLSXWriter.data(Workbook(sheets: [sheet]))
        let rows = try XLSXReader.rows(data)
        #expect(rows[0] == ["Κωδικός", "Τίτλος", "Ποσό", "Βάρος", "Πλήθος"])
        #expect(rows[1] == ["1.1.1.01", "Δίκτυο <ύδρευσης> & «αποχέτευσης»", "1234567,89", "2,5", "7"])
        #expect(rows[2] == ["-2 αρνητικό", "", "-0,05", "1234,567891", "0"])
        let xml = String(decoding: try ZipPackage.read(data)["xl/worksheets/sheet1.xml"]!, as: UTF8.self)
        #expect(xml.contains(#"state="frozen""#), "header row frozen")
        #expect(xml.contains(#"<c r="C2" s="2"><v>1234567.89</v></c>"#), "money is a number with the euro format")
        // Text that looks like a formula is marked with Excel's quote prefix (style 5), never a formula.
        #expect(xml.contains(#"<c r="A3" s="5" t="inlineStr">"#))
        #expect(!xml.contains("<f>"))
    }

    @Test func sheetNamesAreShortenedCleanedAndUnique() {
        let names = XLSXWriter.uniqueSheetNames(["Ανά άξονα", "Ανά άξονα", "a/b:c*d?[e]", String(repeating: "Χ", count: 40), ""])
        #expect(names[0] == "Ανά άξονα" && names[1] == "Ανά άξονα (2)")
        #expect(names[2] == "abcde")
        #expect(names[3].count == 31)
        #expect(names[4] == "Φύλλο5")
        #expect(XLSXWriter.columnName(0) == "A" && XLSXWriter.columnName(25) == "Z" && XLSXWriter.columnName(26) == "AA" && XLSXWriter.columnName(701) == "ZZ")
        #expect(XLSXReader.position("AB12")! == (27, 12))
    }

    @Test func aDamagedXLSXIsRefusedInGreek() {
        var junk = Data("PK\u{3}\u{4}".utf8)
        junk.append(Data(repeating: 7, count: 200))
        #expect(throws: XLSXReader.Problem.self) { try XLSXReader.rows(junk) }
        let notAWorkbook = try! ZipPackage.make([("hello.txt", Data("γεια".utf8))])
        do { _ = try XLSXReader.rows(notAWorkbook); Issue.record("accepted") } catch {
            #expect("\(error)".contains("xl/workbook.xml"))
        }
    }

    @Test func hostileWorkbooksAreRefusedNotObeyed() throws {
        func workbook(_ cells: String, shared: String? = nil) throws -> Data {
            var parts: [(path: String, data: Data)] = [
                ("xl/workbook.xml", Data(#"<workbook xmlns:r="r"><sheets><sheet name="Φ" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8)),
                ("xl/_rels/workbook.xml.rels", Data(#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8)),
                ("xl/worksheets/sheet1.xml", Data("<worksheet><sheetData>\(cells)</sheetData></worksheet>".utf8)),
            ]
            if let shared { parts.append(("xl/sharedStrings.xml", Data("<sst>\(shared)</sst>".utf8))) }
            return try ZipPackage.make(parts)
        }
        // A negative or too large shared-string index reads as an empty cell, not a crash.
        let rows = try XLSXReader.rows(try workbook(#"<row r="1"><c r="A1" t="s"><v>-1</v></c><c r="B1" t="s"><v>7</v></c><c r="C1" t="s"><v>0</v></c></row>"#, shared: "<si><t>ναι</t></si>"))
        #expect(rows == [["", "", "ναι"]])
        // A cell reference that would overflow is ignored; one beyond column IV is refused with its place.
        #expect(XLSXReader.position("ZZZZZZZZZZZZZZZZZZ1") == nil)
        do {
            _ = try XLSXReader.rows(try workbook(#"<row r="3"><c r="XFD3" t="inlineStr"><is><t>x</t></is></c></row>"#))
            Issue.record("accepted")
        } catch let problem as XLSXReader.Problem {
            #expect(problem.row == 3 && problem.column == "XFD")
        }
        // A part that unpacks to more than the limit is refused, whatever sizes the archive declares.
        let bomb = try ZipPackage.make([("a", Data(repeating: 0, count: 3 << 20)), ("b", Data(repeating: 0, count: 3 << 20))])
        #expect(bomb.count < 100_000)
        #expect(throws: ZipPackage.Problem.self) { try ZipPackage.read(bomb, limit: 5 << 20) }
        #expect(try ZipPackage.read(bomb, only: ["a"], limit: 5 << 20).keys.sorted() == ["a"])
    }

    @Test func csvHasBOMSemicolonsDecimalCommaAndAGuardAgainstFormulas() {
        let sheet = Workbook.Sheet(name: "x", columns: [.init("Τίτλος"), .init("Ποσό"), .init("Τιμή")],
                                   rows: [[.text("=HYPERLINK(\"http://x\")"), .money(Money(cents: 123_456)), .number(-1.5)],
                                          [.text("a;b"), .money(.zero), .text("@SUM(A1)")],
                                          [.text("+30 210"), .empty, .text("-λίστα")]])
        let data = CSVWriter.data(sheet)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "Τίτλος;Ποσό;Τιμή")
        #expect(lines[1] == "\"'=HYPERLINK(\"\"http://x\"\")\";1234,56;-1,5", "numbers stay numbers; text formulas get an apostrophe")
        #expect(lines[2] == "\"a;b\";0,00;'@SUM(A1)")
        #expect(lines[3] == "'+30 210;;'-λίστα")
        // Read back, the apostrophe goes again: the cells are what was written.
        let rows = CSV.rows(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{FEFF}", with: ""))
        #expect(rows[1].map(CSVWriter.unguard) == ["=HYPERLINK(\"http://x\")", "1234,56", "-1,5"])
        #expect(rows[3].map(CSVWriter.unguard) == ["+30 210", "", "-λίστα"])
        #expect(CSVWriter.unguard("'κείμενο") == "'κείμενο", "an apostrophe before ordinary text is the user's own")
    }

    @Test func theOpenDataCSVUsesCommasAndDecimalPoints() {
        let sheet = Workbook.Sheet(name: "", columns: [.init("amount_eur"), .init("value")], rows: [[.money(Money(cents: 123_456)), .number(2.25)]])
        let text = String(decoding: CSVWriter.data(sheet, dialect: .openData).dropFirst(3), as: UTF8.self)
        #expect(text == "amount_eur,value\r\n1234.56,2.25\r\n")
    }

    @Test func financeWorkbookTotalsEqualTheProgrammesFunding() throws {
        let p = Fixture.programme()
        let workbook = ProgrammeSheets.financeWorkbook(p, Fixture.reference)
        #expect(workbook.sheets.map(\.name) == ["Ανά άξονα", "Ανά μέτρο", "Ανά υπηρεσία", "Ανά περιοχή", "Ανά δράση", "Ανά πηγή"])
        for sheet in workbook.sheets {
            guard case .money(let total)? = sheet.rows.last?.last else { Issue.record("no total in \(sheet.name)"); continue }
            #expect(total == p.totalFunding, "\(sheet.name)")
        }
        let rows = try XLSXReader.rows(try XLSXWriter.data(workbook), sheet: "Ανά πηγή")
        #expect(rows.last?.last == "435000,5")
    }
}
