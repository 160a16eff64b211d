import Foundation
import OramaDomain
import OramaInterchange
import Vapor

/// `orama import --programme ID FILE [--sheet NAME] [--mapping auto|saved|FILE.json]
/// [--default-source NAME] [--save-mapping FILE.json] [--dry-run|--yes]`: an office's own
/// table (CSV or XLSX) into a programme. Prints the mapping it used, as JSON that
/// `--mapping` takes back, then the preview and every refusal; exits non-zero on any refusal.
/// Without `--yes` nothing is saved.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "programme", help: "Ο κωδικός (id) του προγράμματος")
        var programme: String?
        @Option(name: "sheet", help: "Το φύλλο του XLSX (προεπιλογή: το πρώτο με επικεφαλίδα)")
        var sheet: String?
        @Option(name: "mapping", help: "auto (προεπιλογή), saved, ή αρχείο JSON αντιστοίχισης")
        var mapping: String?
        @Option(name: "default-source", help: "Η πηγή χρηματοδότησης για γραμμές χωρίς δική τους")
        var defaultSource: String?
        @Option(name: "save-mapping", help: "Γράφει την αντιστοίχιση που χρησιμοποιήθηκε σε αυτό το αρχείο JSON")
        var saveMapping: String?
        @Flag(name: "dry-run", help: "Μόνο δοκιμή: δείχνει τι θα γίνει, δεν αποθηκεύει (προεπιλογή)")
        var dryRun: Bool
        @Flag(name: "yes", help: "Εισάγει")
        var yes: Bool
        // Last, so that the options' values are taken first.
        @Argument(name: "file", help: "Το αρχείο CSV ή XLSX")
        var file: String
    }

    var help: String { "Εισαγωγή πίνακα του γραφείου: orama import --programme ID ΑΡΧΕΙΟ [--mapping auto|saved|ΑΡΧΕΙΟ.json] [--dry-run|--yes]" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let console = context.console
        // ConsoleKit takes `--yes` (and `-y`) as its global "answer yes" flag before the
        // command sees it; either way it means "import".
        let yes = signature.yes || console.confirmOverride == true
        guard !(signature.dryRun && yes) else { throw AccountError(description: "Δώστε ή --dry-run ή --yes, όχι και τα δύο.") }
        guard let text = signature.programme, let id = UUID(uuidString: text) else {
            throw AccountError(description: "Δώστε --programme με τον κωδικό (UUID) του προγράμματος· τον τυπώνει το «orama programme create» και τους βλέπετε στο GET /api/v1/programmes.")
        }
        let repositories = context.application.repositories
        guard let summary = try await repositories.programmes.summary(id), let programme = try await repositories.programmes.load(id),
              let reference = try await repositories.reference.load(organisationID: summary.organisationID) else {
            throw AccountError(description: "Δεν υπάρχει πρόγραμμα με κωδικό \(id).")
        }
        let loaded = LoadedProgramme(summary: summary, programme: programme, reference: reference)
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw AccountError(description: "Δεν διαβάζεται το αρχείο «\(signature.file)».")
        }
        let source: OfficeImportService.MappingSource
        switch signature.mapping ?? "auto" {
        case "auto": source = .auto
        case "saved": source = .saved
        case let path:
            guard let file = FileManager.default.contents(atPath: path) else {
                throw AccountError(description: "Η --mapping είναι auto, saved ή αρχείο JSON· δεν διαβάζεται το αρχείο «\(path)».")
            }
            switch OfficeMapping.decode(file) {
            case .success(let mapping): source = .given(mapping)
            case .failure(let problems): throw AccountError(description: "«\(path)»: " + problems.problems.map(\.description).joined(separator: "\n"))
            }
        }

        let service = OfficeImportService(repositories: repositories)
        let prepared: OfficeImportService.Prepared
        switch try await service.prepare(data, sheet: signature.sheet, mapping: source, defaultSource: signature.defaultSource, into: loaded) {
        case .failure(let problems):
            console.print("Το αρχείο «\(signature.file)» δεν διαβάστηκε:")
            for problem in problems.problems { console.print("  ✖ \(problem.description)") }
            throw AccountError(description: "Δεν εισήχθη τίποτα (\(GreekText.count(problems.problems.count, "απόρριψη", "απορρίψεις"))).")
        case .success(let value): prepared = value
        }

        let json = String(decoding: prepared.mapping.json, as: UTF8.self)
        console.print("Αντιστοίχιση (JSON· δίνεται πίσω με --mapping ΑΡΧΕΙΟ.json):")
        console.print(json)
        if let path = signature.saveMapping {
            try prepared.mapping.json.write(to: URL(fileURLWithPath: path), options: .atomic)
            console.print("Η αντιστοίχιση γράφτηκε στο «\(path)».")
        }
        console.print("")
        console.print("Πρόγραμμα: «\(programme.title)» (\(programme.startYear)–\(programme.endYear))")
        console.print(prepared.plan.text(encoding: prepared.table.encoding))
        guard prepared.plan.isAccepted else {
            throw AccountError(description: "Δεν εισήχθη τίποτα (\(GreekText.count(prepared.plan.problems.count, "απόρριψη", "απορρίψεις"))).")
        }
        guard yes else {
            console.print("Δοκιμή: δεν αποθηκεύτηκε τίποτα. Για την εισαγωγή, ξανατρέξτε με --yes.")
            return
        }
        do {
            try await service.apply(prepared, into: loaded, actor: .commandLine, at: context.application.clock.now())
        } catch StorageError.conflict {
            throw AccountError(description: "Το πρόγραμμα άλλαξε από άλλον στο μεταξύ· δεν εισήχθη τίποτα. Ξανατρέξτε την εντολή.")
        }
        console.print("Εισήχθη: \(GreekText.count(prepared.plan.created, "δράση", "δράσεις")), \(GreekText.count(prepared.plan.newRecordCount, "νέα εγγραφή", "νέες εγγραφές")) στα στοιχεία του Δήμου.")
    }
}
