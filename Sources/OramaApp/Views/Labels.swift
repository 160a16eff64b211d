import Foundation
import OramaDomain

// One label per value: the Greek is the domain's own (`greek`), the English sits beside it
// here, and `label(_:)` picks by the interface language.

extension Role {
    func label(_ language: Language) -> String {
        switch self {
        case .admin: language.t(greek, "Administrator")
        case .planner: language.t(greek, "Planning service")
        case .unitHead: language.t(greek, "Head of service")
        case .reviewer: language.t(greek, "Reviewer (council / committee)")
        case .analyst: language.t(greek, "Analyst (Region or ministry)")
        }
    }
}

extension Programme.Status {
    /// The status, and whether the public can read a programme in it.
    func label(_ language: Language) -> String {
        let name: String
        switch self {
        case .draft: name = language.t(greek, "Draft")
        case .phaseAApproved: name = language.t(greek, "Phase A approved")
        case .consultation: name = language.t(greek, "In consultation")
        case .approved: name = language.t(greek, "Approved")
        case .published: name = language.t(greek, "Published")
        case .superseded: name = language.t(greek, "Superseded")
        }
        return isPublic ? name : name + language.t(" (μη δημόσιο)", " (not public)")
    }
}

extension Decision.Body {
    func label(_ language: Language) -> String {
        switch self {
        case .council: language.t(greek, "Municipal council")
        case .municipalCommittee: language.t(greek, "Municipal committee")
        case .consultationCommittee: language.t(greek, "Consultation committee")
        case .other: language.t(greek, "Other body")
        }
    }
}

extension Decision.Act {
    func label(_ language: Language) -> String {
        switch self {
        case .phaseA: language.t(greek, "Approval of Phase A (strategic plan)")
        case .committeeOpinion: language.t(greek, "Opinion of the consultation committee")
        case .phaseB: language.t(greek, "Approval of Phase B (operational plan)")
        case .other: language.t(greek, "Other decision on the programme")
        }
    }
}

extension ApprovalStep {
    func label(_ language: Language) -> String {
        switch self {
        case .approvePhaseA: language.t(greek, "Phase A approved by the municipal council")
        case .openConsultation: language.t(greek, "Public consultation")
        case .approvePhaseB: language.t(greek, "Phase B approved by the municipal council")
        case .publish: language.t(greek, "Publication")
        }
    }
}

extension ProgrammeChanges.Kind {
    func label(_ language: Language) -> String {
        switch self {
        case .added: language.t(greek, "Added")
        case .removed: language.t(greek, "Removed")
        case .moved: language.t(greek, "Moved")
        case .changed: language.t(greek, "Changed")
        }
    }
}

extension PublicComment.Moderation {
    func label(_ language: Language) -> String {
        switch self {
        case .pending: language.t(greek, "Awaiting review")
        case .published: language.t(greek, "Published")
        case .hidden: language.t(greek, "Not published")
        }
    }
}

extension PublicComment.Outcome {
    func label(_ language: Language) -> String {
        switch self {
        case .accepted: language.t(greek, "Accepted")
        case .partlyAccepted: language.t(greek, "Partly accepted")
        case .notAccepted: language.t(greek, "Not accepted")
        case .noted: language.t(greek, "Noted (no change)")
        }
    }
}

extension Indicator.Kind {
    func label(_ language: Language) -> String {
        switch self {
        case .input: language.t(greek, "Input")
        case .output: language.t(greek, "Output")
        case .result: language.t(greek, "Result")
        case .impact: language.t(greek, "Impact")
        }
    }
}

extension TreeLevel {
    func label(_ language: Language) -> String {
        switch self {
        case .axis: language.t(greek, "Axis")
        case .measure: language.t(greek, "Measure")
        case .objective: language.t(greek, "Objective")
        case .action: language.t(greek, "Action")
        }
    }
}

extension Programme {
    func attachmentCode(_ attachment: Indicator.Attachment) -> String {
        switch attachment {
        case .measure(let id): "\(TreeLevel.measure.greek) \(measure(id)?.code ?? "—")"
        case .objective(let id): "\(TreeLevel.objective.greek) \(objective(id)?.code ?? "—")"
        }
    }
}
