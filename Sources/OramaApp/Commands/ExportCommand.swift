import Foundation
import OramaDomain
import OramaInterchange
import Vapor

/// `orama export --programme ID --document phase-a|phase-b|annual|evaluation [--year Y]
/// --format docx|html -o FILE`: a programme's official document, written to a file.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "programme", help: "Ο κωδικός (id) του προγράμματος")
        var programme: String?
        @Option(name: "document", help: "phase-a, phase-b, annual ή evaluation")
        var document: String?
        @Option(name: "year", help: "Το έτος (για annual και evaluation)")
        var year: Int?
        @Option(name: "format", help: "docx (προεπιλογή) ή html")
        var format: String?
        @Option(name: "output", short: "o", help: "Το αρχείο που θα γραφτεί")
        var output: String?
    }

    var help: String { "Έγγραφο προγράμματος σε αρχείο: orama export --programme ID --document phase-b --format docx -o phase-b.docx" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let text = signature.programme, let id = UUID(uuidString: text) else {
            throw AccountError(description: "Δώστε --programme με τον κωδικό (UUID) του προγράμματος· τους βλέπετε στο GET /api/v1/programmes.")
        }
        guard let kind = ProgrammeDocuments.Kind(rawValue: signature.document ?? "") else {
            throw AccountError(description: "Δώστε --document με μία από τις τιμές: \(ProgrammeDocuments.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        guard let format = ProgrammeFiles.DocumentFormat(rawValue: signature.format ?? "docx") else {
            throw AccountError(description: "Η --format είναι docx ή html.")
        }
        guard let output = signature.output, !output.isEmpty else { throw AccountError(description: "Δώστε το αρχείο εξόδου με -o ΑΡΧΕΙΟ.") }
        let repositories = context.application.repositories
        guard let programme = try await repositories.programmes.load(id),
              let reference = try await repositories.reference.load(organisationID: programme.organisationID) else {
            throw AccountError(description: "Δεν υπάρχει πρόγραμμα με κωδικό \(id).")
        }
        if let year = signature.year {
            do throws(FieldRules.YearError) { _ = try FieldRules.year(String(year), in: programme) } catch { throw AccountError(description: error.description) }
        }
        let year = kind.needsYear ? (signature.year ?? ProgrammeFiles.defaultYear(kind, programme, today: context.application.clock.today)) : nil
        let approved = kind == .annual ? try await repositories.annualApprovals.find(programmeID: id, year: year ?? programme.startYear)?.programme : nil
        let data = try ProgrammeFiles.document(kind, format, programme, reference, year: year, approved: approved)
        try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        context.console.print("\(kind.greek)\(year.map { " \($0)" } ?? ""): \(output) (\(data.count) bytes)")
    }
}
