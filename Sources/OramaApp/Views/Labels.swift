import Foundation
import OramaDomain
import OramaInterchange

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

extension Action.Kind {
    func label(_ language: Language) -> String {
        switch self {
        case .projectCategory: language.t(greek, "Category of projects")
        case .largeProject: language.t(greek, "Large project")
        case .recurringOperation: language.t(greek, "Recurring operation")
        }
    }
}

extension Action.Nature {
    func label(_ language: Language) -> String {
        switch self {
        case .works: language.t(greek, "Works")
        case .study: language.t(greek, "Study")
        case .supply: language.t(greek, "Supply")
        case .service: language.t(greek, "Service")
        case .operation: language.t(greek, "Operation")
        }
    }
}

extension Action.Priority {
    func label(_ language: Language) -> String {
        switch self {
        case .high: language.t(greek, "High")
        case .medium: language.t(greek, "Medium")
        case .low: language.t(greek, "Low")
        }
    }
}

extension Action.Maturity {
    func label(_ language: Language) -> String {
        switch self {
        case .idea: language.t(greek, "Idea")
        case .studyReady: language.t(greek, "Study ready")
        case .licensed: language.t(greek, "Licensed")
        case .tendered: language.t(greek, "Tendered")
        case .contracted: language.t(greek, "Contracted")
        }
    }
}

extension ProgressUpdate.Status {
    func label(_ language: Language) -> String {
        switch self {
        case .notStarted: language.t(greek, "Not started")
        case .onTrack: language.t(greek, "On track")
        case .atRisk: language.t(greek, "At risk")
        case .delayed: language.t(greek, "Delayed")
        case .completed: language.t(greek, "Completed")
        case .cancelled: language.t(greek, "Cancelled")
        }
    }
}

extension Indicator.Direction {
    func label(_ language: Language) -> String {
        switch self {
        case .higherIsBetter: language.t(greek, "Higher is better")
        case .lowerIsBetter: language.t(greek, "Lower is better")
        }
    }
}

extension Indicator.Frequency {
    func label(_ language: Language) -> String {
        switch self {
        case .quarterly: language.t(greek, "Quarterly")
        case .semiannual: language.t(greek, "Half-yearly")
        case .annual: language.t(greek, "Yearly")
        }
    }
}

extension Locality.Kind {
    func label(_ language: Language) -> String {
        switch self {
        case .municipalUnit: language.t(greek, "Municipal unit")
        case .community: language.t(greek, "Community")
        case .settlement: language.t(greek, "Settlement")
        }
    }
}

extension Locality {
    /// «Δημοτική Ενότητα Αρμενίου»; in English «Municipal unit Armenio» keeps the Greek name.
    func heading(_ language: Language) -> String { language.t(heading, "\(kind.label(.en)) \(name)") }
}

extension OrgUnit.Kind {
    func label(_ language: Language) -> String {
        switch self {
        case .directorate: language.t(greek, "Directorate")
        case .department: language.t(greek, "Department")
        case .office: language.t(greek, "Office")
        case .independent: language.t(greek, "Independent unit")
        }
    }
}

extension LegalEntity.Kind {
    func label(_ language: Language) -> String {
        switch self {
        case .publicLawEntity: language.t(greek, "Legal entity of public law")
        case .privateLawEntity: language.t(greek, "Legal entity of private law")
        case .waterUtility: language.t(greek, "Municipal water utility")
        case .municipalEnterprise: language.t(greek, "Municipal enterprise")
        case .other: language.t(greek, "Other")
        }
    }
}

extension FundingSource.Kind {
    func label(_ language: Language) -> String {
        switch self {
        case .own: language.t(greek, "Own resources")
        case .central: language.t(greek, "Central government")
        case .eu: language.t(greek, "European Union")
        case .nationalProgramme: language.t(greek, "National programme")
        case .loan: language.t(greek, "Loan")
        case .other: language.t(greek, "Other")
        }
    }
}

extension SWOTItem.Quadrant {
    func label(_ language: Language) -> String {
        switch self {
        case .strength: language.t(greek, "Strengths")
        case .weakness: language.t(greek, "Weaknesses")
        case .opportunity: language.t(greek, "Opportunities")
        case .threat: language.t(greek, "Threats")
        }
    }
}

extension Finding.Severity {
    func label(_ language: Language) -> String {
        switch self {
        case .error: language.t(greek, "Error")
        case .warning: language.t(greek, "Warning")
        }
    }
}

extension FundingGrouping {
    func label(_ language: Language) -> String {
        switch self {
        case .axis: language.t(greek, "Axis")
        case .measure: language.t(greek, "Measure")
        case .unit: language.t(greek, "Unit")
        case .locality: language.t(greek, "Locality")
        case .action: language.t(greek, "Action")
        }
    }
}

extension YearQuarter {
    /// «Γʹ τρίμ. 2025»; «Q3 2025».
    func label(_ language: Language) -> String { language.t(greek, "Q\(quarter) \(year)") }
}

extension ReportingPeriod {
    /// «Γʹ τρίμ. 2025» or «Έτος 2025»; «Q3 2025» or «Year 2025».
    func label(_ language: Language) -> String { language.t(greek, quarter.map { "Q\($0) \(year)" } ?? "Year \(year)") }
}

extension ProgrammeDocuments.Kind {
    func label(_ language: Language) -> String {
        switch self {
        case .phaseA: language.t(greek, "Phase A: strategic plan")
        case .phaseB: language.t(greek, "Phase B: operational plan")
        case .annual: language.t(greek, "Annual action programme")
        case .evaluation: language.t(greek, "Evaluation report")
        }
    }
}
