import Foundation

/// A citizen's comment in the public consultation (δημόσια διαβούλευση), on the programme as
/// a whole or on one of its axes, measures or objectives. It counts only once its author has
/// confirmed the e-mail address, and the public sees it only after the planning office has
/// published it; the office answers it and says how it was taken into account.
public struct PublicComment: Sendable, Hashable, Identifiable {
    /// What the comment is on: the programme, or one part of its plan.
    public enum Subject: Sendable, Hashable {
        case whole
        case part(UUID)
    }

    public enum Moderation: String, Sendable, Hashable, CaseIterable {
        case pending, published, hidden

        public var greek: String {
            switch self {
            case .pending: "Αναμένει έλεγχο"
            case .published: "Δημοσιευμένο"
            case .hidden: "Δεν δημοσιεύθηκε"
            }
        }
    }

    /// How the comment was taken into account.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        case accepted, partlyAccepted, notAccepted, noted

        public var greek: String {
            switch self {
            case .accepted: "Έγινε δεκτό"
            case .partlyAccepted: "Έγινε εν μέρει δεκτό"
            case .notAccepted: "Δεν έγινε δεκτό"
            case .noted: "Ελήφθη υπόψη (χωρίς μεταβολή)"
            }
        }
    }

    public var id: UUID
    public var programmeID: UUID
    public var subject: Subject
    /// The part's code and title when the comment was made («1.2 Ύδρευση»), kept as written.
    public var subjectLabel: String
    public var name: String
    public var email: String
    public var text: String
    public var submittedAt: Date
    public var confirmedAt: Date?
    public var moderation: Moderation
    /// Why it was hidden (kept, not shown publicly), or a note on publishing.
    public var moderationReason: String
    public var answer: String
    public var outcome: Outcome?

    public init(id: UUID = UUID(), programmeID: UUID, subject: Subject, subjectLabel: String, name: String, email: String, text: String,
                submittedAt: Date, confirmedAt: Date? = nil, moderation: Moderation = .pending, moderationReason: String = "", answer: String = "",
                outcome: Outcome? = nil) {
        self.id = id
        self.programmeID = programmeID
        self.subject = subject
        self.subjectLabel = subjectLabel
        self.name = name
        self.email = email
        self.text = text
        self.submittedAt = submittedAt
        self.confirmedAt = confirmedAt
        self.moderation = moderation
        self.moderationReason = moderationReason
        self.answer = answer
        self.outcome = outcome
    }

    /// Shown on the public consultation page: confirmed by its author and published by the office.
    public var isPublic: Bool { confirmedAt != nil && moderation == .published }

    /// How long a confirmation link stays good after the comment was sent.
    public static let confirmationWindow: TimeInterval = 48 * 3600
    /// At most this many comments from one address, and from one network address, per hour.
    public static let perAddressPerHour = 5
    public static let perNetworkPerHour = 20
}

extension PublicComment {
    /// An e-mail address as people type it: trimmed, in small letters, one `@`, a dot in the
    /// domain, no spaces, at most 254 characters.
    public static func email(_ text: String) throws(FieldError) -> String {
        let clean = text.trimmingWhitespace().lowercased()
        let parts = clean.split(separator: "@", omittingEmptySubsequences: false)
        guard clean.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !clean.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" || $0 == "\"" }),
              clean.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw FieldError("email", "Η διεύθυνση e-mail «\(text.trimmingWhitespace().prefix(60))» δεν είναι έγκυρη· σε αυτήν θα σταλεί ο σύνδεσμος επιβεβαίωσης.",
                             "The e-mail address is not valid; the confirmation link is sent to it.")
        }
        return clean
    }

    /// The comment as the form gives it, every field checked and every problem named by its field.
    /// `website` is the honeypot: a field people do not see, which only robots fill in.
    public static func validated(programmeID: UUID, subject: Subject, subjectLabel: String, name: String, email: String, text: String,
                                 website: String, at now: Date) -> Result<PublicComment, FieldErrorList> {
        var errors: [FieldError] = []
        guard website.trimmingWhitespace().isEmpty else {
            return .failure(FieldErrorList([FieldError("website", "Το σχόλιο δεν έγινε δεκτό.", "The comment was not accepted.")]))
        }
        var cleanName = "", cleanEmail = "", cleanText = ""
        do throws(FieldError) {
            cleanName = try FieldRules.required(name, field: "name", subject: ("Το ονοματεπώνυμο", "Your name"), limit: 120)
        } catch { errors.append(error) }
        do throws(FieldError) { cleanEmail = try Self.email(email) } catch { errors.append(error) }
        let body = text.trimmingWhitespace()
        if body.count < 10 || body.count > 5_000 {
            errors.append(FieldError("text", "Το σχόλιο πρέπει να έχει από 10 έως 5.000 χαρακτήρες (έχει \(GreekNumber.format(Double(body.count)))).",
                                     "A comment must have 10 to 5,000 characters."))
        } else {
            cleanText = body
        }
        guard errors.isEmpty else { return .failure(FieldErrorList(errors)) }
        return .success(PublicComment(programmeID: programmeID, subject: subject, subjectLabel: subjectLabel, name: cleanName, email: cleanEmail,
                                      text: cleanText, submittedAt: now))
    }
}

/// The consultation report for the council's file: every published comment with its answer
/// and outcome, and how many were received, confirmed, hidden.
public struct ConsultationReport: Sendable, Hashable {
    public var consultation: Consultation?
    public var received: Int
    public var confirmed: Int
    public var hidden: Int
    public var published: [PublicComment]

    public init(consultation: Consultation?, comments: [PublicComment]) {
        self.consultation = consultation
        received = comments.count
        confirmed = comments.filter { $0.confirmedAt != nil }.count
        hidden = comments.filter { $0.confirmedAt != nil && $0.moderation == .hidden }.count
        published = comments.filter(\.isPublic).sorted { $0.submittedAt < $1.submittedAt }
    }

    public func count(_ outcome: PublicComment.Outcome) -> Int { published.filter { $0.outcome == outcome }.count }
    public var unanswered: Int { published.filter { $0.answer.isEmpty }.count }
}

extension PublicComment {
    /// The planning office's decision on a comment, checked.
    public struct Review: Sendable, Hashable {
        public var moderation: Moderation
        public var reason: String
        public var answer: String
        public var outcome: Outcome?
    }

    /// What the moderation form gives, by the rules: only a confirmed comment is published; a
    /// hidden one keeps its reason; an outcome goes with an answer.
    public func reviewed(moderation: String, reason: String, answer: String, outcome: String) -> Result<Review, FieldErrorList> {
        var errors: [FieldError] = []
        let chosen = Moderation(rawValue: moderation)
        if chosen == nil { errors.append(FieldError("moderation", "Επιλέξτε αν το σχόλιο δημοσιεύεται.", "Choose whether the comment is published.")) }
        if chosen == .published && confirmedAt == nil {
            errors.append(FieldError("moderation", "Το σχόλιο δεν έχει επιβεβαιωθεί από τον αποστολέα του· δεν δημοσιεύεται.",
                                     "The comment has not been confirmed by its sender; it cannot be published."))
        }
        let cleanReason = reason.trimmingWhitespace(), cleanAnswer = answer.trimmingWhitespace()
        if chosen == .hidden && cleanReason.isEmpty {
            errors.append(FieldError("reason", "Γράψτε τον λόγο για τον οποίο το σχόλιο δεν δημοσιεύεται· φυλάσσεται στον φάκελο.",
                                     "Give the reason the comment is not published; it is kept on file."))
        }
        if cleanReason.count > 1_000 { errors.append(FieldError("reason", "Ο λόγος ξεπερνά τους 1.000 χαρακτήρες.", "The reason is longer than 1,000 characters.")) }
        if cleanAnswer.count > 5_000 { errors.append(FieldError("answer", "Η απάντηση ξεπερνά τους 5.000 χαρακτήρες.", "The answer is longer than 5,000 characters.")) }
        var chosenOutcome: Outcome?
        if !outcome.isEmpty {
            chosenOutcome = Outcome(rawValue: outcome)
            if chosenOutcome == nil { errors.append(FieldError("outcome", "Άγνωστη επιλογή αξιοποίησης.", "Unknown outcome.")) }
        }
        if chosenOutcome != nil && cleanAnswer.isEmpty {
            errors.append(FieldError("answer", "Γράψτε την απάντηση της υπηρεσίας μαζί με το πώς αξιοποιήθηκε το σχόλιο.",
                                     "Write the office's answer with how the comment was taken into account."))
        }
        guard errors.isEmpty, let chosen else { return .failure(FieldErrorList(errors)) }
        return .success(Review(moderation: chosen, reason: cleanReason, answer: cleanAnswer, outcome: chosenOutcome))
    }
}
