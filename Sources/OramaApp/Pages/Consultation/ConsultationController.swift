import Foundation
import OramaDomain
import OramaInterchange
import Vapor

/// The public consultation: its public page (documents, every part open to comment, the
/// comments published with their answers), a citizen's comment with its e-mailed
/// confirmation, the planning office's moderation and answers, and the report for the council.
enum ConsultationController {
    struct CommentForm: Content {
        var part: String?
        var name: String?
        var email: String?
        var text: String?
        /// The honeypot: hidden from people, filled only by robots.
        var website: String?
    }

    struct ModerationForm: Content {
        var moderation: String?
        var reason: String?
        var answer: String?
        var outcome: String?
    }

    /// The consultation the programme has opened on its approval path, if any.
    static func consultation(_ req: Request, _ loaded: LoadedProgramme) async throws -> Consultation {
        let steps = try await req.repositories.approvals.steps(programmeID: loaded.id)
        guard let consultation = steps.last(where: { $0.step == .openConsultation })?.consultation else {
            throw UserFacingError(status: .notFound, code: "not_found",
                                  reason: req.language.t("Για αυτό το πρόγραμμα δεν έχει ανοίξει δημόσια διαβούλευση.",
                                                         "No public consultation has been opened for this programme."))
        }
        return consultation
    }

    /// The parts citizens may comment on, with the label each comment keeps.
    static func parts(_ p: Programme) -> [(id: UUID, label: String)] {
        p.axes.flatMap { axis in
            [(axis.id, "Άξονας \(axis.code): \(axis.title)")] + axis.measures.flatMap { measure in
                [(measure.id, "Μέτρο \(measure.code): \(measure.title)")] + measure.objectives.map { ($0.id, "Στόχος \($0.code): \($0.title)") }
            }
        }
    }

    static let wholeLabel = "Το πρόγραμμα στο σύνολό του"

    @Sendable static func page(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let part = req.query[String.self, at: "part"]
        return try await render(req, loaded, form: CommentForm(part: part), errors: FieldErrors(), status: .ok)
    }

    static func render(_ req: Request, _ loaded: LoadedProgramme, form: CommentForm, errors: FieldErrors, notice: String? = nil,
                       status: HTTPStatus) async throws -> Response {
        let consultation = try await consultation(req, loaded)
        let comments = try await req.repositories.publicComments.comments(programmeID: loaded.id).filter(\.isPublic)
        let open = consultation.isOpen(on: req.today) && loaded.summary.status == .consultation
        return Respond.html(ConsultationPage(context: PageContext(req, withForm: open), loaded: loaded, consultation: consultation, isOpen: open,
                                             comments: comments, form: form, errors: errors, notice: notice).render(), status: status)
    }

    @Sendable static func submit(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let l = req.language
        let consultation = try await consultation(req, loaded)
        let form = try req.content.decode(CommentForm.self)
        let today = req.today
        guard consultation.isOpen(on: today), loaded.summary.status == .consultation else {
            let why = consultation.hasClosed(by: today) || loaded.summary.status != .consultation
                ? l.t("Η διαβούλευση έληξε στις \(consultation.end)· δεν γίνονται δεκτά άλλα σχόλια.", "The consultation closed on \(consultation.end); no more comments are accepted.")
                : l.t("Η διαβούλευση αρχίζει στις \(consultation.start).", "The consultation opens on \(consultation.start).")
            return try await render(req, loaded, form: form, errors: FieldErrors(), notice: why, status: .unprocessableEntity)
        }
        var errors = FieldErrors()
        var subject = PublicComment.Subject.whole
        var label = wholeLabel
        if let text = form.part, !text.isEmpty {
            if let id = UUID(uuidString: text), let found = parts(loaded.programme).first(where: { $0.id == id }) {
                subject = .part(id)
                label = found.label
            } else {
                errors.add("part", l.t("Επιλέξτε σε τι αναφέρεται το σχόλιο.", "Choose what the comment is on."))
            }
        }
        let validated = PublicComment.validated(programmeID: loaded.id, subject: subject, subjectLabel: label, name: form.name ?? "",
                                                email: form.email ?? "", text: form.text ?? "", website: form.website ?? "", at: req.now)
        if case .failure(let list) = validated, list.errors.contains(where: { $0.field == "website" }) {
            // A robot: answered as a person would be, and nothing kept.
            return Respond.redirect(req, to: SiteURL.consultation(loaded.id, part: nil).path, flash: sentMessage(l))
        }
        let comment: PublicComment
        switch validated {
        case .failure(let list):
            for error in list.errors { errors.add(error.field, l.t(error.description, error.english)) }
            return try await render(req, loaded, form: form, errors: errors, status: .unprocessableEntity)
        case .success(let c) where errors.isEmpty:
            comment = c
        case .success:
            return try await render(req, loaded, form: form, errors: errors, status: .unprocessableEntity)
        }
        let token = APITokens.generate()
        let sending = try await req.repositories.publicComments.submit(comment, token: token, network: req.clientAddress, programme: loaded.summary,
                                                                        since: req.now.addingTimeInterval(-3600))
        guard sending == .kept else {
            return try await render(req, loaded, form: form, errors: FieldErrors(),
                                    notice: l.t("Στάλθηκαν πολλά σχόλια σε λίγο χρόνο από αυτή τη διεύθυνση· δοκιμάστε ξανά σε μία ώρα.",
                                                "Too many comments from this address in a short time; try again in an hour."),
                                    status: .tooManyRequests)
        }
        let link = AbsoluteURL.of(req, SiteURL.confirmComment(token: token).path)
        let mail = Mail(to: comment.email, subject: "Επιβεβαίωση σχολίου στη δημόσια διαβούλευση: \(loaded.programme.title)", body: """
            Λάβαμε το σχόλιό σας στη δημόσια διαβούλευση για το «\(loaded.programme.title)» (\(loaded.reference.organisation.name)).

            Θέμα: \(comment.subjectLabel)
            Σχόλιο: «\(comment.text.count > 200 ? String(comment.text.prefix(200)) + "…" : comment.text)»

            Για να ληφθεί υπόψη, επιβεβαιώστε ότι το στείλατε εσείς, ανοίγοντας τον σύνδεσμο μέσα σε 48 ώρες:
            \(link)

            Το σχόλιο δημοσιεύεται μετά τον έλεγχο από την υπηρεσία· η διεύθυνση e-mail δεν δημοσιεύεται.
            Αν δεν στείλατε εσείς αυτό το σχόλιο, αγνοήστε το μήνυμα.
            """)
        do {
            _ = try await mail.deliver(named: "comment-\(comment.id.uuidString)", in: req.application.mailOutbox, group: req.application.eventLoopGroup)
        } catch {
            req.logger.error("The confirmation of comment \(comment.id) could be neither sent nor kept in the outbox: \(error)")
        }
        return Respond.redirect(req, to: SiteURL.consultation(loaded.id, part: nil).path, flash: sentMessage(l))
    }

    static func sentMessage(_ l: Language) -> String {
        l.t("Σας στείλαμε e-mail με έναν σύνδεσμο· ανοίξτε τον για να επιβεβαιώσετε το σχόλιο. Δημοσιεύεται μετά τον έλεγχο από την υπηρεσία.",
            "We have sent you an e-mail with a link; open it to confirm your comment. It is published once the office has checked it.")
    }

    @Sendable static func confirmPage(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let comment = try await req.repositories.publicComments.pending(token: token)
        return Respond.html(ConfirmCommentPage(context: PageContext(req, withForm: true), token: token, comment: comment, outcome: nil).render(),
                            status: comment == nil ? .notFound : .ok)
    }

    @Sendable static func confirm(req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let outcome = try await req.repositories.publicComments.confirm(token: token, at: req.now)
        let status: HTTPStatus
        switch outcome {
        case .confirmed, .alreadyConfirmed: status = .ok
        case .expired: status = .gone
        case .unknown: status = .notFound
        }
        return Respond.html(ConfirmCommentPage(context: PageContext(req), token: token, comment: nil, outcome: outcome).render(), status: status)
    }

    @Sendable static func moderationPage(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canModeratePublicComments(loaded.summary), req.language)
        return try await moderationList(req, loaded, errors: [:], status: .ok)
    }

    static func moderationList(_ req: Request, _ loaded: LoadedProgramme, errors: [UUID: FieldErrors], status: HTTPStatus) async throws -> Response {
        let consultation = try await consultation(req, loaded)
        let comments = try await req.repositories.publicComments.comments(programmeID: loaded.id)
        return Respond.html(ModerationPage(context: PageContext(req), loaded: loaded, consultation: consultation, comments: comments, errors: errors).render(),
                            status: status)
    }

    @Sendable static func moderate(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canModeratePublicComments(loaded.summary), req.language)
        let l = req.language
        let id = try req.uuid("commentID")
        guard let comment = try await req.repositories.publicComments.comment(id, programmeID: loaded.id) else {
            throw UserFacingError.notFound(l.t("το σχόλιο", "the comment"), l)
        }
        let form = try req.content.decode(ModerationForm.self)
        let review: PublicComment.Review
        switch comment.reviewed(moderation: form.moderation ?? "", reason: form.reason ?? "", answer: form.answer ?? "", outcome: form.outcome ?? "") {
        case .failure(let list):
            var errors = FieldErrors()
            for error in list.errors { errors.add("\(error.field)-\(id)", l.t(error.description, error.english)) }
            return try await moderationList(req, loaded, errors: [id: errors], status: .unprocessableEntity)
        case .success(let r):
            review = r
        }
        _ = try await req.repositories.publicComments.moderate(id, programme: loaded.summary, moderation: review.moderation, reason: review.reason,
                                                               answer: review.answer, outcome: review.outcome, actor: req.user!.actor)
        let moderation = review.moderation
        return Respond.redirect(req, to: SiteURL.publicComments(loaded.id).path + "#comment-\(id)",
                                flash: l.t("Αποθηκεύτηκε: \(moderation.greek).", "Saved: \(moderation.rawValue)."))
    }

    @Sendable static func report(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let format = req.parameters.get("format") ?? ""
        guard let kind = ProgrammeFiles.DocumentFormat(rawValue: format) else {
            throw UserFacingError(status: .notFound, code: "not_found", reason: req.language.t("Η μορφή είναι docx ή html.", "The format is docx or html."))
        }
        let consultation = try await consultation(req, loaded)
        let report = ConsultationReport(consultation: consultation, comments: try await req.repositories.publicComments.comments(programmeID: loaded.id))
        let document = ProgrammeDocuments.consultationReport(report, loaded.programme, loaded.reference)
        switch kind {
        case .docx:
            return Download.file(try DocxWriter.data(document), mediaType: kind.mediaType, fileName: "ekthesi-diavoulefsis-\(loaded.programme.startYear).docx",
                                 public: loaded.summary.status.isPublic)
        case .html:
            return Respond.printHTML(PrintHTML.render(document))
        }
    }
}
