import Foundation
import OramaDomain
import Vapor

/// `orama programme create --organisation NAME --title T --start 2024 --end 2028`: a new,
/// empty draft programme; prints its id alone on standard output, for scripts
/// (`ID=$(orama programme create …)`). A municipality not yet on the server is added.
struct ProgrammeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "operation", help: "create")
        var operation: String
        @Option(name: "organisation", help: "Ο δήμος, με το όνομά του (π.χ. «Δήμος Κιλελέρ»)· αν δεν υπάρχει, προστίθεται")
        var organisation: String?
        @Option(name: "title", help: "Ο τίτλος του προγράμματος")
        var title: String?
        @Option(name: "start", help: "Το πρώτο έτος, π.χ. 2024")
        var start: String?
        @Option(name: "end", help: "Το τελευταίο έτος, π.χ. 2028")
        var end: String?
    }

    var help: String { "Νέο πρόγραμμα: orama programme create --organisation ΔΗΜΟΣ --title ΤΙΤΛΟΣ --start 2024 --end 2028" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.operation == "create" else {
            throw AccountError(description: "Άγνωστη εντολή «\(signature.operation)»· διαθέσιμη: create.")
        }
        let creation = ProgrammeCreation(repositories: context.application.repositories)
        let outcome = try await creation.create(organisation: signature.organisation, title: signature.title ?? "",
                                                startYear: signature.start ?? "", endYear: signature.end ?? "",
                                                permission: .commandLine, actor: .commandLine)
        switch outcome {
        case .failure(let refused):
            let option = ["organisation": "--organisation", "title": "--title", "startYear": "--start", "endYear": "--end"]
            throw AccountError(description: refused.errors.map { "\(option[$0.field] ?? $0.field): \($0.description)" }.joined(separator: "\n"))
        case .success(let created):
            if created.organisationIsNew {
                context.application.logger.notice("Προστέθηκε ο δήμος «\(created.organisation.name)» χωρίς στοιχεία αναφοράς· οι υπηρεσίες, οι περιοχές και οι πηγές του προστίθενται με την εισαγωγή ή από τη σελίδα «Στοιχεία του Δήμου».")
            }
            context.console.print(created.programme.id.uuidString)
        }
    }
}
