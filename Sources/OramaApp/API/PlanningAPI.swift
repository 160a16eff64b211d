import Foundation
import OramaDomain
import Vapor

/// The Strategic Plan, the checks, the financial tables and the annual programme as JSON.
enum PlanningAPIController {
    @Sendable static func strategy(req: Request) async throws -> StrategyDTO {
        StrategyDTO(try await ProgrammeContext.load(req).programme)
    }

    /// `GET /api/v1/programmes/{id}/checks`, for signed-in members of the municipality.
    @Sendable static func checks(req: Request) async throws -> [FindingDTO] {
        let loaded = try await ProgrammeContext.load(req)
        guard req.access.canSeeChecks(loaded.summary) else {
            throw UserFacingError(status: req.user == nil ? .unauthorized : .forbidden, code: req.user == nil ? "sign_in" : "forbidden",
                                  reason: req.language.t("Οι έλεγχοι είναι διαθέσιμοι στους χρήστες του Δήμου.", "Checks are available to the municipality's users."))
        }
        return loaded.programme.check(reference: loaded.reference).map { FindingDTO($0, programmeID: loaded.id) }
    }

    @Sendable static func finance(req: Request) async throws -> FinanceDTO {
        let grouping = try req.fundingGrouping()
        let loaded = try await ProgrammeContext.load(req)
        return FinanceDTO(loaded.programme.fundingTable(by: grouping, reference: loaded.reference))
    }

    @Sendable static func annual(req: Request) async throws -> AnnualDTO {
        let loaded = try await ProgrammeContext.load(req)
        let year = try req.programmeYear(in: loaded.programme)
        let approval = try await req.repositories.annualApprovals.find(programmeID: loaded.id, year: year)
        return AnnualDTO(approval?.programme ?? loaded.programme.annualProgramme(year: year, reference: loaded.reference), approval: approval)
    }
}
