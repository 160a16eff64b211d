/// The part a person plays in the programme's work, after ΥΑ 41179/2014: the planning
/// service authors it, heads of services own their units' action plans, the council and
/// its committees review it. What each may do is decided in one place, the app's `Access`.
public enum Role: String, Sendable, CaseIterable, Codable {
    case admin
    case planner
    case unitHead
    case reviewer
    /// An analyst of a Region or of the ministry: reads the published programmes of the
    /// municipalities under them, and the figures across them; writes nothing.
    case analyst

    public var greek: String {
        switch self {
        case .admin: "Διαχειριστής"
        case .planner: "Υπηρεσία Προγραμματισμού"
        case .unitHead: "Προϊστάμενος υπηρεσίας"
        case .reviewer: "Αξιολογητής (Συμβούλιο / Επιτροπή)"
        case .analyst: "Αναλυτής Περιφέρειας ή Υπουργείου"
        }
    }

    /// A head of service answers for at least one unit.
    public var needsUnits: Bool { self == .unitHead }

    /// Everyone but a server-wide administrator and an analyst belongs to a municipality.
    public var needsOrganisation: Bool { self != .admin && self != .analyst }
}
