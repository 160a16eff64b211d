import Foundation
import OramaDomain

extension ProgrammeDocuments {
    /// The consultation report for the council's file: the consultation's days and figures,
    /// every published comment with the office's answer and how it was taken into account.
    /// Addresses are never printed; names are, as their authors gave them for publication.
    public static func consultationReport(_ report: ConsultationReport, _ p: Programme, _ r: ReferenceData) -> OfficialDocument {
        var blocks: [OfficialDocument.Block] = [.heading(level: 1, text: "1. Η διαβούλευση")]
        if let c = report.consultation {
            blocks.append(.paragraph("Η δημόσια διαβούλευση για το «\(p.title)» διήρκεσε από \(c.start) έως \(c.end)."))
        }
        blocks.append(.paragraph("Σχόλια που υποβλήθηκαν: \(report.received)· επιβεβαιώθηκαν από τους αποστολείς τους: \(report.confirmed)· "
                                 + "δημοσιεύθηκαν: \(report.published.count)· δεν δημοσιεύθηκαν: \(report.hidden), με τον λόγο να φυλάσσεται στον φάκελο."))
        blocks.append(.table(.init(caption: "Πίνακας 1. Αξιοποίηση των σχολίων",
                                   columns: [.init("Αξιοποίηση", weight: 4), .init("Σχόλια", numeric: true)],
                                   rows: PublicComment.Outcome.allCases.map { [$0.greek, String(report.count($0))] } + [["Χωρίς απάντηση ακόμη", String(report.unanswered)]],
                                   total: ["Σύνολο δημοσιευμένων", String(report.published.count)])))
        blocks.append(.heading(level: 1, text: "2. Σχόλια και απαντήσεις"))
        if report.published.isEmpty {
            blocks.append(.paragraph("Δεν δημοσιεύθηκε κανένα σχόλιο."))
        } else {
            blocks.append(.table(.init(caption: "Πίνακας 2. Τα σχόλια της διαβούλευσης με τις απαντήσεις της υπηρεσίας",
                                       columns: [.init("Α/Α", numeric: true, weight: 1), .init("Αφορά", weight: 2), .init("Από", weight: 2),
                                                 .init("Σχόλιο", weight: 5), .init("Απάντηση", weight: 5), .init("Αξιοποίηση", weight: 2)],
                                       rows: report.published.enumerated().map { i, c in
                                           [String(i + 1), c.subjectLabel, c.name, c.text, c.answer.isEmpty ? "—" : c.answer, c.outcome?.greek ?? "—"]
                                       })))
        }
        return OfficialDocument(organisation: r.organisation.name, title: "Έκθεση της δημόσιας διαβούλευσης",
                                subtitle: "\(p.title) · \(p.startYear)–\(p.endYear)", blocks: blocks)
    }
}
