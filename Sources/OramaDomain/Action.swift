import Foundation

/// A Δράση: what a service will do for an objective. It may be a category of projects,
/// one large project or a recurring operation (ΥΑ 41179/2014, art. 3).
public struct Action: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case projectCategory
        case largeProject
        case recurringOperation

        public var greek: String {
            switch self {
            case .projectCategory: "Κατηγορία έργων"
            case .largeProject: "Μεγάλο έργο"
            case .recurringOperation: "Επαναλαμβανόμενη λειτουργία"
            }
        }
    }

    public enum Nature: String, Sendable, Codable, CaseIterable {
        case works
        case study
        case supply
        case service
        case operation

        public var greek: String {
            switch self {
            case .works: "Έργο"
            case .study: "Μελέτη"
            case .supply: "Προμήθεια"
            case .service: "Υπηρεσία"
            case .operation: "Λειτουργία"
            }
        }
        /// Capital projects go into the year's Technical Programme.
        public var isCapital: Bool { self == .works || self == .study || self == .supply }
    }

    public enum Maturity: String, Sendable, Codable, CaseIterable, Comparable {
        case idea
        case studyReady
        case licensed
        case tendered
        case contracted

        public var greek: String {
            switch self {
            case .idea: "Ιδέα"
            case .studyReady: "Ώριμη μελέτη"
            case .licensed: "Αδειοδοτημένο"
            case .tendered: "Σε δημοπράτηση"
            case .contracted: "Συμβασιοποιημένο"
            }
        }

        public static func < (lhs: Maturity, rhs: Maturity) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public enum Priority: Int, Sendable, Codable, CaseIterable, Comparable {
        case high = 1
        case medium = 2
        case low = 3

        public var greek: String {
            switch self {
            case .high: "Υψηλή"
            case .medium: "Μεσαία"
            case .low: "Χαμηλή"
            }
        }

        public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var id: UUID
    /// Derived from the action's place in the tree (`1.2.3.04`); set by `Programme.renumber()`.
    public var code: String
    public var title: String
    public var description: String
    public var kind: Kind
    public var nature: Nature
    public var responsibleUnitID: UUID
    public var coResponsibleUnitIDs: [UUID]
    public var implementingBody: ImplementingBody
    public var isSupraLocal: Bool
    /// Other municipalities or bodies in an inter-municipal cooperation.
    public var partners: [String]
    public var localityIDs: [UUID]
    public var priority: Priority
    /// Position in the planner's ranking (1 first); nil until ranked.
    public var rank: Int?
    public var maturity: Maturity
    public var preconditions: String
    /// The estimated cost; the funding lines should add up to it.
    public var cost: Money
    public var fundingLines: [FundingLine]
    public var schedule: Schedule?
    /// Budget line codes (ΚΑΕ) through which the action is paid.
    public var budgetLines: [String]
    /// Relative weight in progress roll-ups; 1 by default, 0 leaves the action out.
    public var weight: Double
    public var milestones: [Milestone]

    public init(
        id: UUID = UUID(), code: String = "", title: String, description: String = "",
        kind: Kind = .projectCategory, nature: Nature = .works, responsibleUnitID: UUID,
        coResponsibleUnitIDs: [UUID] = [], implementingBody: ImplementingBody = .ownUnit,
        isSupraLocal: Bool = false, partners: [String] = [], localityIDs: [UUID] = [],
        priority: Priority = .medium, rank: Int? = nil, maturity: Maturity = .idea,
        preconditions: String = "", cost: Money = .zero, fundingLines: [FundingLine] = [],
        schedule: Schedule? = nil, budgetLines: [String] = [], weight: Double = 1,
        milestones: [Milestone] = []
    ) {
        self.id = id
        self.code = code
        self.title = title
        self.description = description
        self.kind = kind
        self.nature = nature
        self.responsibleUnitID = responsibleUnitID
        self.coResponsibleUnitIDs = coResponsibleUnitIDs
        self.implementingBody = implementingBody
        self.isSupraLocal = isSupraLocal
        self.partners = partners
        self.localityIDs = localityIDs
        self.priority = priority
        self.rank = rank
        self.maturity = maturity
        self.preconditions = preconditions
        self.cost = cost
        self.fundingLines = fundingLines
        self.schedule = schedule
        self.budgetLines = budgetLines
        self.weight = weight
        self.milestones = milestones
    }

    public var isInterMunicipal: Bool { !partners.isEmpty }

    /// The sum of the funding lines, which may differ from `cost` while the plan is drafted.
    public var fundedAmount: Money { fundingLines.map(\.amount).sum() }

    public func funding(in year: Int) -> Money {
        fundingLines.filter { $0.year == year }.map(\.amount).sum()
    }
}

/// Who carries an action out (Φορέας υλοποίησης).
public enum ImplementingBody: Sendable, Hashable, Codable {
    /// The responsible unit of the municipality itself.
    case ownUnit
    case legalEntity(UUID)
    /// A body named in a cooperation contract with another party (e.g. the Region).
    case partner(name: String, contract: String)

    public var kindCode: String {
        switch self {
        case .ownUnit: "own"
        case .legalEntity: "legalEntity"
        case .partner: "partner"
        }
    }
}

/// Money from one source for one year of an action.
public struct FundingLine: Sendable, Hashable, Codable {
    public var sourceID: UUID
    public var year: Int
    public var amount: Money

    public init(sourceID: UUID, year: Int, amount: Money) {
        self.sourceID = sourceID
        self.year = year
        self.amount = amount
    }
}

public struct Milestone: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var date: CalendarDate
    public var title: String
    public var isDone: Bool

    public init(id: UUID = UUID(), date: CalendarDate, title: String, isDone: Bool = false) {
        self.id = id
        self.date = date
        self.title = title
        self.isDone = isDone
    }
}

/// A report on where an action stands.
public struct ProgressUpdate: Sendable, Hashable, Codable, Identifiable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case notStarted
        case onTrack
        case atRisk
        case delayed
        case completed
        case cancelled

        public var greek: String {
            switch self {
            case .notStarted: "Δεν έχει ξεκινήσει"
            case .onTrack: "Εντός χρονοδιαγράμματος"
            case .atRisk: "Σε κίνδυνο"
            case .delayed: "Σε καθυστέρηση"
            case .completed: "Ολοκληρώθηκε"
            case .cancelled: "Ακυρώθηκε"
            }
        }
    }

    public var id: UUID
    public var actionID: UUID
    public var date: CalendarDate
    public var status: Status
    /// Physical progress, 0...100.
    public var physicalProgress: Int
    public var spentToDate: Money
    public var comment: String
    public var recordedBy: String
    public var recordedAt: Date

    public init(id: UUID = UUID(), actionID: UUID, date: CalendarDate, status: Status, physicalProgress: Int, spentToDate: Money = .zero, comment: String = "", recordedBy: String = "", recordedAt: Date = Date()) {
        self.id = id
        self.actionID = actionID
        self.date = date
        self.status = status
        self.physicalProgress = physicalProgress
        self.spentToDate = spentToDate
        self.comment = comment
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
