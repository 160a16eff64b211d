import Foundation
import OramaDomain

extension ProgrammeDocuments {
    /// The «Πίνακας μεταβολών»: the annex of the council's decision on a revision, listing what
    /// it changes against the version before — actions field by field, money per axis, source
    /// and year, indicator targets.
    public static func changes(_ changes: ProgrammeChanges, before: Programme, after: Programme, _ r: ReferenceData) -> OfficialDocument {
        var blocks: [OfficialDocument.Block] = [
            .paragraph("Μεταβολές της έκδοσης \(after.version) (αναθεώρηση) έναντι της έκδοσης \(before.version) του «\(before.title)» — "
                       + "νέες δράσεις: \(changes.count(.added)), διαγραφές: \(changes.count(.removed)), μετακινήσεις: \(changes.count(.moved)), "
                       + "τροποποιήσεις: \(changes.count(.changed)), μεταβολές δεικτών: \(changes.targets.count)."),
            .heading(level: 1, text: "1. Μεταβολές δράσεων"),
        ]
        let fieldRows = changes.actions.flatMap { change in
            change.fields.map { field in
                [change.code, change.kind == .added ? "—" : (change.codeBefore ?? change.code), change.title, change.kind.greek, field.field, field.before, field.after]
            }
        }
        if fieldRows.isEmpty {
            blocks.append(.paragraph("Καμία δράση δεν προστέθηκε, δεν διαγράφηκε ούτε τροποποιήθηκε."))
        } else {
            blocks.append(.table(.init(caption: "Πίνακας 1. Μεταβολές δράσεων, ανά πεδίο",
                                       columns: [.init("Κωδ.", weight: 1), .init("Κωδ. πριν", weight: 1), .init("Δράση", weight: 3),
                                                 .init("Μεταβολή", weight: 1), .init("Πεδίο", weight: 2), .init("Πριν", weight: 3), .init("Μετά", weight: 3)],
                                       rows: fieldRows)))
        }
        func money(_ number: String, _ title: String, _ first: String, _ rows: [ProgrammeChanges.MoneyRow]) {
            blocks.append(.heading(level: 1, text: "\(number). \(title)"))
            let before = rows.map(\.before).sum(), after = rows.map(\.after).sum()
            blocks.append(.table(.init(caption: "Πίνακας \(number). \(title)",
                                       columns: [.init(first, weight: 4), .init("Πριν", numeric: true), .init("Μετά", numeric: true), .init("Διαφορά", numeric: true)],
                                       rows: rows.map { [$0.label, $0.before.formatted, $0.after.formatted, $0.difference.formatted] },
                                       total: ["Σύνολο", before.formatted, after.formatted, (after - before).formatted])))
        }
        money("2", "Χρηματοδότηση ανά άξονα", "Άξονας", changes.byAxis)
        money("3", "Χρηματοδότηση ανά πηγή", "Πηγή χρηματοδότησης", changes.bySource)
        money("4", "Χρηματοδότηση ανά έτος", "Έτος", changes.byYear)
        blocks.append(.heading(level: 1, text: "5. Δείκτες και τιμές στόχοι"))
        if changes.targets.isEmpty {
            blocks.append(.paragraph("Καμία τιμή στόχος δεν άλλαξε."))
        } else {
            blocks.append(.table(.init(caption: "Πίνακας 5. Μεταβολές δεικτών και τιμών στόχων",
                                       columns: [.init("Κωδ.", weight: 1), .init("Δείκτης", weight: 4), .init("Μεταβολή", weight: 1), .init("Έτος", weight: 1),
                                                 .init("Πριν", numeric: true), .init("Μετά", numeric: true)],
                                       rows: changes.targets.map { t in
                                           [t.code, "\(t.name) (\(t.unit))", t.kind.indicatorGreek, t.year.map(String.init) ?? "—",
                                            t.before.map(GreekNumber.format) ?? "—", t.after.map(GreekNumber.format) ?? "—"]
                                       })))
        }
        return OfficialDocument(organisation: r.organisation.name, title: "Πίνακας μεταβολών",
                                subtitle: "\(after.title) · έκδοση \(after.version) έναντι \(before.version) · \(after.status.greek)", blocks: blocks)
    }
}
