import Foundation
import OramaDomain
import Plot
import Vapor

/// The municipality's reference data: services (the organisation chart with phones and
/// e-mails), legal entities, localities and funding sources.
enum ReferenceController {

    static func organisationID(_ req: Request, _ submitted: String? = nil) async throws -> UUID {
        if let own = req.user?.organisationID { return own }
        if let text = submitted ?? req.query[String.self, at: "organisation"], let id = UUID(uuidString: text) { return id }
        guard let first = try await req.repositories.reference.organisations().first else {
            throw UserFacingError(status: .notFound, code: "not_found", reason: req.language.t("Δεν υπάρχει ακόμη δήμος.", "There is no municipality yet."))
        }
        return first.id
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let organisationID = try await organisationID(req)
        try req.access.require(req.access.canManageReference(organisationID), req.language)
        guard let reference = try await req.repositories.reference.load(organisationID: organisationID) else {
            throw UserFacingError.notFound(req.language.t("ο δήμος", "the municipality"), req.language)
        }
        return Respond.html(ReferencePage(context: PageContext(req), reference: reference, errors: [:]).render())
    }

    @Sendable static func save(req: Request) async throws -> Response {
        guard let kind = ReferenceKind(rawValue: req.parameters.get("kind") ?? "") else { throw UserFacingError.notFound(req.parameters.get("kind") ?? "", req.language) }
        let form = try req.content.decode(ReferenceRowForm.self)
        let organisationID = try await organisationID(req, form.organisation)
        try req.access.require(req.access.canManageReference(organisationID), req.language)
        let repository = req.repositories.reference
        guard let reference = try await repository.load(organisationID: organisationID) else { throw UserFacingError.notFound(req.language.t("ο δήμος", "the municipality"), req.language) }
        let l = req.language
        let id = UUID(uuidString: form.id ?? "")
        var errors = FieldErrors()
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        let code = (form.code ?? "").trimmingCharacters(in: .whitespaces)
        // The page keys each row's form by its id, the new row's as «new» (a browser sends its empty id).
        let row = "\(kind.rawValue)-\(id?.uuidString ?? "new")"
        let parent = form.parent.flatMap(UUID.init(uuidString:))
        if let parent, !(reference.units.contains { $0.id == parent } || reference.localities.contains { $0.id == parent }) || parent == id {
            errors.add("\(row)-parent", l.t("Ο γονέας πρέπει να είναι άλλη εγγραφή του ίδιου Δήμου.", "The parent must be another record of the same municipality."))
        }
        let actor = req.user!.actor
        do {
            if form.delete == "on", let id {
                try await repository.delete(kind: kind.rawValue, id: id, organisationID: organisationID, actor: actor)
                return Respond.redirect(req, to: SiteURL.reference(organisation: organisationID).path + "#\(kind.rawValue)", flash: l.t("Διαγράφηκε.", "Deleted."))
            }
            if name.isEmpty { errors.add("\(row)-name", l.t("Δώστε όνομα.", "Enter a name.")) }
            switch kind {
            case .units:
                guard let unitKind = OrgUnit.Kind(rawValue: form.kind ?? "") else { errors.add("\(row)-kind", l.t("Επιλέξτε είδος.", "Choose a kind.")); break }
                if code.isEmpty { errors.add("\(row)-code", l.t("Δώστε σύντομο κωδικό υπηρεσίας.", "Enter a short unit code.")) }
                if reference.units.contains(where: { $0.code == code && $0.id != id }) { errors.add("\(row)-code", l.t("Ο κωδικός «\(code)» υπάρχει ήδη.", "The code “\(code)” already exists.")) }
                let email = (form.email ?? "").trimmingCharacters(in: .whitespaces)
                if !email.isEmpty && !email.contains("@") { errors.add("\(row)-email", l.t("Μη έγκυρο e-mail.", "Invalid e-mail.")) }
                guard errors.isEmpty else { break }
                try await repository.save(OrgUnit(id: id ?? UUID(), organisationID: organisationID, parentID: parent,
                                                   code: code, name: name, kind: unitKind, phone: (form.phone ?? "").trimmingCharacters(in: .whitespaces), email: email), actor: actor)
            case .entities:
                guard let entityKind = LegalEntity.Kind(rawValue: form.kind ?? "") else { errors.add("\(row)-kind", l.t("Επιλέξτε είδος.", "Choose a kind.")); break }
                guard errors.isEmpty else { break }
                try await repository.save(LegalEntity(id: id ?? UUID(), organisationID: organisationID, name: name, kind: entityKind), actor: actor)
            case .localities:
                guard let localityKind = Locality.Kind(rawValue: form.kind ?? "") else { errors.add("\(row)-kind", l.t("Επιλέξτε είδος.", "Choose a kind.")); break }
                let genitive = (form.genitive ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                if genitive.count > 120 { errors.add("\(row)-genitive", l.t("Η γενική ξεπερνά τους 120 χαρακτήρες.", "The genitive is longer than 120 characters.")) }
                var location: GeoPoint?
                do throws(FieldError) {
                    location = try FieldRules.coordinates(latitude: form.latitude ?? "", longitude: form.longitude ?? "")
                } catch {
                    errors.add("\(row)-\(error.field)", l.t(error.description, error.english))
                }
                guard errors.isEmpty else { break }
                try await repository.save(Locality(id: id ?? UUID(), organisationID: organisationID, parentID: parent, name: name, kind: localityKind,
                                                   genitive: genitive, location: location), actor: actor)
            case .sources:
                guard let sourceKind = FundingSource.Kind(rawValue: form.kind ?? "") else { errors.add("\(row)-kind", l.t("Επιλέξτε είδος.", "Choose a kind.")); break }
                if code.isEmpty { errors.add("\(row)-code", l.t("Δώστε σύντομο κωδικό πηγής (στήλη πινάκων).", "Enter a short source code (table column).")) }
                if reference.fundingSources.contains(where: { $0.code == code && $0.id != id }) { errors.add("\(row)-code", l.t("Ο κωδικός «\(code)» υπάρχει ήδη.", "The code “\(code)” already exists.")) }
                var ceiling: Money?
                if let text = form.ceiling?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                    ceiling = errors.check(l, as: "\(row)-ceiling") { () throws(FieldError) in
                        try FieldRules.amount(text, field: "ceiling", subject: "Το ετήσιο όριο", english: "The annual ceiling")
                    }
                }
                guard errors.isEmpty else { break }
                try await repository.save(FundingSource(id: id ?? UUID(), organisationID: organisationID, code: code, name: name, kind: sourceKind, annualCeiling: ceiling), actor: actor)
            }
        } catch let error as ReferenceError {
            errors.add("\(row)-name", error.message(l))
        }
        guard errors.isEmpty else {
            return Respond.html(ReferencePage(context: PageContext(req), reference: reference, errors: errors.messagesByRow(row), submitted: (row, form)).render(),
                                  status: .unprocessableEntity)
        }
        return Respond.redirect(req, to: SiteURL.reference(organisation: organisationID).path + "#\(kind.rawValue)", flash: l.t("Αποθηκεύτηκε.", "Saved."))
    }
}

extension ReferenceError {
    func message(_ l: Language) -> String {
        switch self {
        case .inUse(let count): l.t("Δεν διαγράφεται: χρησιμοποιείται από \(Plural.count(count, ("εγγραφή", "εγγραφές"), ("record", "records"), l)).", "Cannot be deleted: used by \(count) records.")
        case .notFound: l.t("Η εγγραφή δεν βρέθηκε.", "The record was not found.")
        }
    }
}

extension FieldErrors {
    func messagesByRow(_ row: String) -> [String: String] {
        var out: [String: String] = [:]
        for (key, value) in messages where key.hasPrefix(row + "-") { out[String(key.dropFirst(row.count + 1))] = value }
        return out
    }
}
