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
        @Option(name: "scale", help: "national: 332 δήμοι με δημοσιευμένο πρόγραμμα (για την επισκόπηση και τις μετρήσεις)· ή ένας αριθμός δήμων")
        var scale: String?
    }

    var help: String { "Δεδομένα επίδειξης (Δήμος Κιλελέρ, ενδεικτικό) και εκκίνηση διακομιστή" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        if let scale = signature.scale {
            guard let count = scale == "national" ? NationalDemo.municipalities : Int(scale), (1...NationalDemo.municipalities).contains(count) else {
                throw AccountError(description: "Το --scale δέχεται «national» ή έναν αριθμό δήμων από 1 έως \(NationalDemo.municipalities).")
            }
            let start = ContinuousClock.now
            let console = context.console
            let created = try await NationalDemo.seed(app.repositories, count: count) { done, total in
                let width = 40
                let filled: Int = total == 0 ? width : done * width / total
                let bar: String = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
                let line: String = "\r[\(bar)] \(done)/\(total) δήμοι"
                console.output(ConsoleText(stringLiteral: line), newLine: done == total)
            }
            let elapsed = (ContinuousClock.now - start).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            let time = String(format: "%.1f", seconds).replacingOccurrences(of: ".", with: ",")
            context.console.print("Προστέθηκαν \(created) δήμοι με δημοσιευμένο πρόγραμμα σε \(time) s.")
        } else {
            let outcome = try await DemoSeeder.seed(app.repositories)
            context.console.print(outcome.message)
        }
        guard !signature.noServe else { return }
        var arguments = ["orama serve"]
        if let hostname = signature.hostname { arguments += ["--hostname", hostname] }
        if let port = signature.port { arguments += ["--port", String(port)] }
        var serveContext = context
        serveContext.input = CommandInput(arguments: arguments)
        try await app.servers.asyncCommand.run(using: &serveContext)
    }
}
