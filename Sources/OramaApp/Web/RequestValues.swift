import Foundation
import OramaDomain
import Vapor

/// Values read from a request's address, refused with a Greek message when malformed.
extension Request {
    func programmeID() throws -> UUID {
        let text = parameters.get("programmeID") ?? ""
        guard let id = UUID(uuidString: text) else { throw UserFacingError.badID(text) }
        return id
    }

    /// An id from the path, or from the query when the path has none of that name.
    func uuid(_ name: String) throws -> UUID {
        let text = parameters.get(name) ?? query[String.self, at: name] ?? ""
        guard let id = UUID(uuidString: text) else {
            throw UserFacingError(status: .badRequest, code: "invalid_id",
                                  reason: language.t("Μη έγκυρος κωδικός στη διεύθυνση: «\(text.prefix(60))».", "Invalid id in the address: “\(text.prefix(60))”."))
        }
        return id
    }
}
