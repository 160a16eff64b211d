import Foundation
import OramaDomain
import OramaInterchange
import Vapor

/// A new, empty draft programme; the municipality by its name.
struct ProgrammeCreateDTO: Content {
    /// «Δήμος Κιλελέρ». Left out: the token's own municipality. A name not on the server adds
    /// the municipality (administrators only).
    var organisation: String?
    var title: String
    var startYear: Int
    var endYear: Int
}

extension ProgrammeCreateDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] {
        ["title": SchemaNote(description: "Όχι κενός, έως \(FieldRules.titleLimit) χαρακτήρες", maxLength: FieldRules.titleLimit, pattern: "\\S"),
         "startYear": SchemaNote(minimum: FieldRules.startYears.lowerBound, maximum: FieldRules.startYears.upperBound),
         "endYear": SchemaNote(minimum: FieldRules.startYears.lowerBound, maximum: FieldRules.startYears.upperBound + 10)]
    }
}

struct ProgrammeCreatedDTO: Content {
    var id: UUID
    var url: String
    var title: String
    var startYear: Int
    var endYear: Int
    var organisationID: UUID
    var organisation: String
    /// Whether the municipality was added by this request.
    var organisationCreated: Bool
}

/// A mapping of an office's table to Orama's fields, as `orama import` prints it and
/// `--mapping FILE.json` takes it back.
struct OfficeMappingDTO: Content {
    struct Column: Content {
        /// The column's header as the file writes it.
        var header: String
        /// `title`, `axis`, `year:2025`, `ignore` …
        var field: String
    }

    struct Value: Content {
        var kind: String
        /// The value as the file writes it.
        var text: String
        /// A record's id, a list value's code, or `new`.
        var target: String
    }

    var signature: String
    var sheet: String?
    var columns: [Column]
    var defaultSource: String?
    var defaultUnit: String?
    var values: [Value]

    init(_ m: OfficeMapping) {
        signature = m.signature
        sheet = m.sheet
        columns = m.columns.map { Column(header: $0.header, field: $0.field.code) }
        defaultSource = m.defaultSource
        defaultUnit = m.defaultUnit
        values = m.values.map { Value(kind: $0.kind.rawValue, text: $0.text, target: $0.target) }
    }

    /// The domain's mapping, or the property at fault.
    func mapping() throws -> OfficeMapping {
        var columns: [OfficeMapping.Column] = []
        for (i, c) in self.columns.enumerated() {
            guard let field = OfficeField(code: c.field) else {
                throw UserFacingError(status: .badRequest, code: "invalid_givenMapping", reason: "Άγνωστο πεδίο «\(c.field.prefix(40))» στη στήλη «\(c.header.prefix(60))».",
                                      pointer: "/givenMapping/columns/\(i)/field")
            }
            columns.append(.init(header: c.header, field: field))
        }
        var values: [OfficeValueChoice] = []
        for (i, v) in self.values.enumerated() {
            guard let kind = OfficeValueKind(rawValue: v.kind) else {
                throw UserFacingError(status: .badRequest, code: "invalid_givenMapping", reason: "Άγνωστο είδος τιμής «\(v.kind.prefix(40))».", pointer: "/givenMapping/values/\(i)/kind")
            }
            values.append(OfficeValueChoice(kind: kind, text: v.text, target: v.target))
        }
        return OfficeMapping(signature: signature, sheet: sheet, columns: columns, defaultSource: defaultSource, defaultUnit: defaultUnit, values: values)
    }
}

extension OfficeMappingDTO.Column: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] {
        ["field": SchemaNote(description: "Πεδίο του Orama: " + OfficeField.fixed.map(\.code).joined(separator: ", ") + ", ή year:ΕΤΟΣ", examples: ["title", "year:2025", "ignore"])]
    }
}

extension OfficeMappingDTO.Value: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] { ["kind": .oneOf(OfficeValueKind.self)] }
}

/// An office's own table (CSV or XLSX) into a programme: a dry run by default.
struct OfficeImportRequestDTO: Content {
    var fileName: String
    /// The file, in base64.
    var contentBase64: String
    /// The XLSX sheet; left out, the first with a header.
    var sheet: String?
    /// `auto` (the default): proposed from the header and the choices made before; `saved`:
    /// the one saved for this header's shape; `given`: `givenMapping`.
    var mapping: String?
    var givenMapping: OfficeMappingDTO?
    /// The funding source of rows that name none.
    var defaultSource: String?
    /// `dry-run` (the default) or `import`.
    var mode: String?
}

extension OfficeImportRequestDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] {
        ["mapping": .oneOf(["auto", "saved", "given"]), "mode": .oneOf(["dry-run", "import"]), "contentBase64": .format("byte")]
    }
}

struct ImportProblemDTO: Content {
    /// The row as the spreadsheet numbers it.
    var row: Int?
    var column: String?
    var message: String

    init(_ p: ImportProblem) { row = p.row; column = p.column; message = p.message }
}

struct ImportAxisDTO: Content {
    var code: String
    var title: String
    var measures: Int
    var objectives: Int
    var actions: Int
    var centsByYear: [String: Int64]
}

struct ImportNewRecordDTO: Content {
    /// `unit`, `legalEntity`, `locality` or `source`.
    var kind: String
    var id: UUID
    var name: String
}

/// What the import does (or did): the tree with money per year, the file's own totals, the
/// new reference records, findings; or, refused (422), every problem with row and column.
struct OfficeImportResultDTO: Content {
    var accepted: Bool
    var imported: Bool
    var encoding: String?
    var sheet: String?
    var headerRow: Int?
    var mapping: OfficeMappingDTO?
    var actions: Int
    var axes: [ImportAxisDTO]
    var centsByYear: [String: Int64]
    var fileTotalsCentsByYear: [String: Int64]?
    var newRecords: [ImportNewRecordDTO]
    var findings: [ImportProblemDTO]
    var problems: [ImportProblemDTO]
    /// The preview in words, as the command line prints it.
    var preview: String

    static func refused(_ problems: [ImportProblem]) -> OfficeImportResultDTO {
        OfficeImportResultDTO(accepted: false, imported: false, actions: 0, axes: [], centsByYear: [:], newRecords: [], findings: [],
                              problems: problems.map(ImportProblemDTO.init), preview: problems.map(\.description).joined(separator: "\n"))
    }

    init(accepted: Bool, imported: Bool, encoding: String? = nil, sheet: String? = nil, headerRow: Int? = nil, mapping: OfficeMappingDTO? = nil,
         actions: Int, axes: [ImportAxisDTO], centsByYear: [String: Int64], fileTotalsCentsByYear: [String: Int64]? = nil,
         newRecords: [ImportNewRecordDTO], findings: [ImportProblemDTO], problems: [ImportProblemDTO], preview: String) {
        self.accepted = accepted; self.imported = imported; self.encoding = encoding; self.sheet = sheet; self.headerRow = headerRow
        self.mapping = mapping; self.actions = actions; self.axes = axes; self.centsByYear = centsByYear
        self.fileTotalsCentsByYear = fileTotalsCentsByYear; self.newRecords = newRecords; self.findings = findings; self.problems = problems
        self.preview = preview
    }

    init(_ prepared: OfficeImportService.Prepared, imported: Bool) {
        let plan = prepared.plan
        func cents(_ money: [Int: Money]) -> [String: Int64] { Dictionary(uniqueKeysWithValues: money.map { (String($0.key), $0.value.cents) }) }
        self.init(accepted: plan.isAccepted, imported: imported, encoding: prepared.table.encoding?.rawValue, sheet: prepared.table.sheet,
                  headerRow: prepared.table.headerRow, mapping: OfficeMappingDTO(prepared.mapping), actions: plan.created,
                  axes: plan.isAccepted ? plan.axes.map { ImportAxisDTO(code: $0.code, title: $0.title, measures: $0.measures, objectives: $0.objectives, actions: $0.actions, centsByYear: cents($0.byYear)) } : [],
                  centsByYear: cents(plan.importedByYear), fileTotalsCentsByYear: plan.fileTotalsByYear.map(cents),
                  newRecords: plan.newUnits.map { ImportNewRecordDTO(kind: "unit", id: $0.id, name: $0.name) }
                      + plan.newLegalEntities.map { ImportNewRecordDTO(kind: "legalEntity", id: $0.id, name: $0.name) }
                      + plan.newLocalities.map { ImportNewRecordDTO(kind: "locality", id: $0.id, name: $0.name) }
                      + plan.newSources.map { ImportNewRecordDTO(kind: "source", id: $0.id, name: $0.name) },
                  findings: (plan.skipped + plan.findings).map(ImportProblemDTO.init), problems: plan.problems.map(ImportProblemDTO.init),
                  preview: plan.text(encoding: prepared.table.encoding))
    }
}

extension ImportNewRecordDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] { ["kind": .oneOf(["unit", "legalEntity", "locality", "source"])] }
}

extension OfficeImportResultDTO: SchemaNotes {
    static var schemaNotes: [String: SchemaNote] { ["encoding": .oneOf(GreekTextDecoding.Encoding.self)] }
}
