import Foundation

/// A municipality. One database holds many: a Region runs one server for all of its own.
public struct Organisation: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var name: String
    public var region: String
    public var regionalUnit: String
    public var address: String
    public var phone: String

    public init(id: UUID = UUID(), name: String, region: String, regionalUnit: String, address: String = "", phone: String = "") {
        self.id = id
        self.name = name
        self.region = region
        self.regionalUnit = regionalUnit
        self.address = address
        self.phone = phone
    }
}

/// A municipal unit (Δημοτική Ενότητα), a community (Κοινότητα) or a settlement within one.
public struct Locality: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case municipalUnit
        case community
        case settlement

        public var greek: String {
            switch self {
            case .municipalUnit: "Δημοτική Ενότητα"
            case .community: "Κοινότητα"
            case .settlement: "Οικισμός"
            }
        }
    }

    public var id: UUID
    public var organisationID: UUID
    public var parentID: UUID?
    public var name: String
    public var kind: Kind
    /// The name in the genitive, as headings need it («Δημοτική Ενότητα Αρμενίου», «Κοινότητα
    /// Κραννώνος»); empty when not known, and then never guessed.
    public var genitive: String
    /// Where it is, for the citizens' map; nil when not known, and then it is not drawn.
    public var location: GeoPoint?

    public init(id: UUID = UUID(), organisationID: UUID, parentID: UUID? = nil, name: String, kind: Kind, genitive: String = "", location: GeoPoint? = nil) {
        self.id = id
        self.organisationID = organisationID
        self.parentID = parentID
        self.name = name
        self.kind = kind
        self.genitive = genitive
        self.location = location
    }

    /// «Δημοτική Ενότητα Αρμενίου» with the genitive; «Δημοτική Ενότητα: Αρμένιο» without it
    /// (a name is not declined by rule: Κραννώνας is Κραννώνος, Άγιοι Ανάργυροι Αγίων Αναργύρων).
    public var heading: String { genitive.isEmpty ? "\(kind.greek): \(name)" : "\(kind.greek) \(genitive)" }
}

/// A service of the municipality: Διεύθυνση → Τμήμα → Γραφείο.
public struct OrgUnit: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case directorate
        case department
        case office
        case independent

        public var greek: String {
            switch self {
            case .directorate: "Διεύθυνση"
            case .department: "Τμήμα"
            case .office: "Γραφείο"
            case .independent: "Αυτοτελής υπηρεσία"
            }
        }
    }

    public var id: UUID
    public var organisationID: UUID
    public var parentID: UUID?
    /// Short code people use for the unit (`ΤΥ`, `ΔΟΥ-ΠΡΟΜ`); unique within the organisation.
    public var code: String
    public var name: String
    public var kind: Kind
    public var phone: String
    public var email: String

    public init(id: UUID = UUID(), organisationID: UUID, parentID: UUID? = nil, code: String, name: String, kind: Kind, phone: String = "", email: String = "") {
        self.id = id
        self.organisationID = organisationID
        self.parentID = parentID
        self.code = code
        self.name = name
        self.kind = kind
        self.phone = phone
        self.email = email
    }
}

/// A legal entity of the municipality (Νομικό Πρόσωπο), e.g. the water utility ΔΕΥΑ.
public struct LegalEntity: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case publicLawEntity        // ΝΠΔΔ
        case privateLawEntity       // ΝΠΙΔ
        case waterUtility           // ΔΕΥΑ
        case municipalEnterprise    // κοινωφελής / αναπτυξιακή επιχείρηση
        case other

        public var greek: String {
            switch self {
            case .publicLawEntity: "ΝΠΔΔ"
            case .privateLawEntity: "ΝΠΙΔ"
            case .waterUtility: "ΔΕΥΑ"
            case .municipalEnterprise: "Κοινωφελής / Αναπτυξιακή Επιχείρηση"
            case .other: "Άλλο"
            }
        }
    }

    public var id: UUID
    public var organisationID: UUID
    public var name: String
    public var kind: Kind

    public init(id: UUID = UUID(), organisationID: UUID, name: String, kind: Kind) {
        self.id = id
        self.organisationID = organisationID
        self.name = name
        self.kind = kind
    }
}

/// Where money comes from: ΣΑΤΑ, own resources, ΕΣΠΑ, a loan…
public struct FundingSource: Sendable, Hashable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case own
        case central
        case eu
        case nationalProgramme
        case loan
        case other

        public var greek: String {
            switch self {
            case .own: "Ίδιοι πόροι"
            case .central: "Κεντρικοί Αυτοτελείς Πόροι"
            case .eu: "Ευρωπαϊκά προγράμματα"
            case .nationalProgramme: "Εθνικό πρόγραμμα"
            case .loan: "Δανεισμός"
            case .other: "Άλλη πηγή"
            }
        }
    }

    public var id: UUID
    public var organisationID: UUID
    /// Short column heading of financial tables (`ΣΑΤΑ`, `ΙΔΙΟΙ`).
    public var code: String
    public var name: String
    public var kind: Kind
    /// The most the source is expected to give in a year, where known.
    public var annualCeiling: Money?

    public init(id: UUID = UUID(), organisationID: UUID, code: String, name: String, kind: Kind, annualCeiling: Money? = nil) {
        self.id = id
        self.organisationID = organisationID
        self.code = code
        self.name = name
        self.kind = kind
        self.annualCeiling = annualCeiling
    }
}

/// The reference data of one organisation, which a programme's actions point into.
public struct ReferenceData: Sendable, Hashable, Codable {
    public var organisation: Organisation
    public var localities: [Locality]
    public var units: [OrgUnit]
    public var legalEntities: [LegalEntity]
    public var fundingSources: [FundingSource]

    public init(organisation: Organisation, localities: [Locality] = [], units: [OrgUnit] = [], legalEntities: [LegalEntity] = [], fundingSources: [FundingSource] = []) {
        self.organisation = organisation
        self.localities = localities
        self.units = units
        self.legalEntities = legalEntities
        self.fundingSources = fundingSources
    }

    public func unit(_ id: UUID?) -> OrgUnit? { id.flatMap { id in units.first { $0.id == id } } }
    public func locality(_ id: UUID) -> Locality? { localities.first { $0.id == id } }
    public func source(_ id: UUID) -> FundingSource? { fundingSources.first { $0.id == id } }
    public func legalEntity(_ id: UUID) -> LegalEntity? { legalEntities.first { $0.id == id } }
}
