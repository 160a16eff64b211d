import Fluent

/// The programme's change counter at which each action last changed, so that a write through
/// the API conflicts only when its own action changed after the client read it (empty: not
/// since this was added).
struct M017_ActionChangedCounter: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ActionModel.schema).field("changed_counter", .int64).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ActionModel.schema).deleteField("changed_counter").update()
    }
}
