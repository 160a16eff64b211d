import Fluent
import Foundation

/// A row that belongs to one programme. Every such table carries `programme_id`, so that
/// a whole programme loads with one query per table, whatever its size.
protocol ProgrammeRow: Model where IDValue == UUID {
    var programmeID: UUID { get set }
    /// How the audit log names this kind of row.
    static var entity: String { get }
}

final class ProgrammeModel: Model, @unchecked Sendable {
    static let schema = "programmes"

    @ID(key: .id) var id: UUID?

    // managed
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "change_counter") var changeCounter: Int64

    // relationships
    @Field(key: "organisation_id") var organisationID: UUID

    // data
    @Field(key: "title") var title: String
    @Field(key: "start_year") var startYear: Int
    @Field(key: "end_year") var endYear: Int
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    @Field(key: "note") var note: String
    @Field(key: "vision") var vision: String
    @Field(key: "reporting_frequency") var reportingFrequency: String
    @Field(key: "reporting_due_days") var reportingDueDays: Int
    /// ISO dates (`2025-03-01`) or nil.
    @OptionalField(key: "consultation_start") var consultationStart: String?
    @OptionalField(key: "consultation_end") var consultationEnd: String?
    @OptionalField(key: "council_session") var councilSession: String?

    init() {}
}

final class ProfileSectionModel: ProgrammeRow, @unchecked Sendable {
    static let schema = "profile_sections"
    static let entity = "profileSection"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String

    init() {}
}

final class KeyFigureModel: ProgrammeRow, @unchecked Sendable {
    static let schema = "key_figures"
    static let entity = "keyFigure"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "section_id") var sectionID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "name") var name: String
    @Field(key: "value") var value: Double
    @Field(key: "unit") var unit: String
    @Field(key: "year") var year: Int
    @Field(key: "source") var source: String

    init() {}
}

/// SWOT items, critical issues, guiding principles and strategic goals: short texts in order.
final class PlanStatementModel: ProgrammeRow, @unchecked Sendable {
    static let schema = "plan_statements"
    static let entity = "planStatement"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "kind") var kind: String
    @OptionalField(key: "axis_id") var axisID: UUID?
    @Field(key: "position") var position: Int
    @Field(key: "text") var text: String

    init() {}
}

final class AxisModel: ProgrammeRow, @unchecked Sendable {
    static let schema = "axes"
    static let entity = "axis"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String

    init() {}
}

final class MeasureModel: ProgrammeRow, @unchecked Sendable {
    static let schema = "measures"
    static let entity = "measure"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "axis_id") var axisID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String

    init() {}
}

final class ObjectiveModel: ProgrammeRow, @unchecked Sendable {
    static let schema = "objectives"
    static let entity = "objective"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "measure_id") var measureID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String

    init() {}
}

final class ActionModel: ProgrammeRow, @unchecked Sendable {
    static let schema = "actions"
    static let entity = "action"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "objective_id") var objectiveID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "kind") var kind: String
    @Field(key: "nature") var nature: String
    @Field(key: "responsible_unit_id") var responsibleUnitID: UUID
    @Field(key: "implementing_kind") var implementingKind: String
    @OptionalField(key: "legal_entity_id") var legalEntityID: UUID?
    @Field(key: "partner_name") var partnerName: String
    @Field(key: "partner_contract") var partnerContract: String
    @Field(key: "supra_local") var supraLocal: Bool
    /// JSON array of inter-municipal partners.
    @Field(key: "partners") var partners: String
    @Field(key: "priority") var priority: Int
    @OptionalField(key: "rank") var rank: Int?
    @Field(key: "maturity") var maturity: String
    @Field(key: "preconditions") var preconditions: String
    @Field(key: "cost_cents") var costCents: Int64
    @OptionalField(key: "schedule_start") var scheduleStart: String?
    @OptionalField(key: "schedule_end") var scheduleEnd: String?
    /// JSON array of budget line codes (ΚΑΕ).
    @Field(key: "budget_lines") var budgetLines: String
    @Field(key: "weight") var weight: Double
    /// The programme's change counter when this row last changed (bookkeeping, not audited).
    @OptionalField(key: "changed_counter") var changedCounter: Int64?

    init() {}
}

/// A co-responsible unit (`role` = `co`) or a locality of an action.
final class ActionLinkModel: ProgrammeRow, @unchecked Sendable {
    static let schema = "action_links"
    static let entity = "actionLink"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "action_id") var actionID: UUID
    @Field(key: "role") var role: String
    @Field(key: "target_id") var targetID: UUID
    @Field(key: "position") var position: Int

    init() {}
}

final class FundingLineModel: ProgrammeRow, @unchecked Sendable {
    static let schema = "funding_lines"
    static let entity = "fundingLine"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "action_id") var actionID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "source_id") var sourceID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "amount_cents") var amountCents: Int64

    init() {}
}

final class MilestoneModel: ProgrammeRow, @unchecked Sendable {
    static let schema = "milestones"
    static let entity = "milestone"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "action_id") var actionID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "date") var date: String
    @Field(key: "title") var title: String
    @Field(key: "done") var done: Bool

    init() {}
}

final class IndicatorModel: ProgrammeRow, @unchecked Sendable {
    static let schema = "indicators"
    static let entity = "indicator"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Field(key: "unit") var unit: String
    @Field(key: "direction") var direction: String
    @OptionalField(key: "baseline") var baseline: Double?
    @OptionalField(key: "baseline_year") var baselineYear: Int?
    @Field(key: "data_source") var dataSource: String
    @Field(key: "frequency") var frequency: String
    @OptionalField(key: "responsible_unit_id") var responsibleUnitID: UUID?
    @OptionalField(key: "measure_id") var measureID: UUID?
    @OptionalField(key: "objective_id") var objectiveID: UUID?
    @OptionalField(key: "action_id") var actionID: UUID?

    init() {}
}

final class IndicatorTargetModel: ProgrammeRow, @unchecked Sendable {
    static let schema = "indicator_targets"
    static let entity = "indicatorTarget"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "indicator_id") var indicatorID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "value") var value: Double

    init() {}
}

final class MeasurementModel: ProgrammeRow, @unchecked Sendable {
    static let schema = "measurements"
    static let entity = "measurement"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "indicator_id") var indicatorID: UUID
    @Field(key: "period") var period: String
    @Field(key: "value") var value: Double
    @Field(key: "note") var note: String
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

final class ProgressUpdateModel: ProgrammeRow, @unchecked Sendable {
    static let schema = "progress_updates"
    static let entity = "progressUpdate"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "action_id") var actionID: UUID
    @Field(key: "date") var date: String
    @Field(key: "status") var status: String
    @Field(key: "physical_progress") var physicalProgress: Int
    @Field(key: "spent_cents") var spentCents: Int64
    @Field(key: "comment") var comment: String
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

final class CommentModel: Model, @unchecked Sendable {
    static let schema = "comments"

    @ID(key: .id) var id: UUID?

    // relationships
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "entity_id") var entityID: UUID
    @OptionalField(key: "author_id") var authorID: UUID?

    // data
    @Field(key: "author") var author: String
    @Field(key: "text") var text: String
    @Field(key: "at") var at: Date

    init() {}
}

final class AnnualApprovalModel: Model, @unchecked Sendable {
    static let schema = "annual_approvals"

    @ID(key: .id) var id: UUID?

    // relationships
    @Field(key: "programme_id") var programmeID: UUID

    // data
    @Field(key: "year") var year: Int
    @Field(key: "approved_at") var approvedAt: Date
    @Field(key: "approved_by") var approvedBy: String
    /// The `AnnualProgramme` as JSON, exactly as approved.
    @Field(key: "snapshot") var snapshot: String

    init() {}
}

final class PeriodLockModel: ProgrammeRow, @unchecked Sendable {
    static let schema = "period_locks"
    static let entity = "periodLock"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "period") var period: String

    init() {}
}

final class DecisionModel: Model, @unchecked Sendable {
    static let schema = "decisions"

    @ID(key: .id) var id: UUID?

    // relationships
    @Field(key: "programme_id") var programmeID: UUID

    // data
    @Field(key: "body") var body: String
    /// `Decision.Act`'s raw value.
    @Field(key: "act") var act: String
    @Field(key: "number") var number: String
    /// ISO date.
    @Field(key: "date") var date: String
    @Field(key: "subject") var subject: String
    @OptionalField(key: "ada") var ada: String?
    @OptionalField(key: "file_name") var fileName: String?
    @OptionalField(key: "file_bytes") var fileBytes: Int64?
    /// The PDF; read only when it is downloaded.
    @OptionalField(key: "file") var file: Data?
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// A step of a programme's approval path (`ApprovalStep`), with the decision it rests on.
final class ProgrammeStepModel: Model, @unchecked Sendable {
    static let schema = "programme_steps"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "step") var step: String
    /// ISO date the step took effect.
    @Field(key: "date") var date: String
    @OptionalField(key: "decision_id") var decisionID: UUID?
    @OptionalField(key: "consultation_start") var consultationStart: String?
    @OptionalField(key: "consultation_end") var consultationEnd: String?
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

/// A revision's link to the version it revises (the row's id is the revision's programme id).
final class RevisionModel: Model, @unchecked Sendable {
    static let schema = "revisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "previous_id") var previousID: UUID

    init() {}
}

/// Where a part of a revision came from: its id in the version before.
final class RevisionOriginModel: Model, @unchecked Sendable {
    static let schema = "revision_origins"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "part_id") var partID: UUID
    @Field(key: "origin_id") var originID: UUID

    init() {}
}

/// A citizen's comment in the public consultation (`PublicComment`). The e-mail address is
/// kept for the confirmation only and never shown; the confirmation token and the network
/// address are kept as SHA-256 hashes.
final class PublicCommentModel: Model, @unchecked Sendable {
    static let schema = "public_comments"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @OptionalField(key: "part_id") var partID: UUID?
    @Field(key: "part_label") var partLabel: String
    @Field(key: "name") var name: String
    @Field(key: "email") var email: String
    @Field(key: "text") var text: String
    @Field(key: "submitted_at") var submittedAt: Date
    @Field(key: "network_hash") var networkHash: String
    @Field(key: "token_hash") var tokenHash: String
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @Field(key: "moderation") var moderation: String
    @Field(key: "moderation_reason") var moderationReason: String
    @Field(key: "answer") var answer: String
    @OptionalField(key: "outcome") var outcome: String?

    init() {}
}
