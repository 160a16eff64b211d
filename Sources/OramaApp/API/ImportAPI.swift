import Foundation
import OramaDomain
import OramaInterchange
import Vapor

/// The command line's `orama programme create` and `orama import`, as API calls under the
/// token rules: a planner (or a municipality's administrator) creates programmes of their own
/// municipality and imports into its programmes; the server-wide administrator anywhere,
/// adding a municipality if need be.
enum ImportAPIController {
    @Sendable static func createProgramme(req: Request) async throws -> Response {
        let user = try req.requireTokenUser()
        guard req.access.canCreateProgrammes else {
            throw UserFacingError(status: .forbidden, code: "forbidden", reason: "Ο λογαριασμός \(user.email) δεν δημιουργεί προγράμματα.")
        }
        let body = try APIRequests.body(req, ProgrammeCreateDTO.self)
        let access = req.access
        let permission = ProgrammeCreation.Permission(mayAddOrganisation: access.canAddMunicipalities,
                                                      onlyOrganisation: access.canAddMunicipalities ? nil : user.organisationID)
        let outcome = try await ProgrammeCreation(repositories: req.repositories)
            .create(organisation: body.organisation, title: body.title, startYear: String(body.startYear), endYear: String(body.endYear),
                    permission: permission, actor: user.actor)
        switch outcome {
        case .failure(let refused):
            let first = refused.errors[0]
            let status: HTTPResponseStatus = refused.forbidden ? .forbidden : .unprocessableEntity
            throw UserFacingError(status: status, code: "invalid_\(first.field)", reason: refused.errors.map(\.description).joined(separator: " "), pointer: "/" + first.field)
        case .success(let created):
            let p = created.programme
            let dto = ProgrammeCreatedDTO(id: p.id, url: SiteURL.apiProgramme(p.id).path, title: p.title, startYear: p.startYear, endYear: p.endYear,
                                          organisationID: created.organisation.id, organisation: created.organisation.name, organisationCreated: created.organisationIsNew)
            return try await dto.encodeResponse(status: .created, for: req)
        }
    }

    @Sendable static func importTable(req: Request) async throws -> Response {
        let user = try req.requireTokenUser()
        let loaded = try await ProgrammeContext.load(req)
        guard req.access.canEditPlan(loaded.summary) else {
            throw UserFacingError(status: .forbidden, code: "forbidden", reason: "Ο λογαριασμός \(user.email) δεν εισάγει δράσεις στο πρόγραμμα «\(loaded.programme.title)».")
        }
        let body = try APIRequests.body(req, OfficeImportRequestDTO.self)
        guard let data = Data(base64Encoded: body.contentBase64, options: .ignoreUnknownCharacters), !data.isEmpty else {
            throw UserFacingError(status: .badRequest, code: "invalid_contentBase64", reason: "Το contentBase64 δεν είναι αρχείο σε base64.", pointer: "/contentBase64")
        }
        guard data.count <= OfficeTable.maxBytes else {
            throw UserFacingError(status: .payloadTooLarge, code: "file_too_large", reason: "Το αρχείο ξεπερνά τα 10 MB.", pointer: "/contentBase64")
        }
        let source: OfficeImportService.MappingSource
        switch body.mapping ?? "auto" {
        case "auto": source = .auto
        case "saved": source = .saved
        case "given":
            guard let given = body.givenMapping else {
                throw UserFacingError(status: .badRequest, code: "invalid_givenMapping", reason: "Με «mapping»: «given» δώστε και το givenMapping.", pointer: "/givenMapping")
            }
            source = .given(try given.mapping())
        default:
            throw UserFacingError(status: .badRequest, code: "invalid_mapping", reason: "Το mapping είναι auto, saved ή given.", pointer: "/mapping")
        }
        let apply: Bool
        switch body.mode ?? "dry-run" {
        case "dry-run": apply = false
        case "import": apply = true
        default: throw UserFacingError(status: .badRequest, code: "invalid_mode", reason: "Το mode είναι dry-run ή import.", pointer: "/mode")
        }
        let service = OfficeImportService(repositories: req.repositories)
        let prepared: OfficeImportService.Prepared
        switch try await service.prepare(data, sheet: body.sheet, mapping: source, defaultSource: body.defaultSource, into: loaded) {
        case .failure(let problems):
            return try await OfficeImportResultDTO.refused(problems.problems).encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let value): prepared = value
        }
        guard prepared.plan.isAccepted else {
            return try await OfficeImportResultDTO(prepared, imported: false).encodeResponse(status: .unprocessableEntity, for: req)
        }
        if apply {
            do {
                try await service.apply(prepared, into: loaded, actor: user.actor, at: req.now)
            } catch StorageError.conflict {
                throw UserFacingError(status: .conflict, code: "conflict", reason: "Το πρόγραμμα άλλαξε ταυτόχρονα από άλλον χρήστη· δεν εισήχθη τίποτα. Ξαναστείλτε το αίτημα.")
            }
        }
        return try await OfficeImportResultDTO(prepared, imported: apply).encodeResponse(status: .ok, for: req)
    }
}
