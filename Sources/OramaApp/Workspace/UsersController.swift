import Fluent
import Foundation
import OramaDomain
import Plot
import Vapor

/// Administrators invite users, set their role and units, and reset passwords. A new or
/// reset password is random and shown once, to be handed over in person.
enum UsersController {
    struct UserForm: Content {
        var email: String?
        var name: String?
        var role: String?
        var units: [String]?
        var organisation: String?
        var reset: String?
    }

    @Sendable static func index(req: Request) async throws -> Response {
        try req.access.require(req.access.canManageUsers, req.language)
        return Workspace.html(try await page(req, form: UserForm(role: Role.unitHead.rawValue), errors: FieldErrors()).render())
    }

    static func page(_ req: Request, form: UserForm, errors: FieldErrors) async throws -> UsersPage {
        var query = UserModel.query(on: req.db).sort(\.$email)
        if let own = req.user?.organisationID { query = query.filter(\.$organisationID == own) }
        let users = try await query.all().map(SessionUser.init)
        let organisations = try await ReferenceRepository(db: req.db).organisations().filter { req.user?.organisationID == nil || $0.id == req.user?.organisationID }
        var units: [OrgUnit] = []
        for organisation in organisations {
            units += try await ReferenceRepository(db: req.db).load(organisationID: organisation.id)?.units ?? []
        }
        return UsersPage(context: PageContext(req), users: users, organisations: organisations, units: units, form: form, errors: errors)
    }

    @Sendable static func create(req: Request) async throws -> Response {
        try req.access.require(req.access.canManageUsers, req.language)
        let form = try req.content.decode(UserForm.self)
        let l = req.language
        var errors = FieldErrors()
        let role = Role(rawValue: form.role ?? "")
        if role == nil { errors.add("role", l.t("Επιλέξτε ρόλο.", "Choose a role.")) }
        let units = (form.units ?? []).compactMap(UUID.init(uuidString:))
        // A server-wide administrator may leave the municipality out when the chosen units,
        // or the server itself, leave no doubt which one it is.
        var organisationID = req.user?.organisationID ?? UUID(uuidString: form.organisation ?? "")
        if organisationID == nil && role != .admin {
            let unitOrganisations = Set(try await OrgUnitModel.query(on: req.db).filter(\.$id ~~ units).all().map(\.organisationID))
            let all = try await ReferenceRepository(db: req.db).organisations()
            organisationID = unitOrganisations.count == 1 ? unitOrganisations.first : (all.count == 1 ? all[0].id : nil)
        }
        if organisationID == nil && role != .admin { errors.add("organisation", l.t("Επιλέξτε δήμο.", "Choose a municipality.")) }
        if let organisationID {
            let known = try await OrganisationModel.find(organisationID, on: req.db) != nil
            let foreign = try await OrgUnitModel.query(on: req.db).filter(\.$id ~~ units).all().contains { $0.organisationID != organisationID }
            if !known { errors.add("organisation", l.t("Άγνωστος δήμος.", "Unknown municipality.")) }
            if foreign { errors.add("units", l.t("Οι υπηρεσίες πρέπει να ανήκουν στον ίδιο δήμο με τον χρήστη.", "The units must belong to the user's municipality.")) }
        }
        if role == .unitHead && units.isEmpty { errors.add("units", l.t("Ο προϊστάμενος χρειάζεται τουλάχιστον μία υπηρεσία.", "A head of service needs at least one unit.")) }
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors.add("name", l.t("Δώστε ονοματεπώνυμο.", "Enter the full name.")) }
        if errors.isEmpty, let role {
            let password = Accounts.randomPassword()
            do {
                try await Accounts(db: req.db).create(email: form.email ?? "", name: name, role: role, organisationID: organisationID, unitIDs: units,
                                                      password: password, actor: req.user!.actor)
                return Workspace.redirect(req, to: SiteURL.users.path, flash: l.t("Ο χρήστης \(form.email ?? "") δημιουργήθηκε. Προσωρινός κωδικός (εμφανίζεται μόνο τώρα): \(password)",
                                                                                  "User \(form.email ?? "") was created. Temporary password (shown only now): \(password)"))
            } catch let error as AccountError {
                errors.add("email", error.description)
            }
        }
        return Workspace.html(try await page(req, form: form, errors: errors).render(), status: .unprocessableEntity)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        try req.access.require(req.access.canManageUsers, req.language)
        let id = try Workspace.uuid(req, "userID")
        guard let user = try await UserModel.find(id, on: req.db), req.user?.organisationID == nil || user.organisationID == req.user?.organisationID else {
            throw Workspace.notFound(req, req.language.t("ο χρήστης", "the user"))
        }
        let form = try req.content.decode(UserForm.self)
        let l = req.language
        let accounts = Accounts(db: req.db)
        if form.reset == "on" {
            let password = Accounts.randomPassword()
            try await accounts.setPassword(id, to: password, actor: req.user!.actor)
            return Workspace.redirect(req, to: SiteURL.users.path, flash: l.t("Νέος κωδικός για \(user.email) (εμφανίζεται μόνο τώρα): \(password). Τα κλειδιά API του ανακλήθηκαν.",
                                                                                  "New password for \(user.email) (shown only now): \(password). Their API tokens were revoked."))
        }
        guard let role = Role(rawValue: form.role ?? "") else {
            throw UserFacingError(status: .unprocessableEntity, code: "invalid_role", reason: l.t("Άγνωστος ρόλος.", "Unknown role."))
        }
        // Units not posted at all stay as they were.
        let units = form.units.map { $0.compactMap(UUID.init(uuidString:)) } ?? JSONText.decode(user.unitIDs).compactMap(UUID.init(uuidString:))
        if role == .unitHead && units.isEmpty {
            throw UserFacingError(status: .unprocessableEntity, code: "invalid_units", reason: l.t("Ο προϊστάμενος χρειάζεται τουλάχιστον μία υπηρεσία.", "A head of service needs at least one unit."))
        }
        if id == req.user?.id && role != .admin {
            throw UserFacingError(status: .unprocessableEntity, code: "self_demotion", reason: l.t("Δεν μπορείτε να αφαιρέσετε από τον εαυτό σας τον ρόλο του διαχειριστή.", "You cannot remove your own administrator role."))
        }
        try await accounts.setRole(id, role: role, unitIDs: units, actor: req.user!.actor)
        return Workspace.redirect(req, to: SiteURL.users.path, flash: l.t("Ο χρήστης \(user.email) ενημερώθηκε.", "User \(user.email) was updated."))
    }
}

extension Accounts {
    /// A new password also revokes the user's API tokens: resetting it is how an
    /// administrator locks someone out, and a token must not outlive that.
    func setPassword(_ id: UUID, to password: String, actor: Actor) async throws {
        try await change(id, actor: actor, revokeTokens: true) { $0.passwordHash = try Bcrypt.hash(password) }
    }

    func setRole(_ id: UUID, role: Role, unitIDs: [UUID], actor: Actor) async throws {
        try await change(id, actor: actor) { user in
            user.role = role.rawValue
            user.unitIDs = JSONText.encode(unitIDs.map(\.uuidString))
        }
    }

    private func change(_ id: UUID, actor: Actor, revokeTokens: Bool = false, _ body: @escaping @Sendable (UserModel) throws -> Void) async throws {
        try await db.transaction { tx in
            guard let user = try await UserModel.find(id, on: tx) else { throw AccountError(description: "Ο χρήστης δεν βρέθηκε.") }
            var before = RowSnapshot.of(user)
            try body(user)
            var after = RowSnapshot.of(user)
            if before["password_hash"] != after["password_hash"] { before["password_hash"] = "••••"; after["password_hash"] = "•••• (νέος)" }
            try await user.update(on: tx)
            var audit = AuditTrail(organisationID: user.organisationID ?? id, programmeID: nil, actor: actor)
            audit.record(entity: "user", id: id, operation: .update, before: before, after: after)
            if revokeTokens {
                for token in try await APITokenModel.query(on: tx).filter(\.$userID == id).all() {
                    try await token.delete(on: tx)
                    audit.record(entity: "apiToken", id: token.id!, operation: .delete, before: ["name": token.name, "user": user.email], after: [:])
                }
            }
            try await audit.save(on: tx)
        }
    }
}

struct UsersPage {
    var context: PageContext
    var users: [SessionUser]
    var organisations: [Organisation]
    var units: [OrgUnit]
    var form: UsersController.UserForm
    var errors: FieldErrors

    /// A multiple choice with every unit the user has already selected.
    func unitsSelect(_ user: SessionUser, _ options: [(String, String)]) -> Node<HTML.FormContext> {
        let id = FormField.fieldID("units-\(user.id.uuidString)")
        let choices: [Node<HTML.SelectContext>] = options.map { value, text in
            .element(named: "option", nodes: [.attribute(named: "value", value: value),
                                              .if(user.unitIDs.contains { $0.uuidString == value }, .attribute(named: "selected", value: "selected")), .text(text)])
        }
        return .div(.class("field"),
                    .label(.for(id), .text(context.t("Υπηρεσίες", "Units"))),
                    .select(.id(id), .attribute(named: "name", value: "units[]"), .attribute(named: "multiple", value: "multiple"), .attribute(named: "size", value: "4"), .group(choices)))
    }

    func render() -> String {
        let c = context
        let roles = Role.allCases.map { ($0.rawValue, $0.greek(c.language)) }
        let unitOptions = units.map { ($0.id.uuidString, "\($0.code) · \($0.name)") }
        let unitNames = Dictionary(units.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        return Layout(title: c.t("Χρήστες", "Users"), context: c).render(.group(
            .h1(.text(c.t("Χρήστες", "Users"))),
            .table(.class("list"),
                   .caption(.text(c.t("Λογαριασμοί", "Accounts"))),
                   .thead(.tr(.th("E-mail"), .th(.text(c.t("Όνομα", "Name"))), .th(.text(c.t("Ρόλος και υπηρεσίες", "Role and units"))), .th(.text(c.t("Κωδικός", "Password"))))),
                   .tbody(.forEach(users) { user in
                       .tr(.td(.text(user.email)), .td(.text(user.name)),
                           .td(.form(.method(.post), .action(SiteURL.user(user.id).path), .class("inline-form"),
                                     c.csrfField,
                                     FormField.select("role", c.t("Ρόλος", "Role"), roles, selected: user.role.rawValue, errors: FieldErrors(), key: "role-\(user.id.uuidString)"),
                                     .if(!units.isEmpty, unitsSelect(user, unitOptions)),
                                     .p(.class("hint"), .text(user.unitIDs.compactMap { unitNames[$0] }.sorted().joined(separator: ", "))),
                                     .button(.type(.submit), .text(c.t("Αποθήκευση", "Save"))))),
                           .td(.form(.method(.post), .action(SiteURL.user(user.id).path), .class("inline-form"),
                                     c.csrfField,
                                     .input(.type(.hidden), .name("reset"), .value("on")),
                                     .button(.type(.submit), .text(c.t("Νέος κωδικός", "New password"))))))
                   })),
            .h2(.text(c.t("Πρόσκληση χρήστη", "Invite a user"))),
            .form(.method(.post), .action(SiteURL.users.path), .class("narrow"),
                  c.csrfField,
                  FormField.errorSummary(errors, c),
                  FormField.text("email", "E-mail", form.email ?? "", errors: errors, required: true, type: .email),
                  FormField.text("name", c.t("Ονοματεπώνυμο", "Full name"), form.name ?? "", errors: errors, required: true),
                  FormField.select("role", c.t("Ρόλος", "Role"), roles, selected: form.role ?? Role.unitHead.rawValue, errors: errors, required: true),
                  .if(c.user?.organisationID == nil, FormField.select("organisation", c.t("Δήμος", "Municipality"), [("", "—")] + organisations.map { ($0.id.uuidString, $0.name) },
                                                                   selected: form.organisation ?? "", errors: errors)),
                  FormField.checkboxes("units", c.t("Υπηρεσίες (για προϊσταμένους)", "Units (for heads of service)"), unitOptions, checked: Set(form.units ?? []), errors: errors),
                  FormField.submit(c.t("Δημιουργία λογαριασμού", "Create account")))
        ))
    }
}
