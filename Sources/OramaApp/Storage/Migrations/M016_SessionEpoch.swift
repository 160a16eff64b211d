import Fluent
import SQLKit

/// Each user's session epoch: a session remembers the epoch it was opened in, and one that
/// no longer matches is signed out (a new password, a new role or units, sign-out everywhere).
struct M016_SessionEpoch: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema).field("session_epoch", .int64, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserModel.schema).deleteField("session_epoch").update()
    }
}
