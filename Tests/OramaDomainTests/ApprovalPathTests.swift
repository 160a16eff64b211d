import Foundation
import Testing
@testable import OramaDomain

@Suite("Η πορεία έγκρισης")
struct ApprovalPathTests {
    let p = UUID()
    func day(_ d: Int, _ m: Int, _ y: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d) }
    func decision(_ body: Decision.Body, _ act: Decision.Act, _ number: String, _ date: CalendarDate, programme: UUID? = nil) -> Decision {
        Decision(programmeID: programme ?? p, body: body, act: act, number: number, date: date, subject: act.greek)
    }

    /// Walks every step in order and returns what was recorded.
    @Test("τα τέσσερα βήματα με τη σειρά, το καθένα με ό,τι ζητά ο νόμος")
    func wholePath() throws {
        let phaseA = decision(.council, .phaseA, "208/2020", day(30, 9, 2020))
        let opinion = decision(.consultationCommittee, .committeeOpinion, "3/2020", day(5, 11, 2020))
        let phaseB = decision(.council, .phaseB, "250/2020", day(20, 11, 2020))
        let decisions = [phaseA, opinion, phaseB]
        var status = Programme.Status.draft
        var taken: [StepRecord] = []
        func take(_ request: StepRequest, on today: CalendarDate) throws {
            let record = try ApprovalPath.take(request, programmeID: p, status: status, decisions: decisions, taken: taken, today: today)
            taken.append(record)
            status = request.step.to
        }
        #expect(ApprovalStep.next(after: status) == .approvePhaseA)
        try take(StepRequest(step: .approvePhaseA, decisionID: phaseA.id), on: day(1, 10, 2020))
        #expect(status == .phaseAApproved && taken[0].date == phaseA.date && taken[0].decisionID == phaseA.id)
        try take(StepRequest(step: .openConsultation, consultation: Consultation(start: day(5, 10, 2020), end: day(4, 11, 2020))), on: day(2, 10, 2020))
        #expect(status == .consultation && taken[1].date == day(5, 10, 2020))
        try take(StepRequest(step: .approvePhaseB, decisionID: phaseB.id), on: day(21, 11, 2020))
        #expect(status == .approved)
        try take(StepRequest(step: .publish), on: day(22, 11, 2020))
        #expect(status == .published && taken.last?.date == day(22, 11, 2020))
        #expect(ApprovalStep.next(after: .published) == nil && ApprovalStep.next(after: .superseded) == nil)
        #expect(taken.map(\.step) == ApprovalStep.allCases)
    }

    func refusal(_ request: StepRequest, status: Programme.Status, decisions: [Decision], taken: [StepRecord] = [], today: CalendarDate) -> StepRefusal? {
        do {
            _ = try ApprovalPath.take(request, programmeID: p, status: status, decisions: decisions, taken: taken, today: today)
            return nil
        } catch { return error }
    }

    @Test("βήμα εκτός σειράς: δημοσίευση χωρίς απόφαση για τη Βʹ Φάση, διαβούλευση πριν από την Αʹ Φάση")
    func outOfOrder() {
        let today = day(1, 12, 2020)
        let publish = refusal(StepRequest(step: .publish), status: .consultation, decisions: [], today: today)
        #expect(publish?.description.contains("Βʹ Φάση") == true && publish?.description.contains("Σε διαβούλευση") == true)
        let fromDraft = refusal(StepRequest(step: .publish), status: .draft, decisions: [], today: today)
        #expect(fromDraft != nil)
        let consult = refusal(StepRequest(step: .openConsultation, consultation: Consultation(start: today, end: day(31, 12, 2020))), status: .draft,
                              decisions: [], today: today)
        #expect(consult?.description.contains("Αʹ Φάση") == true)
        // Approved without a recorded Phase B step (a status set by hand before the path existed): still refused.
        let bare = refusal(StepRequest(step: .publish), status: .approved, decisions: [], taken: [], today: today)
        #expect(bare?.description.contains("Βʹ Φάση") == true)
    }

    @Test("η απόφαση πρέπει να είναι η σωστή, του σωστού οργάνου, αυτού του προγράμματος, όχι μελλοντική ούτε παλαιότερη του προηγούμενου βήματος")
    func wrongDecisions() {
        let today = day(1, 10, 2020)
        let committee = decision(.municipalCommittee, .other, "12/2020", day(20, 9, 2020))
        #expect(refusal(StepRequest(step: .approvePhaseA), status: .draft, decisions: [committee], today: today)?.description.contains("Επιλέξτε") == true)
        #expect(refusal(StepRequest(step: .approvePhaseA, decisionID: committee.id), status: .draft, decisions: [committee], today: today) != nil)
        let other = decision(.council, .phaseA, "1/2020", day(1, 9, 2020), programme: UUID())
        #expect(refusal(StepRequest(step: .approvePhaseA, decisionID: other.id), status: .draft, decisions: [other], today: today)?.description
            .contains("αυτού του προγράμματος") == true)
        let future = decision(.council, .phaseA, "300/2020", day(2, 10, 2020))
        #expect(refusal(StepRequest(step: .approvePhaseA, decisionID: future.id), status: .draft, decisions: [future], today: today)?.description
            .contains("μετά τη σημερινή") == true)
        let phaseB = decision(.council, .phaseB, "100/2020", day(1, 3, 2020))
        let earlier = [StepRecord(programmeID: p, step: .approvePhaseA, date: day(1, 4, 2020)),
                       StepRecord(programmeID: p, step: .openConsultation, date: day(5, 4, 2020), consultation: Consultation(start: day(5, 4, 2020), end: day(5, 5, 2020)))]
        #expect(refusal(StepRequest(step: .approvePhaseB, decisionID: phaseB.id), status: .consultation, decisions: [phaseB], taken: earlier, today: today)?
            .description.contains("παλαιότερη") == true)
    }

    @Test("η Βʹ Φάση θέλει τη διαβούλευση λήξασα και τη γνώμη της Επιτροπής Διαβούλευσης πριν από την απόφαση")
    func phaseBNeedsTheConsultation() {
        let consultation = Consultation(start: day(5, 10, 2020), end: day(4, 11, 2020))
        let taken = [StepRecord(programmeID: p, step: .approvePhaseA, date: day(30, 9, 2020)),
                     StepRecord(programmeID: p, step: .openConsultation, date: consultation.start, consultation: consultation)]
        let phaseB = decision(.council, .phaseB, "250/2020", day(20, 11, 2020))
        let opinion = decision(.consultationCommittee, .committeeOpinion, "3/2020", day(5, 11, 2020))
        let lateOpinion = decision(.consultationCommittee, .committeeOpinion, "4/2020", day(25, 11, 2020))
        let hasty = decision(.council, .phaseB, "230/2020", day(1, 11, 2020))
        let open = refusal(StepRequest(step: .approvePhaseB, decisionID: hasty.id), status: .consultation, decisions: [hasty, opinion], taken: taken,
                           today: day(4, 11, 2020))
        #expect(open?.description.contains("δεν έχει λήξει") == true && open?.description.contains("04/11/2020") == true)
        let noOpinion = refusal(StepRequest(step: .approvePhaseB, decisionID: phaseB.id), status: .consultation, decisions: [phaseB], taken: taken,
                                today: day(21, 11, 2020))
        #expect(noOpinion?.description.contains("γνώμη της Επιτροπής Διαβούλευσης") == true)
        let after = refusal(StepRequest(step: .approvePhaseB, decisionID: phaseB.id), status: .consultation, decisions: [phaseB, lateOpinion], taken: taken,
                            today: day(26, 11, 2020))
        #expect(after?.description.contains("μετά την απόφαση") == true)
        let early = decision(.council, .phaseB, "240/2020", day(1, 11, 2020))
        let beforeClose = refusal(StepRequest(step: .approvePhaseB, decisionID: early.id), status: .consultation, decisions: [early, decision(.consultationCommittee, .committeeOpinion, "2/2020", day(10, 10, 2020))],
                                  taken: taken, today: day(21, 11, 2020))
        #expect(beforeClose?.description.contains("πριν λήξει") == true)
        let lastDay = decision(.council, .phaseB, "235/2020", consultation.end)
        #expect(refusal(StepRequest(step: .approvePhaseB, decisionID: lastDay.id), status: .consultation, decisions: [lastDay, opinion], taken: taken,
                        today: day(21, 11, 2020))?.description.contains("πριν λήξει") == true, "comments are still accepted on the last day")
        let duringIt = decision(.consultationCommittee, .committeeOpinion, "1/2020", day(20, 10, 2020))
        #expect(refusal(StepRequest(step: .approvePhaseB, decisionID: phaseB.id), status: .consultation, decisions: [phaseB, duringIt], taken: taken,
                        today: day(21, 11, 2020))?.description.contains("γνώμη της Επιτροπής Διαβούλευσης") == true, "an opinion given while it ran is not on its results")
        #expect(refusal(StepRequest(step: .approvePhaseB, decisionID: phaseB.id), status: .consultation, decisions: [phaseB, opinion], taken: taken,
                        today: day(21, 11, 2020)) == nil)
    }

    @Test("η διαβούλευση: ημέρες σε σειρά, όχι πριν από την Αʹ Φάση, όχι στο παρελθόν· ανοιχτή και τις δύο ακραίες ημέρες")
    func consultationDays() {
        let taken = [StepRecord(programmeID: p, step: .approvePhaseA, date: day(30, 9, 2020))]
        func ask(_ a: CalendarDate, _ b: CalendarDate, today: CalendarDate) -> StepRefusal? {
            refusal(StepRequest(step: .openConsultation, consultation: Consultation(start: a, end: b)), status: .phaseAApproved, decisions: [], taken: taken, today: today)
        }
        #expect(refusal(StepRequest(step: .openConsultation), status: .phaseAApproved, decisions: [], taken: taken, today: day(1, 10, 2020)) != nil)
        #expect(ask(day(10, 10, 2020), day(5, 10, 2020), today: day(1, 10, 2020))?.description.contains("πριν αρχίσει") == true)
        #expect(ask(day(20, 9, 2020), day(5, 10, 2020), today: day(1, 10, 2020))?.description.contains("Αʹ Φάσης") == true)
        #expect(ask(day(1, 10, 2020), day(5, 10, 2020), today: day(3, 10, 2020))?.description.contains("στο παρελθόν") == true,
                "a consultation the public could not have seen from its first day")
        #expect(ask(day(1, 10, 2020), day(5, 10, 2020), today: day(1, 10, 2020)) == nil)
        let c = Consultation(start: day(1, 10, 2020), end: day(5, 10, 2020))
        #expect(c.isOpen(on: day(1, 10, 2020)) && c.isOpen(on: day(5, 10, 2020)) && !c.isOpen(on: day(6, 10, 2020)) && !c.isOpen(on: day(30, 9, 2020)))
        #expect(c.hasClosed(by: day(6, 10, 2020)) && !c.hasClosed(by: day(5, 10, 2020)))
    }

    @Test("η αναθεώρηση θυμάται από πού ήρθε κάθε μέρος της")
    func revisionOrigins() {
        let unit = UUID()
        var programme = Programme(organisationID: UUID(), title: "Π", startYear: 2025, status: .published)
        let action = Action(title: "Δράση", responsibleUnitID: unit)
        programme.axes = [Axis(title: "Άξονας", measures: [Measure(title: "Μέτρο", objectives: [Objective(title: "Στόχος", actions: [action])])])]
        let revision = programme.revision(title: "Π (αναθεώρηση)")
        #expect(revision.previousID == programme.id && revision.programme.version == 2 && revision.programme.status == .draft)
        let newAction = revision.programme.actions[0]
        #expect(newAction.id != action.id && revision.origins[newAction.id] == action.id)
        #expect(revision.origins[revision.programme.axes[0].id] == programme.axes[0].id)
        #expect(revision.origins[revision.programme.id] == programme.id)
        #expect(Set(revision.origins.values).count == revision.origins.count)
    }

    @Test("η δημοσιευμένη αναθεώρηση συνεχίζει την πρόοδο των δράσεων και τις τιμές των δεικτών")
    func revisionCarriesTheHistory() throws {
        let unit = UUID()
        var programme = Programme(organisationID: UUID(), title: "Π", startYear: 2025, status: .published)
        let kept = Action(title: "Δράση που συνεχίζεται", responsibleUnitID: unit), dropped = Action(title: "Δράση που αφαιρείται", responsibleUnitID: unit)
        let objective = Objective(title: "Στόχος", actions: [kept, dropped])
        programme.axes = [Axis(title: "Άξονας", measures: [Measure(title: "Μέτρο", objectives: [objective])])]
        let recorded = Date(timeIntervalSince1970: 1_750_000_000)
        programme.progressUpdates = [
            ProgressUpdate(actionID: kept.id, date: CalendarDate(year: 2025, month: 3, day: 31), status: .onTrack, physicalProgress: 20, spentToDate: Money(cents: 1_000_000), recordedAt: recorded),
            ProgressUpdate(actionID: kept.id, date: CalendarDate(year: 2025, month: 6, day: 30), status: .delayed, physicalProgress: 30, spentToDate: Money(cents: 1_500_000),
                           comment: "Καθυστέρηση στην αδειοδότηση", recordedAt: recorded.addingTimeInterval(1)),
            ProgressUpdate(actionID: dropped.id, date: CalendarDate(year: 2025, month: 3, day: 31), status: .notStarted, physicalProgress: 0, spentToDate: .zero, recordedAt: recorded),
        ]
        programme.indicators = [Indicator(code: "Δ1", name: "Νοικοκυριά", kind: .output, unit: "νοικοκυριά", attachment: .objective(objective.id),
                                          measurements: [Measurement(period: ReportingPeriod(year: 2025), value: 120, recordedAt: recorded)])]
        var revision = programme.revision(title: "Π (αναθεώρηση)")
        // The revision drops one action and gets a report of its own before it is published.
        revision.programme.axes[0].measures[0].objectives[0].actions.removeAll { revision.origins[$0.id] == dropped.id }
        let successor = try #require(revision.programme.actions.first)
        let own = ProgressUpdate(actionID: successor.id, date: CalendarDate(year: 2025, month: 9, day: 30), status: .onTrack, physicalProgress: 45,
                                 spentToDate: Money(cents: 2_000_000), recordedAt: recorded.addingTimeInterval(2))
        revision.programme.progressUpdates = [own]

        let published = revision.programme.carryingHistory(from: programme, origins: revision.origins)
        #expect(published.progressUpdates.map(\.physicalProgress) == [20, 30, 45], "the earlier reports first, then its own")
        #expect(published.progressUpdates.allSatisfy { $0.actionID == successor.id }, "the dropped action's report stays behind")
        #expect(Set(published.progressUpdates.map(\.id)).isDisjoint(with: programme.progressUpdates.map(\.id)), "new rows, new ids")
        #expect(published.progressUpdates[1].comment == "Καθυστέρηση στην αδειοδότηση")
        #expect(published.latestProgress(of: successor.id)?.id == own.id)
        let values = published.indicators[0].measurements
        #expect(values.map(\.value) == [120] && values[0].id != programme.indicators[0].measurements[0].id)
        // Published twice (or published again after a retry), nothing is doubled.
        #expect(published.carryingHistory(from: programme, origins: revision.origins).progressUpdates.count == 3)
        #expect(published.carryingHistory(from: programme, origins: revision.origins).indicators[0].measurements.count == 1)
    }
}
