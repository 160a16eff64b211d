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

extension Request {
    /// The year a page, document or API route is about, from the path (`:year`) or the query
    /// (`?year=`); `fallback` when the query has none. See `UserFacingError.year` for the statuses.
    func programmeYear(in p: Programme, fallback: Int? = nil) throws -> Int {
        try programmeYear(parameters.get("year") ?? query[String.self, at: "year"], in: p, fallback: fallback)
    }

    /// The same for a year a form posted.
    func programmeYear(_ text: String?, in p: Programme, fallback: Int?) throws -> Int {
        guard let text, !text.isEmpty else {
            if let fallback { return fallback }
            throw UserFacingError.year(.notAYear(""), language)
        }
        do throws(FieldRules.YearError) { return try FieldRules.year(text, in: p) } catch { throw UserFacingError.year(error, language) }
    }

    /// The grouping of a table (`?by=`): one of `allowed`, `axis` when not given.
    func grouping(allowed: [String]) throws -> String {
        let text = query[String.self, at: "by"] ?? "axis"
        guard allowed.contains(text) else {
            let list = allowed.joined(separator: ", ")
            throw UserFacingError(status: .badRequest, code: "invalid_grouping",
                                  reason: language.t("Άγνωστη ομαδοποίηση «\(text.prefix(30))»· επιτρέπονται: \(list).", "Unknown grouping “\(text.prefix(30))”; allowed: \(list)."))
        }
        return text
    }

    func fundingGrouping() throws -> FundingGrouping {
        FundingGrouping(rawValue: try grouping(allowed: FundingGrouping.allCases.map(\.rawValue)))!
    }
}
