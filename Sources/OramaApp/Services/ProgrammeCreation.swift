import Foundation
import OramaDomain

/// A new, empty programme for a municipality given by its name — how the command line and
/// the API create one (the web form picks the municipality from a list). A municipality not
/// yet on the server is added, with no reference data, when the caller may add one.
struct ProgrammeCreation: Sendable {
    let repositories: Repositories

    struct Created: Sendable {
        var programme: Programme
        var organisation: Organisation
        var organisationIsNew: Bool
    }

    /// Who asks decides what they may name: an administrator any municipality, new ones
    /// included; anyone else only their own (`onlyOrganisation`).
    struct Permission: Sendable {
        var mayAddOrganisation: Bool
        var onlyOrganisation: UUID?

        static let commandLine = Permission(mayAddOrganisation: true, onlyOrganisation: nil)
    }

    /// The fields refused, each with its message; nothing was written.
    struct Refused: Error, Sendable {
        var errors: [FieldError]
        /// The municipality named is one the caller may not create programmes for.
        var forbidden = false
    }

    /// The fields are checked by the same rules as the web form; every refusal comes back
    /// with its field (`organisation`, `title`, `startYear`, `endYear`) and nothing is written.
    func create(organisation name: String?, title: String, startYear: String, endYear: String,
                permission: Permission, actor: Actor) async throws -> Result<Created, Refused> {
        var errors: [FieldError] = []
        func check<T>(_ rule: () throws(FieldError) -> T) -> T? {
            do throws(FieldError) { return try rule() } catch { errors.append(error); return nil }
        }
        let title = check { () throws(FieldError) in try FieldRules.title(title) }
        let start = check { () throws(FieldError) in try FieldRules.startYear(startYear) }
        let end = start.flatMap { start in check { () throws(FieldError) in try FieldRules.endYear(endYear, start: start) } }

        let wanted = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var organisation: Organisation?
        var isNew = false
        var forbidden = false
        if wanted.isEmpty {
            if let own = permission.onlyOrganisation { organisation = try await repositories.reference.organisation(own) }
            else { errors.append(FieldError("organisation", "Δώστε τον δήμο του προγράμματος (το όνομά του, π.χ. «Δήμος Κιλελέρ»).", "Give the programme's municipality by name.")) }
        } else if wanted.count > 200 {
            errors.append(FieldError("organisation", "Το όνομα του δήμου είναι έως 200 χαρακτήρες.", "The municipality's name is at most 200 characters."))
        } else if let found = try await Self.organisation(named: wanted, in: repositories) {
            organisation = found
        } else if permission.mayAddOrganisation {
            organisation = Organisation(name: wanted, region: "", regionalUnit: "")
            isNew = true
        } else {
            forbidden = true
            errors.append(FieldError("organisation", "Δεν υπάρχει δήμος «\(wanted)» στον διακομιστή· νέο δήμο προσθέτει μόνο ο διαχειριστής.",
                                     "There is no municipality «\(wanted)» on the server; only an administrator adds one."))
        }
        if let own = permission.onlyOrganisation, let found = organisation, found.id != own {
            forbidden = true
            errors.append(FieldError("organisation", "Μπορείτε να δημιουργήσετε προγράμματα μόνο για τον δικό σας δήμο.", "You can only create programmes for your own municipality."))
        }
        guard errors.isEmpty, let title, let start, let end, let organisation else { return .failure(Refused(errors: errors, forbidden: forbidden)) }
        if isNew { try await repositories.reference.create(ReferenceData(organisation: organisation), actor: actor) }
        let programme = Programme(organisationID: organisation.id, title: title, startYear: start, endYear: end, status: .draft)
        try await repositories.programmes.create(programme, actor: actor)
        return .success(Created(programme: programme, organisation: organisation, organisationIsNew: isNew))
    }

    /// The municipality by its name as people write it: accents, case and the «Δήμος» word
    /// aside, so «δημος κιλελερ» and «Κιλελέρ» both find «Δήμος Κιλελέρ».
    static func organisation(named name: String, in repositories: Repositories) async throws -> Organisation? {
        func key(_ s: String) -> String {
            var k = GreekText.searchKey(s)
            for prefix in ["δημοσ ", "δ. "] where k.hasPrefix(prefix) { k.removeFirst(prefix.count) }
            return k.trimmingCharacters(in: .whitespaces)
        }
        let wanted = key(name)
        return try await repositories.reference.organisations().first { key($0.name) == wanted }
    }
}
