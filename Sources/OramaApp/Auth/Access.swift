import Foundation
import OramaDomain
import Vapor

/// Who may do what: the one place every route asks.
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

    private func isMember(_ organisationID: UUID) -> Bool {
        guard let user else { return false }
        return user.organisationID == organisationID || (user.role == .admin && user.organisationID == nil)
    }

    func canRead(_ p: ProgrammeSummary) -> Bool { p.status.isPublic || isMember(p.organisationID) }

    /// Structure, strategic plan, settings: the planning service.
    func canEditPlan(_ p: ProgrammeSummary) -> Bool {
        guard let user, isMember(p.organisationID) else { return false }
        return user.role == .planner || user.role == .admin
    }

    func canEdit(_ action: Action, in p: ProgrammeSummary) -> Bool {
        if canEditPlan(p) { return true }
        guard let user, user.role == .unitHead, isMember(p.organisationID) else { return false }
        return user.unitIDs.contains(action.responsibleUnitID)
    }

    func canEdit(_ indicator: Indicator, in p: ProgrammeSummary) -> Bool {
        if canEditPlan(p) { return true }
        guard let user, user.role == .unitHead, isMember(p.organisationID), let unit = indicator.responsibleUnitID else { return false }
        return user.unitIDs.contains(unit)
    }

    func canComment(_ p: ProgrammeSummary) -> Bool {
        guard let user, isMember(p.organisationID) else { return false }
        return user.role != .admin
    }

    func canSeeHistory(_ p: ProgrammeSummary) -> Bool { isMember(p.organisationID) }

    func canManageReference(_ organisationID: UUID) -> Bool {
        guard let user, isMember(organisationID) else { return false }
        return user.role == .planner || user.role == .admin
    }

    var canManageUsers: Bool { user?.role == .admin }

    var canCreateProgrammes: Bool { user?.role == .admin || (user?.role == .planner && user?.organisationID != nil) }

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
