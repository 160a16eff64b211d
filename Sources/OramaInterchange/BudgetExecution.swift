import Foundation
import OramaDomain

/// One line of a municipality's budget execution (Εκτέλεση Προϋπολογισμού), per ΚΑΕ.
public struct BudgetExecutionLine: Sendable, Hashable, Codable {
    public var code: String
    public var description: String
    public var budgeted: Money
    public var committed: Money
    public var paid: Money

    public init(code: String, description: String, budgeted: Money, committed: Money, paid: Money) {
        self.code = code
        self.description = description
        self.budgeted = budgeted
        self.committed = committed
        self.paid = paid
    }
}

/// A refusal that names the place: row (as the spreadsheet numbers it, header = 1) and column.
public struct ImportProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var row: Int?
    public var column: String?
    public var message: String

    public init(row: Int?, column: String?, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }

    public var description: String {
        switch (row, column) {
        case let (r?, c?): "Γραμμή \(r), στήλη «\(c)»: \(message)"
        case let (r?, nil): "Γραμμή \(r): \(message)"
        case let (nil, c?): "Στήλη «\(c)»: \(message)"
        default: message
        }
    }
}

/// Every problem of a refused file, in file order.
public struct ImportProblems: Error, Sendable, Hashable {
    public var problems: [ImportProblem]
    public init(_ problems: [ImportProblem]) { self.problems = problems }
}

/// Reads the budget execution file as municipalities publish it: a header with the ΚΑΕ, its
/// description and the budgeted, committed and paid amounts, Greek numbers, in UTF-8 or
/// Windows-1253, separated by `;` or `,`. All problems are collected; any problem means no
/// line is accepted.
public enum BudgetExecutionImport {
    static let columns: [(key: String, names: [String])] = [
        ("code", ["ΚΑΕ", "Κ.Α.Ε.", "Κωδικός", "Κωδικός Αριθμός Εξόδου", "code", "budget line"]),
        ("description", ["Περιγραφή", "Τίτλος", "description"]),
        ("budgeted", ["Προϋπολογισθέντα", "Προϋπολογισμός", "Προϋπολογισθέν", "budgeted"]),
        ("committed", ["Δεσμευθέντα", "Δεσμεύσεις", "Ανειλημμένες υποχρεώσεις", "committed"]),
        ("paid", ["Πληρωθέντα", "Ενταλθέντα", "Πληρωμές", "paid"]),
    ]

    public static func parse(_ data: Data) -> Result<[BudgetExecutionLine], ImportProblems> {
        guard !data.isEmpty else { return .failure(ImportProblems([ImportProblem(row: nil, column: nil, message: "Το αρχείο είναι κενό.")])) }
        guard data.count <= 10_000_000 else { return .failure(ImportProblems([ImportProblem(row: nil, column: nil, message: "Το αρχείο ξεπερνά τα 10 MB.")])) }
        let text: String
        switch GreekTextDecoding.decode(data) {
        case .failure(let refusal): return .failure(ImportProblems([ImportProblem(row: refusal.line, column: nil, message: refusal.description)]))
        case .success(let decoded): text = decoded.text
        }
        let rows = CSV.rows(text)
        guard let header = rows.first else { return .failure(ImportProblems([ImportProblem(row: nil, column: nil, message: "Το αρχείο δεν έχει γραμμές.")])) }
        let keys = header.map { GreekText.searchKey($0.trimmingCharacters(in: .whitespaces)) }
        var index: [String: Int] = [:]
        var problems: [ImportProblem] = []
        for column in columns {
            if let i = keys.firstIndex(where: { key in column.names.contains { GreekText.searchKey($0) == key } }) { index[column.key] = i }
            else { problems.append(ImportProblem(row: 1, column: column.names[0], message: "Λείπει η στήλη (δεκτά ονόματα: \(column.names.joined(separator: ", ")))." )) }
        }
        guard problems.isEmpty else { return .failure(ImportProblems(problems)) }
        var lines: [BudgetExecutionLine] = []
        var seen: [String: Int] = [:]
        for (n, row) in rows.enumerated().dropFirst() {
            let rowNumber = n + 1
            func cell(_ key: String) -> String { let i = index[key]!; return i < row.count ? row[i].trimmingCharacters(in: .whitespaces) : "" }
            func money(_ key: String, _ name: String) -> Money? {
                let text = cell(key)
                if text.isEmpty { return .zero }
                guard let value = Money(parsing: text) else {
                    problems.append(ImportProblem(row: rowNumber, column: name, message: "«\(text.prefix(30))» δεν είναι ποσό (π.χ. 1.234,56)."))
                    return nil
                }
                return value
            }
            let code = cell("code")
            if code.isEmpty { problems.append(ImportProblem(row: rowNumber, column: "ΚΑΕ", message: "Λείπει ο ΚΑΕ.")); continue }
            if let first = seen[code] {
                problems.append(ImportProblem(row: rowNumber, column: "ΚΑΕ", message: "Ο ΚΑΕ \(code) υπάρχει ήδη στη γραμμή \(first)."))
                continue
            }
            seen[code] = rowNumber
            let budgeted = money("budgeted", "Προϋπολογισθέντα"), committed = money("committed", "Δεσμευθέντα"), paid = money("paid", "Πληρωθέντα")
            guard let budgeted, let committed, let paid else { continue }
            lines.append(BudgetExecutionLine(code: code, description: cell("description"), budgeted: budgeted, committed: committed, paid: paid))
        }
        if lines.isEmpty && problems.isEmpty { problems.append(ImportProblem(row: nil, column: nil, message: "Το αρχείο δεν έχει γραμμές δεδομένων.")) }
        return problems.isEmpty ? .success(lines) : .failure(ImportProblems(problems))
    }

    /// Lines matched to actions through their budget line codes, and the lines no action names.
    public struct Matching: Sendable {
        public var byAction: [UUID: [BudgetExecutionLine]]
        public var unmatched: [BudgetExecutionLine]
    }

    public static func match(_ lines: [BudgetExecutionLine], to actions: [Action]) -> Matching {
        var owners: [String: [UUID]] = [:]
        for action in actions { for code in action.budgetLines { owners[code.trimmingCharacters(in: .whitespaces), default: []].append(action.id) } }
        var byAction: [UUID: [BudgetExecutionLine]] = [:]
        var unmatched: [BudgetExecutionLine] = []
        for line in lines {
            guard let ids = owners[line.code] else { unmatched.append(line); continue }
            for id in ids { byAction[id, default: []].append(line) }
        }
        return Matching(byAction: byAction, unmatched: unmatched)
    }
}
