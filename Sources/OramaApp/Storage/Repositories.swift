import Fluent
import Vapor
import SQLKit

/// The one way pages, the API, commands and the demo reach the database: repositories that
/// take and return domain values. Fluent stays behind this line.
struct Repositories: Sendable {
    let db: any Database
    /// Told of every committed write that moves a programme on (the caches forget it).
    var changes: ChangeHook? = nil

    var programmes: ProgrammeRepository { ProgrammeRepository(db: db, changes: changes) }
    var reference: ReferenceRepository { ReferenceRepository(db: db, changes: changes) }
    var accounts: Accounts { Accounts(db: db) }
    var apiTokens: APITokenStore { APITokenStore(db: db) }
    var comments: CommentStore { CommentStore(db: db, changes: changes) }
    var auditLog: AuditLog { AuditLog(db: db) }
    var annualApprovals: AnnualApprovals { AnnualApprovals(db: db, changes: changes) }
    var budgetExecution: BudgetExecutionStore { BudgetExecutionStore(db: db, changes: changes) }
    var throttle: ThrottleStore { ThrottleStore(db: db) }
    var jobClaims: JobClaims { JobClaims(db: db) }
    var sessions: SessionRows { SessionRows(db: db) }
    var overview: OverviewQueries { OverviewQueries(db: db) }
    var officeImports: OfficeImportStore { OfficeImportStore(db: db, changes: changes) }
    var decisions: DecisionStore { DecisionStore(db: db, changes: changes) }
    var approvals: ApprovalStore { ApprovalStore(db: db, changes: changes) }
    var publicComments: PublicCommentStore { PublicCommentStore(db: db, changes: changes) }
}

extension Request {
    var repositories: Repositories { Repositories(db: db, changes: application.changeHook) }
}

extension Application {
    var repositories: Repositories { Repositories(db: db, changes: changeHook) }

    private struct ChangeHookKey: StorageKey {
        typealias Value = ChangeHook
    }

    /// What a committed write tells this process's caches; set in `configure`.
    var changeHook: ChangeHook? {
        get { storage[ChangeHookKey.self] }
        set { storage[ChangeHookKey.self] = newValue }
    }
}

extension Database {
    /// This database as SQLKit sees it: both drivers Orama configures are SQL databases.
    func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw StorageError.needsSQLDatabase }
        return sql
    }
}
