import Foundation
import OramaDomain
import Vapor

/// `orama user create --email E --role R [--unit CODE] [--organisation NAME] --password-stdin`
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "operation", help: "create")
        var operation: String
        @Option(name: "email", help: "Το e-mail του χρήστη")
        var email: String?
        @Option(name: "name", help: "Ονοματεπώνυμο")
        var name: String?
        @Option(name: "role", help: "admin | planner | unit-head | reviewer | analyst")
        var role: String?
        @Option(name: "unit", help: "Κωδικοί υπηρεσιών, χωρισμένοι με κόμμα (για unit-head)")
        var unit: String?
        @Option(name: "organisation", help: "Ο δήμος (όταν ο διακομιστής έχει περισσότερους)")
        var organisation: String?
        @Option(name: "region", help: "Η Περιφέρεια ενός analyst (χωρίς αυτή: όλη η χώρα)")
        var region: String?
        @Flag(name: "password-stdin", help: "Διαβάζει τον κωδικό από την είσοδο")
        var passwordStdin: Bool
    }

    var help: String { "Διαχείριση χρηστών: orama user create --email E --role R [--unit CODE] --password-stdin" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.operation == "create" else {
            throw AccountError(description: "Άγνωστη εντολή «\(signature.operation)»· διαθέσιμη: create.")
        }
        guard let email = signature.email else { throw AccountError(description: "Λείπει το --email.") }
        guard let role = signature.role.flatMap(Self.role(argument:)) else {
            throw AccountError(description: "Το --role πρέπει να είναι admin, planner, unit-head, reviewer ή analyst.")
        }
        guard signature.passwordStdin, let password = readLine(strippingNewline: true), !password.isEmpty else {
            throw AccountError(description: "Δώστε τον κωδικό από την είσοδο με --password-stdin (π.χ. echo '…' | orama user create …).")
        }
        let repositories = context.application.repositories
        let organisationID = try await Self.organisation(named: signature.organisation, role: role, in: repositories.reference)
        var unitIDs: [UUID] = []
        for code in (signature.unit ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !code.isEmpty {
            let units = try await repositories.reference.units(code: code, organisationID: organisationID)
            guard units.count == 1, let id = units.first?.id else {
                throw AccountError(description: units.isEmpty ? "Δεν υπάρχει υπηρεσία με κωδικό «\(code)»." : "Ο κωδικός «\(code)» υπάρχει σε περισσότερους δήμους· δώστε --organisation.")
            }
            unitIDs.append(id)
        }
        try await repositories.accounts.create(email: email, name: signature.name ?? email, role: role, organisationID: organisationID,
                                          unitIDs: unitIDs, password: password, actor: .commandLine, region: signature.region)
        context.console.print("Δημιουργήθηκε ο χρήστης \(email) (\(role.greek)).")
    }

    /// Accepts the code and a few spellings people use on the command line.
    static func role(argument: String) -> Role? {
        switch argument.lowercased() {
        case "admin": .admin
        case "planner": .planner
        case "unit-head", "unithead", "unit_head", "head": .unitHead
        case "reviewer": .reviewer
        case "analyst": .analyst
        default: nil
        }
    }

    /// Administrators may belong to no organisation; everyone else needs one, which may be
    /// left out when the server holds only one.
    static func organisation(named name: String?, role: Role, in reference: ReferenceRepository) async throws -> UUID? {
        if let name {
            guard let org = try await reference.organisation(named: name) else {
                throw AccountError(description: "Δεν υπάρχει δήμος με όνομα «\(name)».")
            }
            return org.id
        }
        let all = try await reference.organisations()
        if all.count == 1 { return all[0].id }
        if !role.needsOrganisation { return nil }
        throw AccountError(description: all.isEmpty ? "Δεν υπάρχει ακόμη δήμος· τρέξτε πρώτα orama demo --no-serve." : "Ο διακομιστής έχει \(all.count) δήμους· δώστε --organisation.")
    }
}
