import Fluent
import Foundation
import OramaDomain
import Vapor

public struct AccountError: Error, CustomStringConvertible, Equatable {
    public var description: String
    /// The e-mail address is taken (a conflict with what is stored, not a mistake in the form).
    public var isDuplicate = false
}

/// A user account as the rest of the application sees it: who, which role, which
/// municipality and which units. The signed-in user of a request is one of these.
struct UserAccount: Sendable, Hashable {
    var id: UUID
    var email: String
    var name: String
    var role: Role
    /// nil for a server-wide administrator.
    var organisationID: UUID?
    var unitIDs: Set<UUID>
    /// An analyst's Region; nil for the whole country (and for every other role).
    var region: String? = nil
    /// The epoch a session must have been opened in to stay signed in.
    var sessionEpoch: Int64 = 0

    init(id: UUID, email: String, name: String, role: Role, organisationID: UUID?, unitIDs: Set<UUID>) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.organisationID = organisationID
        self.unitIDs = unitIDs
    }

    init(_ model: UserModel) {
        id = model.id!
        email = model.email
        name = model.name
        role = Role(rawValue: model.role) ?? .reviewer
        organisationID = model.organisationID
        unitIDs = Set(JSONText.decode(model.unitIDs).compactMap(UUID.init(uuidString:)))
        region = model.scopeRegion
        sessionEpoch = model.sessionEpoch
    }

    var actor: Actor { Actor(name: "\(name) <\(email)>", userID: id) }
}

/// User accounts: created with a bcrypt-hashed password, never a fixed one.
public struct Accounts: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    public static let firstAdminEmail = "admin@orama.local"
    public static let minimumPasswordLength = 10

    /// Creates the first administrator when there are no users at all, and returns the
    /// random password so the caller can show it once.
    public func ensureFirstAdmin() async throws -> String? {
        guard try await UserModel.query(on: db).count() == 0 else { return nil }
        let password = Self.randomPassword()
        try await create(email: Self.firstAdminEmail, name: "Διαχειριστής", role: .admin, organisationID: nil, unitIDs: [], password: password, actor: .system)
        return password
    }

    @discardableResult
    public func create(email: String, name: String, role: Role, organisationID: UUID?, unitIDs: [UUID], password: String, actor: Actor,
                       region: String? = nil) async throws -> UUID {
        let email = Self.normalised(email: email)
        guard email.contains("@"), email.count <= 254, !email.contains(" ") else {
            throw AccountError(description: "Μη έγκυρη διεύθυνση e-mail: «\(email)».")
        }
        guard password.count >= Self.minimumPasswordLength else {
            throw AccountError(description: "Ο κωδικός πρέπει να έχει τουλάχιστον \(Self.minimumPasswordLength) χαρακτήρες.")
        }
        if role.needsUnits && unitIDs.isEmpty {
            throw AccountError(description: "Ο προϊστάμενος υπηρεσίας πρέπει να συνδέεται με τουλάχιστον μία υπηρεσία (--unit).")
        }
        var scope: String?
        if role == .analyst, let region {
            guard let known = Geography.region(named: region) else {
                throw AccountError(description: "Δεν υπάρχει Περιφέρεια «\(region)»· οι Περιφέρειες είναι: \(Geography.regions.map(\.name).joined(separator: ", ")).")
            }
            scope = known.name
        }
        let taken = AccountError(description: "Υπάρχει ήδη χρήστης με e-mail «\(email)».", isDuplicate: true)
        if try await UserModel.query(on: db).filter(\.$email == email).count() > 0 { throw taken }
        let user = UserModel()
        let id = UUID()
        user.id = id
        user.email = email
        user.name = name
        user.passwordHash = try Bcrypt.hash(password)
        user.role = role.rawValue
        user.organisationID = organisationID
        user.unitIDs = JSONText.encode(unitIDs.map(\.uuidString))
        user.scopeRegion = scope
        user.sessionEpoch = 0
        if role == .analyst { user.organisationID = nil }
        do {
            try await insert(user, id: id, organisationID: organisationID, actor: actor)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two administrators at once: the unique key on the address lets one through.
            throw taken
        }
        return id
    }

    private func insert(_ user: UserModel, id: UUID, organisationID: UUID?, actor: Actor) async throws {
        try await db.writeTransaction { tx in
            try await user.create(on: tx)
            var audit = AuditTrail(organisationID: organisationID ?? id, programmeID: nil, actor: actor)
            var after = RowSnapshot.of(user)
            after["password_hash"] = "••••"
            audit.record(entity: "user", id: id, operation: .create, before: [:], after: after)
            try await audit.save(on: tx)
        }
    }

    /// Checks an e-mail and password; nil when either is wrong (without saying which).
    public func verify(email: String, password: String) async throws -> UUID? {
        let email = Self.normalised(email: email)
        guard let user = try await UserModel.query(on: db).filter(\.$email == email).first() else {
            // Spend the same time as a real check so timing does not reveal which e-mails exist.
            _ = try? Bcrypt.verify(password, created: Self.dummyHash)
            return nil
        }
        return try Bcrypt.verify(password, created: user.passwordHash) ? user.id : nil
    }

    func account(_ id: UUID) async throws -> UserAccount? {
        try await UserModel.find(id, on: db).map(UserAccount.init)
    }

    /// The accounts of one municipality, or of every one when `organisationID` is nil, by e-mail.
    func accounts(organisationID: UUID?) async throws -> [UserAccount] {
        var query = UserModel.query(on: db).sort(\.$email)
        if let organisationID { query = query.filter(\.$organisationID == organisationID) }
        return try await query.all().map(UserAccount.init)
    }

    /// An e-mail address as accounts are stored and looked up: without surrounding spaces or
    /// line breaks, in lower case. The sign-in throttle keys on the same form, so no spelling of
    /// an address is a fresh key for the same account.
    static func normalised(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// A real hash of a throw-away password, so an unknown e-mail costs a full bcrypt check.
    private static let dummyHash: String = (try? Bcrypt.hash(UUID().uuidString)) ?? ""

    /// 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I).
    static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}

extension Accounts {
    /// A new password also revokes the user's API tokens: resetting it is how an
    /// administrator locks someone out, and a token must not outlive that.
    func setPassword(_ id: UUID, to password: String, actor: Actor) async throws {
        try await change(id, actor: actor, revokeTokens: true) { $0.passwordHash = try Bcrypt.hash(password) }
    }

    /// A new role, and new units unless `unitIDs` is nil (they stay as they are).
    func setRole(_ id: UUID, role: Role, unitIDs: [UUID]?, actor: Actor) async throws {
        try await change(id, actor: actor) { user in
            user.role = role.rawValue
            if let unitIDs { user.unitIDs = JSONText.encode(unitIDs.map(\.uuidString)) }
        }
    }

    /// Signs the user out everywhere: every session opened so far ends at its next request.
    func endSessions(_ id: UUID, actor: Actor) async throws {
        try await change(id, actor: actor, endSessions: true) { _ in }
    }

    private func change(_ id: UUID, actor: Actor, revokeTokens: Bool = false, endSessions: Bool = false, _ body: @escaping @Sendable (UserModel) throws -> Void) async throws {
        try await db.writeTransaction { tx in
            guard let user = try await UserModel.find(id, on: tx) else { throw AccountError(description: "Ο χρήστης δεν βρέθηκε.") }
            var before = RowSnapshot.of(user)
            try body(user)
            // A new password, role or set of units ends every session opened before it.
            if ["password_hash", "role", "unit_ids"].contains(where: { before[$0] != RowSnapshot.of(user)[$0] }) || endSessions {
                user.sessionEpoch = user.sessionEpoch &+ 1
            }
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
