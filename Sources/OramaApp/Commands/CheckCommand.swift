import Foundation
import OramaDomain
import Vapor

/// `orama check PROGRAMME [--json]`: the programme's findings, in Greek or as JSON.
struct CheckCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "programme", help: "Ο κωδικός (id) του προγράμματος")
        var programme: String
        @Flag(name: "json", help: "Έξοδος σε JSON")
        var json: Bool
    }

    var help: String { "Έλεγχοι προγράμματος: orama check PROGRAMME [--json]" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let repositories = context.application.repositories
        guard let id = UUID(uuidString: signature.programme) else {
            throw AccountError(description: "Το «\(signature.programme)» δεν είναι κωδικός προγράμματος (UUID). Δείτε τους κωδικούς στο GET /api/v1/programmes.")
        }
        guard let programme = try await repositories.programmes.load(id),
              let reference = try await repositories.reference.load(organisationID: programme.organisationID) else {
            throw AccountError(description: "Δεν υπάρχει πρόγραμμα με κωδικό \(id).")
        }
        let findings = programme.check(reference: reference)
        if signature.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let dtos = findings.map { FindingDTO($0, programmeID: id) }
            context.console.print(String(decoding: try encoder.encode(dtos), as: UTF8.self))
            return
        }
        context.console.print("\(programme.title): \(findings.count) ευρήματα")
        for f in findings {
            context.console.print("\(f.severity == .error ? "✖" : "⚠") [\(f.rule.greek)] \(f.code) \(f.title)")
            context.console.print("    \(f.problem)")
            context.console.print("    → \(f.remedy)")
        }
    }
}
