import Fluent
import Foundation
@testable import OramaApp
import Testing

@Suite("Λογαριασμοί", .serialized)
struct AccountsTests {
    @Test func firstAdminIsCreatedOnceWithARandomBcryptedPassword() async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in
            // Boot already created the administrator; a second call creates nobody.
            #expect(try await Accounts(db: app.db).ensureFirstAdmin() == nil)
            let admins = try await UserModel.query(on: app.db).all()
            #expect(admins.count == 1)
            #expect(admins[0].role == "admin")
            #expect(admins[0].passwordHash.hasPrefix("$2"))
            #expect(Accounts.randomPassword() != Accounts.randomPassword())
            #expect(Accounts.randomPassword().count == 20)
        }
    }

    @Test func createAndVerify() async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in
            _ = try await DemoSeeder.seed(app.repositories)
            let accounts = Accounts(db: app.db)
            let unit = try #require(try await OrgUnitModel.query(on: app.db).filter(\.$code == "ΤΜΚ").first())
            let id = try await accounts.create(email: " Head@Kileler.example.gr ", name: "Προϊστάμενος", role: .unitHead,
                                               organisationID: unit.organisationID, unitIDs: [unit.id!], password: "σωστός-κωδικός", actor: .system)
            #expect(try await accounts.verify(email: "head@kileler.example.gr", password: "σωστός-κωδικός") == id)
            #expect(try await accounts.verify(email: "head@kileler.example.gr", password: "λάθος-κωδικός") == nil)
            #expect(try await accounts.verify(email: "nobody@kileler.example.gr", password: "σωστός-κωδικός") == nil)
            let stored = try #require(try await UserModel.find(id, on: app.db))
            #expect(!stored.passwordHash.contains("σωστός"))
            let audit = try await AuditEntryModel.query(on: app.db).filter(\.$entityID == id).all()
            #expect(audit.count == 1)
            #expect(!audit[0].changes.contains(stored.passwordHash))
        }
    }

    @Test func refusesWhatWouldBeUnusable() async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in
            let accounts = Accounts(db: app.db)
            await #expect(throws: AccountError.self) {
                try await accounts.create(email: "short@x.gr", name: "", role: .planner, organisationID: nil, unitIDs: [], password: "short", actor: .system)
            }
            await #expect(throws: AccountError.self) {
                try await accounts.create(email: "head@x.gr", name: "", role: .unitHead, organisationID: nil, unitIDs: [], password: "long-enough-password", actor: .system)
            }
            await #expect(throws: AccountError.self) {
                try await accounts.create(email: Accounts.firstAdminEmail, name: "", role: .planner, organisationID: nil, unitIDs: [], password: "long-enough-password", actor: .system)
            }
            await #expect(throws: AccountError.self) {
                try await accounts.create(email: "not an email", name: "", role: .planner, organisationID: nil, unitIDs: [], password: "long-enough-password", actor: .system)
            }
        }
    }
}
