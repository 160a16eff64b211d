import Fluent
import SQLKit

/// When each throttle key last failed, so that forgetting old keys never forgets a count
/// still in use (before, a key not yet blocked could be forgotten mid-way).
struct M018_ThrottleLastFailure: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sign_in_throttle").field("last_failure", .double, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sign_in_throttle").deleteField("last_failure").update()
    }
}
