import Foundation
import OramaDomain
import Vapor

/// Turns every error into a Greek answer: JSON of a stable shape under `/api`, a page
/// elsewhere. Unexpected errors are logged in full and shown without internals.
struct OramaErrorMiddleware: AsyncMiddleware {
    let environment: Environment

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let status: HTTPResponseStatus
            let code: String
            let message: String
            var pointer: String?
            switch error {
            case let e as UserFacingError:
                (status, code, message, pointer) = (e.status, e.code, e.reason, e.pointer)
            case let e where Busy.isBusy(e):
                // A lock or a database out of reach for longer than the retries waited.
                request.logger.warning("database busy: \(String(reflecting: e))")
                (status, code, message) = (.serviceUnavailable, "busy",
                                           request.language.t("Η βάση δεδομένων είναι προσωρινά απασχολημένη· τίποτα δεν αποθηκεύτηκε. Δοκιμάστε ξανά σε λίγα δευτερόλεπτα.",
                                                              "The database is busy for a moment; nothing was saved. Try again in a few seconds."))
            case let e where Busy.isRace(e):
                // The stores that expect a race name the field themselves (a user's address, a
                // revision); elsewhere the loser of two writes at once is told, and nothing of it kept.
                request.logger.notice("two writes met on a unique key: \(String(reflecting: e))")
                (status, code, message) = (.conflict, "conflict",
                                           request.language.t("Την ίδια στιγμή αποθηκεύτηκε από άλλον η ίδια εγγραφή· η δική σας αλλαγή δεν αποθηκεύτηκε. Ανανεώστε τη σελίδα και δοκιμάστε ξανά.",
                                                              "Someone saved the same record at the same moment; your change was not saved. Reload the page and try again."))
            case let e as AbortError:
                status = e.status
                code = status == .notFound ? "not_found" : "http_\(status.code)"
                message = status == .notFound ? "Η σελίδα δεν βρέθηκε." : e.reason
            default:
                request.logger.report(error: error)
                (status, code, message) = (.internalServerError, "internal", "Παρουσιάστηκε απρόσμενο σφάλμα. Δοκιμάστε ξανά ή επικοινωνήστε με τον διαχειριστή.")
            }
            if request.url.path.hasPrefix("/api/") {
                let body = APIErrorDTO(error: .init(status: Int(status.code), code: code, message: message, pointer: pointer))
                let response = Response(status: status)
                try response.content.encode(body, as: .json)
                if status == .serviceUnavailable { response.headers.replaceOrAdd(name: .retryAfter, value: String(Busy.retryAfterSeconds)) }
                return response
            }
            let context = PageContext(language: request.language, user: request.user, csrf: request.user != nil ? CSRF.token(for: request) : "", path: request.url.path, today: request.today)
            let response = Response(status: status, body: .init(string: ErrorPage(context: context, status: Int(status.code), message: message).render()))
            response.headers.contentType = .html
            if status == .serviceUnavailable { response.headers.replaceOrAdd(name: .retryAfter, value: String(Busy.retryAfterSeconds)) }
            return response
        }
    }
}

/// Errors a visitor can cause, with the Greek message they see.
struct UserFacingError: AbortError {
    var status: HTTPResponseStatus
    var code: String
    var reason: String
    /// For the API: the JSON pointer of the body's field at fault.
    var pointer: String? = nil

    /// A field the domain refused, as the API reports it: 422, the field's own message and
    /// its JSON pointer (`property` when the API names the field otherwise).
    static func invalid(_ error: FieldError, property: String? = nil) -> UserFacingError {
        UserFacingError(status: .unprocessableEntity, code: "invalid_\(property ?? error.field)", reason: error.description, pointer: "/" + (property ?? error.field))
    }

    /// A year the address gives: not a year is a 400, a year outside the programme's period a
    /// 404 (there is no such year of it), on every page, document and API route alike.
    static func year(_ error: FieldRules.YearError, _ language: Language) -> UserFacingError {
        switch error {
        case .notAYear: UserFacingError(status: .badRequest, code: "invalid_year", reason: language.t(error.description, error.english))
        case .outsidePeriod: UserFacingError(status: .notFound, code: "year_outside_period", reason: language.t(error.description, error.english))
        }
    }

    static func badID(_ text: String) -> UserFacingError {
        UserFacingError(status: .badRequest, code: "invalid_id", reason: "Το «\(text.prefix(60))» δεν είναι έγκυρος κωδικός προγράμματος.")
    }

    static let programmeNotFound = UserFacingError(status: .notFound, code: "not_found", reason: "Το πρόγραμμα δεν βρέθηκε ή δεν είναι δημοσιευμένο.")

    /// Someone else saved the programme between this user's reading and writing.
    static func conflict(_ language: Language) -> UserFacingError {
        UserFacingError(status: .conflict, code: "conflict",
                        reason: language.t("Το πρόγραμμα άλλαξε στο μεταξύ από άλλον χρήστη. Δεν αποθηκεύτηκε τίποτα· ανανεώστε τη σελίδα και δοκιμάστε ξανά.",
                                           "The programme was changed meanwhile by someone else. Nothing was saved; reload the page and try again."))
    }

    /// «Δεν βρέθηκε: η δράση.»: what was asked for does not exist (or is not the user's to see).
    static func notFound(_ what: String, _ language: Language) -> UserFacingError {
        UserFacingError(status: .notFound, code: "not_found", reason: language.t("Δεν βρέθηκε: \(what).", "Not found: \(what)."))
    }
}
