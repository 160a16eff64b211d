import Fluent
import Vapor

/// The one way pages, the API, commands and the demo reach the database: repositories that
/// take and return domain values. Fluent stays behind this line.
struct Repositories: Sendable {
    let db: any Database

    var programmes: ProgrammeRepository { ProgrammeRepository(db: db) }
    var reference: ReferenceRepository { ReferenceRepository(db: db) }
    var accounts: Accounts { Accounts(db: db) }
    var apiTokens: APITokenStore { APITokenStore(db: db) }
    var comments: CommentStore { CommentStore(db: db) }
    var auditLog: AuditLog { AuditLog(db: db) }
    var annualApprovals: AnnualApprovals { AnnualApprovals(db: db) }
    var budgetExecution: BudgetExecutionStore { BudgetExecutionStore(db: db) }
    var officeImports: OfficeImportStore { OfficeImportStore(db: db) }
}

extension Request {
    var repositories: Repositories { Repositories(db: db) }
}

extension Application {
    var repositories: Repositories { Repositories(db: db) }
}
