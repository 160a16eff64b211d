import Fluent
import Foundation
import Vapor

/// `orama demo [--no-serve] [--hostname H] [--port P]`: migrate, seed the illustrative
/// Kileler programme (once), then serve.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "no-serve", help: "Μόνο εισαγωγή των δεδομένων επίδειξης, χωρίς εκκίνηση διακομιστή")
        var noServe: Bool
        @Option(name: "hostname", short: "H", help: "Διεύθυνση ακρόασης")
        var hostname: String?
        @Option(name: "port", short: "p", help: "Θύρα")
        var port: Int?
    }

    var help: String { "Δεδομένα επίδειξης (Δήμος Κιλελέρ, ενδεικτικό) και εκκίνηση διακομιστή" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        let outcome = try await DemoSeeder.seed(app.repositories)
        context.console.print(outcome.message)
        guard !signature.noServe else { return }
        var arguments = ["orama serve"]
        if let hostname = signature.hostname { arguments += ["--hostname", hostname] }
        if let port = signature.port { arguments += ["--port", String(port)] }
        var serveContext = context
        serveContext.input = CommandInput(arguments: arguments)
        try await app.servers.asyncCommand.run(using: &serveContext)
    }
}
