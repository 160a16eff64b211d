import Foundation
import OramaDomain
import Plot
import Vapor

/// Administrators invite users, set their role and units, and reset passwords. A new or
/// reset password is random and shown once, to be handed over in person.
enum UsersController {

    @Sendable static func index(req: Request) async throws -> Response {
        try req.access.require(req.access.canManageUsers, req.language)
        return Respond.html(try await page(req, form: UserForm(role: Role.unitHead.rawValue), errors: FieldErrors()).render())
    }

    static func page(_ req: Request, form: UserForm, errors: FieldErrors) async throws -> UsersPage {
        let users = try await req.repositories.accounts.accounts(organisationID: req.user?.organisationID)
        let organisations = try await req.repositories.reference.organisations().filter { req.user?.organisationID == nil || $0.id == req.user?.organisationID }
        var units: [OrgUnit] = []
        for organisation in organisations {
            units += try await req.repositories.reference.load(organisationID: organisation.id)?.units ?? []
        }
        return UsersPage(context: PageContext(req), users: users, organisations: organisations, units: units, form: form, errors: errors)
    }

    /// A new password is shown in the answer to the form that made it and kept nowhere: not
    /// in the session (where a flash message would sit in the database until the next page),
    /// not in any cache.
    static func showOnce(_ req: Request, _ message: String) async throws -> Response {
        var page = try await page(req, form: UserForm(role: Role.unitHead.rawValue), errors: FieldErrors())
        page.context.flash = message
        return Respond.html(page.render())
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.access.require(req.access.canManageUsers, req.language)
        let form = try req.content.decode(UserForm.self)
        let l = req.language
        var errors = FieldErrors()
        // Analysts belong to a Region (or the country), not to a municipality, and only the
        // server's administrator creates them (as `orama user create --role analyst` does).
        let newRole = Role(rawValue: form.role ?? "").flatMap { $0 == .analyst && !req.access.canCreateAnalysts ? nil : $0 }
        if newRole == nil { errors.add("role", l.t("Επιλέξτε ρόλο.", "Choose a role.")) }
        let units = newRole == .analyst ? [] : (form.units ?? []).compactMap(UUID.init(uuidString:))
        var region: String?
        if newRole == .analyst, let asked = form.region?.trimmingCharacters(in: .whitespaces), !asked.isEmpty {
            region = Geography.region(named: asked)?.name
            if region == nil { errors.add("region", l.t("Άγνωστη Περιφέρεια «\(asked)».", "Unknown Region «\(asked)».")) }
        }
        // A server-wide administrator may leave the municipality out when the chosen units,
        // or the server itself, leave no doubt which one it is.
        var organisationID = newRole == .analyst ? nil : req.user?.organisationID ?? UUID(uuidString: form.organisation ?? "")
        if organisationID == nil && newRole?.needsOrganisation != false {
            let unitOrganisations = Set(try await req.repositories.reference.units(ids: units).map(\.organisationID))
            let all = try await req.repositories.reference.organisations()
            organisationID = unitOrganisations.count == 1 ? unitOrganisations.first : (all.count == 1 ? all[0].id : nil)
        }
        if organisationID == nil && newRole?.needsOrganisation != false { errors.add("organisation", l.t("Επιλέξτε δήμο.", "Choose a municipality.")) }
        if let organisationID {
            let known = try await req.repositories.reference.organisation(organisationID) != nil
            let found = try await req.repositories.reference.units(ids: units)
            let foreign = found.count != Set(units).count || found.contains { $0.organisationID != organisationID }
            if !known { errors.add("organisation", l.t("Άγνωστος δήμος.", "Unknown municipality.")) }
            if foreign { errors.add("units", l.t("Οι υπηρεσίες πρέπει να ανήκουν στον ίδιο δήμο με τον χρήστη.", "The units must belong to the user's municipality.")) }
        }
        if newRole?.needsUnits == true && units.isEmpty { errors.add("units", l.t("Ο προϊστάμενος χρειάζεται τουλάχιστον μία υπηρεσία.", "A head of service needs at least one unit.")) }
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors.add("name", l.t("Δώστε ονοματεπώνυμο.", "Enter the full name.")) }
        if errors.isEmpty, let newRole {
            let password = Accounts.randomPassword()
            do {
                try await req.repositories.accounts.create(email: form.email ?? "", name: name, role: newRole, organisationID: organisationID, unitIDs: units,
                                                      password: password, actor: req.user!.actor, region: region)
                return try await showOnce(req, l.t("Ο χρήστης \(form.email ?? "") δημιουργήθηκε. Προσωρινός κωδικός (εμφανίζεται μόνο τώρα): \(password)",
                                                   "User \(form.email ?? "") was created. Temporary password (shown only now): \(password)"))
            } catch let error as AccountError {
                errors.add("email", error.description)
                if error.isDuplicate { return Respond.html(try await page(req, form: form, errors: errors).render(), status: .conflict) }
            }
        }
        return Respond.html(try await page(req, form: form, errors: errors).render(), status: .unprocessableEntity)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        try req.access.require(req.access.canManageUsers, req.language)
        let id = try req.uuid("userID")
        guard let user = try await req.repositories.accounts.account(id), req.user?.organisationID == nil || user.organisationID == req.user?.organisationID else {
            throw UserFacingError.notFound(req.language.t("ο χρήστης", "the user"), req.language)
        }
        let form = try req.content.decode(UserForm.self)
        let l = req.language
        let accounts = req.repositories.accounts
        if form.reset == "on" {
            let password = Accounts.randomPassword()
            try await accounts.setPassword(id, to: password, actor: req.user!.actor)
            return try await showOnce(req, l.t("Νέος κωδικός για \(user.email) (εμφανίζεται μόνο τώρα): \(password). Τα κλειδιά API του ανακλήθηκαν.",
                                               "New password for \(user.email) (shown only now): \(password). Their API tokens were revoked."))
        }
        guard let newRole = Role(rawValue: form.role ?? ""), newRole != .analyst || user.role == .analyst else {
            throw UserFacingError(status: .unprocessableEntity, code: "invalid_role", reason: l.t("Άγνωστος ρόλος.", "Unknown role."))
        }
        // Units not posted at all stay as they were.
        let units = form.units.map { $0.compactMap(UUID.init(uuidString:)) }
        if newRole.needsUnits && (units.map(\.isEmpty) ?? user.unitIDs.isEmpty) {
            throw UserFacingError(status: .unprocessableEntity, code: "invalid_units", reason: l.t("Ο προϊστάμενος χρειάζεται τουλάχιστον μία υπηρεσία.", "A head of service needs at least one unit."))
        }
        // The units of the user's own municipality only, as when the user was created.
        if let units, !units.isEmpty {
            let found = try await req.repositories.reference.units(ids: units)
            if found.count != Set(units).count || found.contains(where: { $0.organisationID != user.organisationID }) {
                throw UserFacingError(status: .unprocessableEntity, code: "invalid_units",
                                      reason: l.t("Οι υπηρεσίες πρέπει να ανήκουν στον ίδιο δήμο με τον χρήστη.", "The units must belong to the user's municipality."))
            }
        }
        if id == req.user?.id && !req.access.canManageUsers(as: newRole) {
            throw UserFacingError(status: .unprocessableEntity, code: "self_demotion", reason: l.t("Δεν μπορείτε να αφαιρέσετε από τον εαυτό σας τον ρόλο του διαχειριστή.", "You cannot remove your own administrator role."))
        }
        try await accounts.setRole(id, role: newRole, unitIDs: units, actor: req.user!.actor)
        return Respond.redirect(req, to: SiteURL.users.path, flash: l.t("Ο χρήστης \(user.email) ενημερώθηκε.", "User \(user.email) was updated."))
    }
}
