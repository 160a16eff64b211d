import Foundation
import OramaDomain
import OramaInterchange

/// The import of an office's own table as every edge runs it — the wizard, `orama import`
/// and the API: read the file, take the mapping (proposed, saved or given), work out the
/// plan, and apply it in one transaction, remembering the mapping and the values' meaning.
struct OfficeImportService: Sendable {
    let repositories: Repositories

    enum MappingSource: Sendable {
        /// Proposed from the header's words and the values remembered before.
        case auto
        /// The one saved for this header's shape (refused when there is none).
        case saved
        /// A mapping file; values it leaves out are matched as in `auto`.
        case given(OfficeMapping)
    }

    struct Prepared: Sendable {
        var table: OfficeTable
        var mapping: OfficeMapping
        var plan: OfficePlan
    }

    func prepare(_ data: Data, sheet: String?, mapping source: MappingSource, defaultSource: String?, into loaded: LoadedProgramme) async throws -> Result<Prepared, ImportProblems> {
        let org = loaded.summary.organisationID
        var given: OfficeMapping?
        if case .given(let mapping) = source { given = mapping }
        let table: OfficeTable
        switch OfficeTable.read(data, sheet: sheet ?? given?.sheet, headers: given?.columns.map(\.header) ?? []) {
        case .failure(let problems): return .failure(problems)
        case .success(let read): table = read
        }
        let remembered = try await repositories.officeImports.rememberedChoices(organisationID: org)
        let years = loaded.programme.startYear...loaded.programme.endYear
        var mapping: OfficeMapping
        switch source {
        case .auto:
            mapping = OfficeImport.propose(table, reference: loaded.reference, years: years, remembered: remembered)
        case .saved:
            guard let saved = try await repositories.officeImports.savedMapping(organisationID: org, signature: table.signature) else {
                return .failure(ImportProblems([ImportProblem(row: table.headerRow, column: nil,
                                                              message: "Δεν υπάρχει αποθηκευμένη αντιστοίχιση για πίνακα με αυτές τις στήλες· εισαγάγετε τον πρώτα με «--mapping auto» ή από τον οδηγό.")]))
            }
            mapping = saved
        case .given(let file):
            mapping = file
        }
        if case .auto = source {} else {
            // The file's columns, in its order, whatever the mapping's own list says.
            let fields = Dictionary(mapping.columns.map { (GreekText.searchKey($0.header), $0.field) }, uniquingKeysWith: { a, _ in a })
            mapping.columns = table.columns.map { OfficeMapping.Column(header: $0.header, field: fields[GreekText.searchKey($0.header)] ?? .ignore) }
            mapping.signature = table.signature
            let known = Dictionary(remembered.map { ($0.key, $0.target) }, uniquingKeysWith: { _, b in b })
            for value in OfficeImport.values(table, mapping: mapping, reference: loaded.reference) where mapping.choice(value.kind, value.text) == nil {
                if let target = known[OfficeValueChoice(kind: value.kind, text: value.text, target: "").key] ?? value.suggestion { mapping.choose(value.kind, value.text, target) }
                else if value.kind.canCreate { mapping.choose(value.kind, value.text, OfficeValueChoice.new) }
            }
        }
        if let defaultSource, !defaultSource.isEmpty {
            mapping.defaultSource = defaultSource
            if mapping.choice(.source, defaultSource) == nil {
                mapping.choose(.source, defaultSource, OfficeValues.suggest(defaultSource, .source, reference: loaded.reference) ?? OfficeValueChoice.new)
            }
        }
        let plan = OfficeImport.plan(table, mapping: mapping, into: loaded.programme, reference: loaded.reference)
        return .success(Prepared(table: table, mapping: mapping, plan: plan))
    }

    /// Saves an accepted plan and remembers its mapping and choices; a conflict (someone saved
    /// the programme meanwhile) is `StorageError.conflict`.
    func apply(_ prepared: Prepared, into loaded: LoadedProgramme, actor: Actor, at now: Date) async throws {
        try await repositories.officeImports.apply(prepared.plan, expecting: loaded.programme.changeCounter, actor: actor)
        try await repositories.officeImports.remember(prepared.mapping, created: prepared.plan.createdRecords, organisationID: loaded.summary.organisationID, at: now)
    }
}

extension OfficePlan {
    /// The plan in words, for the command line and the API: the tree with its money per year,
    /// what the reference data gains, the file's totals beside the imported ones, findings and
    /// refusals.
    func text(encoding: GreekTextDecoding.Encoding?) -> String {
        var lines: [String] = []
        if let encoding { lines.append("Κωδικοποίηση: \(encoding.greek)") }
        if let sheet { lines.append("Φύλλο: «\(sheet)»") }
        lines.append("Επικεφαλίδα στη γραμμή \(headerRow)")
        guard isAccepted else {
            lines.append("Απορρίψεις (\(problems.count)) — δεν εισάγεται τίποτα:")
            lines += problems.map { "  ✖ \($0.description)" }
            return lines.joined(separator: "\n")
        }
        let years = programme.years
        lines.append("Δράσεις που εισάγονται: \(created)")
        for axis in axes {
            lines.append("  \(axis.code). \(axis.title): \(GreekText.count(axis.measures, "μέτρο", "μέτρα")), \(GreekText.count(axis.objectives, "στόχος", "στόχοι")), \(GreekText.count(axis.actions, "δράση", "δράσεις")), \(axis.total.formatted)")
            let byYear = years.compactMap { y in axis.byYear[y].map { "\(y): \($0.formatted)" } }
            if !byYear.isEmpty { lines.append("      " + byYear.joined(separator: " · ")) }
        }
        lines.append("Ανά έτος: " + years.map { "\($0): \((importedByYear[$0] ?? .zero).formatted)" }.joined(separator: " · "))
        if let totals = fileTotalsByYear {
            lines.append("Σύνολα του αρχείου: " + years.compactMap { y in totals[y].map { "\(y): \($0.formatted)" } }.joined(separator: " · "))
        }
        if newRecordCount > 0 {
            lines.append("Νέες εγγραφές στα στοιχεία του Δήμου (\(newRecordCount)):")
            lines += newUnits.map { "  + Υπηρεσία: \($0.name) (\($0.code))" }
            lines += newLegalEntities.map { "  + Νομικό πρόσωπο (\($0.kind.greek)): \($0.name)" }
            lines += newLocalities.map { "  + \($0.kind.greek): \($0.name)" }
            lines += newSources.map { "  + Πηγή χρηματοδότησης: \($0.name)" }
        }
        if !newNodes.isEmpty { lines.append("Νέα στοιχεία του δέντρου: \(newNodes.count)") }
        if !skipped.isEmpty || !findings.isEmpty {
            lines.append("Παρατηρήσεις:")
            lines += (skipped + findings).map { "  ⚠ \($0.description)" }
        }
        return lines.joined(separator: "\n")
    }
}
