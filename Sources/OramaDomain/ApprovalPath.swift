import Foundation

/// The path a programme takes to the public (ΥΑ 41179/2014, ΠΔ 185/2007): the council
/// approves Phase A, the public is consulted and the consultation committee gives its
/// opinion, the council approves Phase B, the programme is published. A revision takes the
/// same path, and its publication supersedes the version before it.
///
/// Each step needs what the law needs and is refused, with the reason in Greek, otherwise.
public enum ApprovalStep: String, Sendable, Hashable, CaseIterable, Codable {
    case approvePhaseA, openConsultation, approvePhaseB, publish

    public var greek: String {
        switch self {
        case .approvePhaseA: "Έγκριση της Αʹ Φάσης από το Δημοτικό Συμβούλιο"
        case .openConsultation: "Δημόσια διαβούλευση"
        case .approvePhaseB: "Έγκριση της Βʹ Φάσης από το Δημοτικό Συμβούλιο"
        case .publish: "Δημοσίευση"
        }
    }

    /// The status a programme must have for this step.
    public var from: Programme.Status {
        switch self {
        case .approvePhaseA: .draft
        case .openConsultation: .phaseAApproved
        case .approvePhaseB: .consultation
        case .publish: .approved
        }
    }

    /// The status the step leaves it in.
    public var to: Programme.Status {
        switch self {
        case .approvePhaseA: .phaseAApproved
        case .openConsultation: .consultation
        case .approvePhaseB: .approved
        case .publish: .published
        }
    }

    /// The kind of decision the step rests on, if any.
    public var act: Decision.Act? {
        switch self {
        case .approvePhaseA: .phaseA
        case .approvePhaseB: .phaseB
        case .openConsultation, .publish: nil
        }
    }

    /// The step a programme in `status` can take next; nil once published or superseded.
    public static func next(after status: Programme.Status) -> ApprovalStep? {
        allCases.first { $0.from == status }
    }
}

/// A step taken: when it took effect, the decision it rests on, the consultation's dates.
public struct StepRecord: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var programmeID: UUID
    public var step: ApprovalStep
    /// The day it took effect: the decision's date, the consultation's first day, the day of publication.
    public var date: CalendarDate
    public var decisionID: UUID?
    public var consultation: Consultation?

    public init(id: UUID = UUID(), programmeID: UUID, step: ApprovalStep, date: CalendarDate, decisionID: UUID? = nil,
                consultation: Consultation? = nil) {
        self.id = id
        self.programmeID = programmeID
        self.step = step
        self.date = date
        self.decisionID = decisionID
        self.consultation = consultation
    }
}

/// The public consultation's period, both days included.
public struct Consultation: Sendable, Hashable, Codable {
    public var start: CalendarDate
    public var end: CalendarDate

    public init(start: CalendarDate, end: CalendarDate) {
        self.start = start
        self.end = end
    }

    public func isOpen(on day: CalendarDate) -> Bool { start <= day && day <= end }
    public func hasClosed(by day: CalendarDate) -> Bool { end < day }
}

/// Why a step was refused: said to the planner as it is.
public struct StepRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public var english: String
    public init(_ greek: String, _ english: String) {
        description = greek
        self.english = english
    }
}

/// What a step is asked with: the decision chosen, or the consultation's dates.
public struct StepRequest: Sendable, Hashable {
    public var step: ApprovalStep
    public var decisionID: UUID?
    public var consultation: Consultation?

    public init(step: ApprovalStep, decisionID: UUID? = nil, consultation: Consultation? = nil) {
        self.step = step
        self.decisionID = decisionID
        self.consultation = consultation
    }
}

public enum ApprovalPath {
    /// Checks a step against the programme's status, its decisions and what has been taken
    /// before, on `today`; returns the record to keep or the reason it cannot be taken.
    public static func take(_ request: StepRequest, programmeID: UUID, status: Programme.Status, decisions: [Decision],
                            taken: [StepRecord], today: CalendarDate) throws(StepRefusal) -> StepRecord {
        let step = request.step
        guard status == step.from else { throw outOfOrder(step, status: status) }
        let lastDate = taken.map(\.date).max()
        switch step {
        case .approvePhaseA, .approvePhaseB:
            let act = step.act!
            guard let id = request.decisionID else {
                throw StepRefusal("Επιλέξτε την απόφαση «\(act.greek)»· αν δεν υπάρχει στον κατάλογο, καταχωρίστε την πρώτα στις αποφάσεις.",
                                  "Choose the decision «\(act.greek)»; record it among the decisions first if it is not listed.")
            }
            guard let decision = decisions.first(where: { $0.id == id && $0.programmeID == programmeID }) else {
                throw StepRefusal("Η απόφαση που επιλέξατε δεν είναι απόφαση αυτού του προγράμματος.", "That decision is not one of this programme's.")
            }
            guard decision.act == act, decision.body == act.requiredBody else {
                throw StepRefusal("Η απόφαση \(decision.number) είναι «\(decision.act.greek)» του οργάνου «\(decision.body.greek)»· το βήμα χρειάζεται «\(act.greek)» του Δημοτικού Συμβουλίου.",
                                  "Decision \(decision.number) is not the council's «\(act.greek)».")
            }
            guard decision.date <= today else {
                throw StepRefusal("Η απόφαση \(decision.number) χρονολογείται \(decision.date), μετά τη σημερινή ημέρα.",
                                  "Decision \(decision.number) is dated after today.")
            }
            if let lastDate, decision.date < lastDate {
                throw StepRefusal("Η απόφαση \(decision.number) (\(decision.date)) είναι παλαιότερη από το προηγούμενο βήμα (\(lastDate)).",
                                  "Decision \(decision.number) is older than the step before it.")
            }
            if step == .approvePhaseB {
                guard let consultation = taken.last(where: { $0.step == .openConsultation })?.consultation else {
                    throw StepRefusal("Δεν έχει καταχωριστεί η δημόσια διαβούλευση.", "No public consultation has been recorded.")
                }
                guard consultation.hasClosed(by: today) else {
                    throw StepRefusal("Η δημόσια διαβούλευση δεν έχει λήξει: διαρκεί έως \(consultation.end). Η Βʹ Φάση εγκρίνεται μετά τη λήξη της.",
                                      "The public consultation runs until \(consultation.end); Phase B is approved after it closes.")
                }
                guard consultation.end < decision.date else {
                    throw StepRefusal("Η απόφαση \(decision.number) (\(decision.date)) πάρθηκε πριν λήξει η διαβούλευση (\(consultation.end)).",
                                      "The decision was taken before the consultation closed.")
                }
                // The committee gives its opinion on the consultation's results: once it has ended.
                let opinions = decisions.filter { $0.act == .committeeOpinion && $0.programmeID == programmeID && $0.date >= consultation.end }
                guard let opinion = opinions.max(by: { $0.date < $1.date }) else {
                    throw StepRefusal("Δεν έχει καταχωριστεί η γνώμη της Επιτροπής Διαβούλευσης για τη διαβούλευση \(consultation.start)–\(consultation.end).",
                                      "The consultation committee's opinion on the consultation has not been recorded.")
                }
                guard opinion.date <= decision.date else {
                    throw StepRefusal("Η γνώμη της Επιτροπής Διαβούλευσης (\(opinion.date)) δόθηκε μετά την απόφαση \(decision.number) (\(decision.date)).",
                                      "The committee's opinion is dated after the council's decision.")
                }
            }
            return StepRecord(programmeID: programmeID, step: step, date: decision.date, decisionID: decision.id)
        case .openConsultation:
            guard let consultation = request.consultation else {
                throw StepRefusal("Δώστε την πρώτη και την τελευταία ημέρα της διαβούλευσης.", "Give the consultation's first and last days.")
            }
            guard consultation.start <= consultation.end else {
                throw StepRefusal("Η διαβούλευση δεν μπορεί να λήγει πριν αρχίσει.", "The consultation cannot close before it opens.")
            }
            if let lastDate, consultation.start < lastDate {
                throw StepRefusal("Η διαβούλευση δεν μπορεί να αρχίζει (\(consultation.start)) πριν από την έγκριση της Αʹ Φάσης (\(lastDate)).",
                                  "The consultation cannot open before Phase A was approved.")
            }
            // Opened from today on: a consultation the public could not have seen is no consultation.
            guard consultation.start >= today else {
                throw StepRefusal("Η διαβούλευση δεν μπορεί να αρχίζει στο παρελθόν (\(consultation.start)): δώστε ημέρες από σήμερα (\(today)) και μετά.",
                                  "The consultation cannot start in the past; give days from today on.")
            }
            return StepRecord(programmeID: programmeID, step: step, date: consultation.start, consultation: consultation)
        case .publish:
            guard taken.contains(where: { $0.step == .approvePhaseB }) else {
                throw StepRefusal("Δεν έχει καταχωριστεί η απόφαση του Δημοτικού Συμβουλίου για τη Βʹ Φάση.",
                                  "The council's decision on Phase B has not been recorded.")
            }
            return StepRecord(programmeID: programmeID, step: step, date: today)
        }
    }

    static func outOfOrder(_ step: ApprovalStep, status: Programme.Status) -> StepRefusal {
        let needs: String
        switch step {
        case .approvePhaseA: needs = "Η Αʹ Φάση εγκρίνεται όσο το πρόγραμμα είναι σχέδιο"
        case .openConsultation: needs = "Η διαβούλευση ανοίγει αφού εγκριθεί η Αʹ Φάση"
        case .approvePhaseB: needs = "Η Βʹ Φάση εγκρίνεται μετά τη δημόσια διαβούλευση και τη γνώμη της Επιτροπής Διαβούλευσης"
        case .publish: needs = "Το πρόγραμμα δημοσιεύεται αφού εγκριθεί η Βʹ Φάση από το Δημοτικό Συμβούλιο"
        }
        return StepRefusal("\(needs)· τώρα είναι «\(status.greek)».", "Step «\(step.rawValue)» cannot be taken from status «\(status.rawValue)».")
    }
}
