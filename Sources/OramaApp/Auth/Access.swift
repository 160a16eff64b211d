import Foundation
import OramaDomain
import Vapor

/// Who may see or do what: the one place every route, menu and form asks. Each question is
/// named for what it guards.
///
/// - anonymous: reads published programmes only;
/// - every signed-in user reads all programmes of their own municipality (drafts too);
///   a server-wide administrator reads all;
/// - planner: writes everything in their municipality's programmes and its reference data;
/// - unit head: writes the actions and indicators whose responsible unit is theirs;
/// - reviewer: reads and comments;
/// - admin: manages users and reference data, and may do all a planner does (a
///   server-wide administrator in every municipality).
struct Access: Sendable {
    var user: UserAccount?

    private var role: Role? { user?.role }

    private func isMember(_ organisationID: UUID) -> Bool {
        guard let user else { return false }
        return user.organisationID == organisationID || (user.role == .admin && user.organisationID == nil)
    }

    private var plans: Bool { role == .planner || role == .admin }

    func canRead(_ p: ProgrammeSummary) -> Bool { p.status.isPublic || isMember(p.organisationID) }

    /// Structure, strategic plan, settings, ranks, locks, imports: the planning service.
    func canEditPlan(_ p: ProgrammeSummary) -> Bool { plans && isMember(p.organisationID) }

    /// The steps of the approval path (recording the council's approval, opening the
    /// consultation, publishing) and starting a revision: the planning service, who carries
    /// the council's decisions into the programme.
    func canTakeApprovalSteps(_ p: ProgrammeSummary) -> Bool { plans && isMember(p.organisationID) }

    func canEdit(_ action: Action, in p: ProgrammeSummary) -> Bool {
        canEditPlan(p) || (isUnitHead(in: p) && ownsUnit(action.responsibleUnitID))
    }

    func canEdit(_ indicator: Indicator, in p: ProgrammeSummary) -> Bool {
        canEditPlan(p) || (isUnitHead(in: p) && indicator.responsibleUnitID.map(ownsUnit) == true)
    }

    /// The editing column of the programme's tree: the planning service, and heads of
    /// services (for their own actions).
    func seesEditingControls(in p: ProgrammeSummary) -> Bool { canEditPlan(p) || isUnitHead(in: p) }

    /// Whether this user may name `unit` as responsible for an action or an indicator: a head
    /// of service only their own units, the planning service any.
    func mayAssign(unit: UUID) -> Bool { role != .unitHead || ownsUnit(unit) }

    /// The units whose reports this user files and is reminded of: a head of service's own;
    /// nil for everyone else, who sees every unit's.
    var reportingUnits: Set<UUID>? { role == .unitHead ? user?.unitIDs : nil }

    func canComment(_ p: ProgrammeSummary) -> Bool { role != nil && role != .admin && isMember(p.organisationID) }

    /// The public consultation's comments: the planning office publishes or hides them and answers them.
    func canModeratePublicComments(_ p: ProgrammeSummary) -> Bool { plans && isMember(p.organisationID) }

    /// Comments are the municipality's internal discussion.
    func canReadComments(_ p: ProgrammeSummary) -> Bool { isMember(p.organisationID) }

    /// The audit log of a programme and of its actions.
    func canSeeHistory(_ p: ProgrammeSummary) -> Bool { isMember(p.organisationID) }

    /// The checks of the operational plan (page and API): the municipality's own work in progress.
    func canSeeChecks(_ p: ProgrammeSummary) -> Bool { isMember(p.organisationID) }

    /// What each service owes: the municipality's members.
    func canSeeDueReports(_ p: ProgrammeSummary) -> Bool { isMember(p.organisationID) }

    func canManageReference(_ organisationID: UUID) -> Bool { plans && isMember(organisationID) }

    /// The menu's link to reference data: administrators, and planners of a municipality.
    var canManageSomeReference: Bool { role == .admin || (role == .planner && user?.organisationID != nil) }

    var canManageUsers: Bool { user.map { canManageUsers(as: $0.role) } ?? false }

    /// Users are managed by administrators: the role that keeps that power (an administrator
    /// may not take it from themselves).
    func canManageUsers(as role: Role) -> Bool { role == .admin }

    /// Analysts read across municipalities, so only the server's own administrator (of no one
    /// municipality) creates them.
    var canCreateAnalysts: Bool { role == .admin && user?.organisationID == nil }

    /// The figures across municipalities: an analyst (of their Region, or of the country) and
    /// a server-wide administrator.
    var canSeeOverview: Bool { role == .analyst || (role == .admin && user?.organisationID == nil) }

    /// The Region an overview shows: an analyst's own when they have one (whatever was
    /// asked), otherwise the one asked, or the whole country (nil).
    func overviewRegion(asked: String?) -> String? {
        if role == .analyst, let own = user?.region { return own }
        return asked
    }

    /// A new municipality on the server: the server-wide administrator (no municipality of
    /// their own) only.
    var canAddMunicipalities: Bool { role == .admin && user?.organisationID == nil }

    var canCreateProgrammes: Bool { role == .admin || (role == .planner && user?.organisationID != nil) }

    /// Personal API tokens: any signed-in user.
    var canHaveAPITokens: Bool { user != nil }

    private func isUnitHead(in p: ProgrammeSummary) -> Bool { role == .unitHead && isMember(p.organisationID) }

    private func ownsUnit(_ unit: UUID) -> Bool { user?.unitIDs.contains(unit) ?? false }

    /// Throws 401 for the anonymous (so they are asked to sign in) and 403 for the rest.
    func require(_ allowed: Bool, _ language: Language) throws {
        guard !allowed else { return }
        if user == nil {
            throw UserFacingError(status: .unauthorized, code: "sign_in",
                                  reason: language.t("Συνδεθείτε για να συνεχίσετε.", "Please sign in to continue."))
        }
        throw UserFacingError(status: .forbidden, code: "forbidden",
                              reason: language.t("Δεν έχετε δικαίωμα για αυτή την ενέργεια. Οι προϊστάμενοι υπηρεσιών επεξεργάζονται μόνο τις δράσεις και τους δείκτες της υπηρεσίας τους.",
                                                 "You are not allowed to do this. Heads of services edit only their own unit's actions and indicators."))
    }
}
