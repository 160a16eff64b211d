import Foundation
import OramaDomain
import OramaInterchange
import Plot
import Vapor

/// Budget execution (Εκτέλεση Προϋπολογισμού): import the municipality's file per ΚΑΕ and
/// compare planned, committed and paid money per action, measure and axis.
enum ExecutionController {
    /// Last year's execution unless a year is asked for.
    static func year(_ req: Request, _ loaded: LoadedProgramme, _ text: String?) throws -> Int {
        try req.programmeYear(text, in: loaded.programme, fallback: loaded.programme.yearNearest(req.today.year - 1))
    }

    @Sendable static func show(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let year = try year(req, loaded, req.query[String.self, at: "year"])
        let lines = try await req.repositories.budgetExecution.lines(organisationID: loaded.summary.organisationID, year: year)
        return Respond.html(ExecutionPage(context: PageContext(req), loaded: loaded, year: year, lines: lines, problems: [],
                                            canImport: req.access.canEditPlan(loaded.summary)).render())
    }

    struct Upload: Content {
        var year: String?
        var file: File?
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let upload = try req.content.decode(Upload.self)
        let year = try year(req, loaded, upload.year)
        let store = req.repositories.budgetExecution
        guard let file = upload.file, file.data.readableBytes > 0 else {
            return try await refuse(req, loaded, year, [ImportProblem(row: nil, column: nil, message: req.language.t("Επιλέξτε το αρχείο CSV της εκτέλεσης.", "Choose the execution CSV file."))])
        }
        switch BudgetExecutionImport.parse(Data(buffer: file.data)) {
        case .failure(let refusal):
            return try await refuse(req, loaded, year, refusal.problems)
        case .success(let lines):
            try await store.replace(organisationID: loaded.summary.organisationID, year: year, with: lines, actor: req.user!.actor)
            let matched = BudgetExecutionImport.match(lines, to: loaded.programme.actions)
            return Respond.redirect(req, to: SiteURL.execution(loaded.id, year: year).path,
                                      flash: req.language.t("Εισήχθησαν \(lines.count) γραμμές του \(year)· \(lines.count - matched.unmatched.count) αντιστοιχίστηκαν σε δράσεις.",
                                                            "Imported \(lines.count) lines of \(year); \(lines.count - matched.unmatched.count) matched to actions."))
        }
    }

    static func refuse(_ req: Request, _ loaded: LoadedProgramme, _ year: Int, _ problems: [ImportProblem]) async throws -> Response {
        let lines = try await req.repositories.budgetExecution.lines(organisationID: loaded.summary.organisationID, year: year)
        return Respond.html(ExecutionPage(context: PageContext(req), loaded: loaded, year: year, lines: lines, problems: problems, canImport: true).render(),
                              status: .unprocessableEntity)
    }
}
