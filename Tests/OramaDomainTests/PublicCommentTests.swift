import Foundation
import Testing
@testable import OramaDomain

@Suite("Σχόλια δημόσιας διαβούλευσης")
struct PublicCommentTests {
    let p = UUID()
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test("κάθε πεδίο ελέγχεται· το e-mail γράφεται με μικρά· το κρυφό πεδίο το συμπληρώνουν μόνο ρομπότ")
    func validation() throws {
        let ok = try PublicComment.validated(programmeID: p, subject: .whole, subjectLabel: "Όλο", name: " Μαρία ", email: " Maria@Example.GR ",
                                             text: "  Ένα σχόλιο αρκετά μεγάλο. ", website: "", at: now).get()
        #expect(ok.name == "Μαρία" && ok.email == "maria@example.gr" && ok.text == "Ένα σχόλιο αρκετά μεγάλο." && !ok.isPublic)
        guard case .failure(let list) = PublicComment.validated(programmeID: p, subject: .whole, subjectLabel: "", name: "", email: "a@b",
                                                                text: "λίγο", website: "", at: now) else { Issue.record("accepted"); return }
        #expect(Set(list.errors.map(\.field)) == ["name", "email", "text"])
        guard case .failure(let robot) = PublicComment.validated(programmeID: p, subject: .whole, subjectLabel: "", name: "Χ", email: "x@y.gr",
                                                                 text: "Ένα σχόλιο αρκετά μεγάλο.", website: "x", at: now) else { Issue.record("robot accepted"); return }
        #expect(robot.errors.map(\.field) == ["website"])
        for bad in ["", "a", "a@", "@b.gr", "a@b", "a@.gr", "a@b.gr.", "a b@c.gr", "a@b.gr\r\nBcc: x@y.gr", "<a@b.gr>", "a@b.gr,c@d.gr", "a@@b.gr"] {
            #expect(throws: FieldError.self, "«\(bad)»") { try PublicComment.email(bad) }
        }
        #expect(try PublicComment.email(String(repeating: "α", count: 240) + "@example.gr").count == 251)
        #expect(throws: FieldError.self) { try PublicComment.email(String(repeating: "a", count: 250) + "@example.gr") }
    }

    @Test("δημοσιεύεται μόνο επιβεβαιωμένο· η απόκρυψη θέλει λόγο· η αξιοποίηση θέλει απάντηση")
    func review() throws {
        var c = PublicComment(programmeID: p, subject: .whole, subjectLabel: "Όλο", name: "Μ", email: "m@x.gr", text: "Σχόλιο", submittedAt: now)
        guard case .failure(let unconfirmed) = c.reviewed(moderation: "published", reason: "", answer: "", outcome: "") else { Issue.record(); return }
        #expect(unconfirmed.errors.map(\.field) == ["moderation"])
        c.confirmedAt = now
        let review = try c.reviewed(moderation: "published", reason: "", answer: " Ευχαριστούμε. ", outcome: "noted").get()
        #expect(review.moderation == .published && review.answer == "Ευχαριστούμε." && review.outcome == .noted)
        guard case .failure(let hidden) = c.reviewed(moderation: "hidden", reason: " ", answer: "", outcome: "accepted") else { Issue.record(); return }
        #expect(Set(hidden.errors.map(\.field)) == ["reason", "answer"])
        guard case .failure(let unknown) = c.reviewed(moderation: "deleted", reason: "", answer: "", outcome: "maybe") else { Issue.record(); return }
        #expect(Set(unknown.errors.map(\.field)) == ["moderation", "outcome"])
    }

    @Test("η έκθεση μετρά ό,τι λάβαμε, επιβεβαιώθηκε, κρύφτηκε, και κρατά μόνο τα δημοσιευμένα")
    func report() {
        func comment(_ confirmed: Bool, _ moderation: PublicComment.Moderation, _ outcome: PublicComment.Outcome?, at offset: Double) -> PublicComment {
            PublicComment(programmeID: p, subject: .whole, subjectLabel: "", name: "Ν", email: "n@x.gr", text: "Τ", submittedAt: now.addingTimeInterval(offset),
                          confirmedAt: confirmed ? now : nil, moderation: moderation, answer: outcome == nil ? "" : "Απάντηση", outcome: outcome)
        }
        let all = [comment(false, .pending, nil, at: 0), comment(true, .hidden, nil, at: 1), comment(true, .published, .accepted, at: 3),
                   comment(true, .published, nil, at: 2), comment(true, .pending, nil, at: 4)]
        let r = ConsultationReport(consultation: nil, comments: all)
        #expect(r.received == 5 && r.confirmed == 4 && r.hidden == 1 && r.published.count == 2)
        #expect(r.published.map(\.submittedAt) == [now.addingTimeInterval(2), now.addingTimeInterval(3)])
        #expect(r.count(.accepted) == 1 && r.unanswered == 1)
    }
}
