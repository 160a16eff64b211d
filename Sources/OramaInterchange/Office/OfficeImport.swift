import Foundation
import OramaDomain

/// How an office's table maps to Orama: a field per column, the choices for values that match
/// no record by themselves, and the defaults. Kept per organisation under the header's
/// signature, and written and read as JSON by `orama import --mapping FILE.json`.
public struct OfficeMapping: Sendable, Hashable, Codable {
    public struct Column: Sendable, Hashable, Codable {
        public var header: String
        public var field: OfficeField

        public init(header: String, field: OfficeField) {
            self.header = header
            self.field = field
        }
    }

    public var signature: String
    public var sheet: String?
    public var columns: [Column]
    /// The funding source of a row's year amounts when no column names one (code or name).
    public var defaultSource: String?
    /// The service a row is given when its responsible body is a legal entity or is left empty.
    public var defaultUnit: String?
    public var values: [OfficeValueChoice]

    public init(signature: String, sheet: String? = nil, columns: [Column], defaultSource: String? = nil, defaultUnit: String? = nil, values: [OfficeValueChoice] = []) {
        self.signature = signature
        self.sheet = sheet
        self.columns = columns
        self.defaultSource = defaultSource
        self.defaultUnit = defaultUnit
        self.values = values
    }

    public func field(_ index: Int) -> OfficeField { index < columns.count ? columns[index].field : .ignore }

    /// The choices by key, for a plan that asks for thousands of cells.
    public var choiceIndex: [String: String] { Dictionary(values.map { ($0.key, $0.target) }, uniquingKeysWith: { _, last in last }) }

    public func choice(_ kind: OfficeValueKind, _ text: String) -> String? {
        let key = OfficeValueChoice(kind: kind, text: text, target: "").key
        return values.first { $0.key == key }?.target
    }

    public mutating func choose(_ kind: OfficeValueKind, _ text: String, _ target: String) {
        let choice = OfficeValueChoice(kind: kind, text: text, target: target)
        values.removeAll { $0.key == choice.key }
        values.append(choice)
    }

    public static func decode(_ data: Data) -> Result<OfficeMapping, ImportProblems> {
        do { return .success(try JSONDecoder().decode(OfficeMapping.self, from: data)) } catch {
            return .failure(ImportProblems([ImportProblem(row: nil, column: nil, message: "Το αρχείο αντιστοίχισης δεν είναι έγκυρο JSON αντιστοίχισης του Orama (\(error.localizedDescription.prefix(120))).")]))
        }
    }

    public var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }
}

/// A value of the table that needs a choice: what kind it is, how often it appears, what it
/// is taken to be now.
public struct OfficeValue: Sendable, Hashable {
    public var kind: OfficeValueKind
    public var text: String
    public var rows: Int
    public var suggestion: String?
    public var chosen: String?
}

/// What an import of an office's table would do, before anything is saved.
public struct OfficePlan: Sendable {
    public struct AxisSummary: Sendable, Hashable {
        public var code: String
        public var title: String
        public var measures: Int
        public var objectives: Int
        public var actions: Int
        public var byYear: [Int: Money]
        public var total: Money { byYear.values.reduce(.zero, +) }
    }

    /// The programme after the import, with the reference data it points into.
    public var programme: Programme
    public var reference: ReferenceData
    /// Records the import adds to the municipality's reference data.
    public var newUnits: [OrgUnit] = []
    public var newLocalities: [Locality] = []
    public var newSources: [FundingSource] = []
    /// A ΔΕΥΑ, a ΝΠΔΔ or a municipal enterprise named as the responsible body, new.
    public var newLegalEntities: [LegalEntity] = []
    /// Axes, measures and objectives the import creates (by title).
    public var newNodes: [String] = []
    /// The id of each record created for a value chosen as «new», by the choice's key: what
    /// is remembered for the next file.
    public var createdRecords: [String: UUID] = [:]
    public var created = 0
    public var problems: [ImportProblem] = []
    public var findings: [ImportProblem] = []
    public var skipped: [ImportProblem] = []
    /// Money per year of the imported rows, and as the file's own totals row gives it (when it has one).
    public var importedByYear: [Int: Money] = [:]
    public var fileTotalsByYear: [Int: Money]? = nil
    public var encoding: GreekTextDecoding.Encoding?
    public var sheet: String?
    public var headerRow = 1

    public var isAccepted: Bool { problems.isEmpty }
    public var newRecordCount: Int { newUnits.count + newLegalEntities.count + newLocalities.count + newSources.count }

    public var axes: [AxisSummary] {
        programme.axes.map { axis in
            let actions = axis.measures.flatMap(\.objectives).flatMap(\.actions)
            var byYear: [Int: Money] = [:]
            for line in actions.flatMap(\.fundingLines) { byYear[line.year, default: .zero] += line.amount }
            return AxisSummary(code: axis.code, title: axis.title, measures: axis.measures.count, objectives: axis.measures.flatMap(\.objectives).count,
                               actions: actions.count, byYear: byYear)
        }
    }
}

/// An office's table into a programme: the mapping proposed from the header's words and the
/// choices remembered before, the tree built from names, money per source and year.
public enum OfficeImport {
    /// The mapping proposed for a table: each column's field from its header, each value's
    /// record from the choices remembered (`remembered`) or the closest match; a value with
    /// no close match becomes a new record where the kind allows it.
    public static func propose(_ table: OfficeTable, reference r: ReferenceData, years: ClosedRange<Int>, remembered: [OfficeValueChoice] = []) -> OfficeMapping {
        var taken: Set<String> = []
        var columns: [OfficeMapping.Column] = []
        for column in table.columns {
            var field: OfficeField = column.year.map { .year($0) } ?? OfficeColumns.propose(column.header) ?? .ignore
            // A field named twice is taken the first time; a second «Περιγραφή» is left out.
            if case .year = field {} else if field != .ignore, taken.contains(field.code) { field = .ignore }
            taken.insert(field.code)
            columns.append(.init(header: column.header, field: field))
        }
        var mapping = OfficeMapping(signature: table.signature, sheet: table.sheet, columns: columns)
        let remembered = Dictionary(remembered.map { ($0.key, $0) }, uniquingKeysWith: { _, b in b })
        for value in values(table, mapping: mapping, reference: r) {
            let key = OfficeValueChoice(kind: value.kind, text: value.text, target: "").key
            if let target = remembered[key]?.target { mapping.choose(value.kind, value.text, target) }
            else if let suggestion = value.suggestion { mapping.choose(value.kind, value.text, suggestion) }
            else if value.kind.canCreate { mapping.choose(value.kind, value.text, OfficeValueChoice.new) }
        }
        if !columns.contains(where: { $0.field == .source }), table.columns.contains(where: { $0.year != nil }) {
            mapping.defaultSource = r.fundingSources.first?.code ?? "Ίδιοι πόροι"
        }
        return mapping
    }

    /// The kind of value a column's cells are.
    static func valueKind(_ field: OfficeField) -> OfficeValueKind? {
        switch field {
        case .unit, .implementingBody: .unit
        case .municipalUnit, .community, .location: .locality
        case .source: .source
        case .kind: .kind
        case .nature: .nature
        case .priority: .priority
        case .maturity: .maturity
        default: nil
        }
    }

    /// Every distinct value of the columns that name records or list values, with how many
    /// rows carry it, the closest match and the choice made.
    public static func values(_ table: OfficeTable, mapping: OfficeMapping, reference r: ReferenceData) -> [OfficeValue] {
        var out: [OfficeValue] = []
        var index: [String: Int] = [:]
        var keys = OfficeValueKeys()
        for (c, column) in mapping.columns.enumerated() {
            guard let kind = valueKind(column.field) else { continue }
            for row in table.rows {
                for text in split(row.cell(c).text, kind) {
                    let key = keys.key(kind, text)
                    if let i = index[key] { out[i].rows += 1; continue }
                    index[key] = out.count
                    out.append(OfficeValue(kind: kind, text: text, rows: 1, suggestion: suggest(text, kind, r), chosen: mapping.choice(kind, text)))
                }
            }
        }
        if let text = mapping.defaultSource, !text.isEmpty, index[OfficeValueChoice(kind: .source, text: text, target: "").key] == nil {
            out.append(OfficeValue(kind: .source, text: text, rows: 0, suggestion: suggest(text, .source, r), chosen: mapping.choice(.source, text)))
        }
        return out
    }

    /// The kind column may hold a nature («Έργο» is a nature, not a kind): then the suggestion says so.
    static func suggest(_ text: String, _ kind: OfficeValueKind, _ r: ReferenceData) -> String? {
        if let s = OfficeValues.suggest(text, kind, reference: r) { return s }
        if kind == .kind, let nature = OfficeValues.suggest(text, .nature, reference: r) { return "nature:" + nature }
        return nil
    }

    /// Several places in one cell («Νίκαια, Μέλισσα») are several values.
    static func split(_ text: String, _ kind: OfficeValueKind) -> [String] {
        let clean = text.trimmed
        guard !clean.isEmpty else { return [] }
        guard kind == .locality else { return [clean] }
        return clean.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "/" || $0.isNewline }).map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    /// The import, worked out: the programme after it, what it adds, every refusal with its
    /// row and column and every finding. Nothing is saved here.
    public static func plan(_ table: OfficeTable, mapping: OfficeMapping, into original: Programme, reference original_r: ReferenceData) -> OfficePlan {
        var p = original
        var r = original_r
        var plan = OfficePlan(programme: p, reference: r)
        plan.encoding = table.encoding
        plan.sheet = table.sheet
        plan.headerRow = table.headerRow
        plan.skipped = table.skipped
        let org = r.organisation.id
        func name(_ c: Int) -> String { c < table.columns.count ? table.columns[c].name : XLSXWriter.columnName(c) }
        var byField: [OfficeField: [Int]] = [:]
        for (c, column) in mapping.columns.enumerated() { byField[column.field, default: []].append(c) }
        func columns(_ field: OfficeField) -> [Int] { byField[field] ?? [] }
        func column(_ field: OfficeField) -> Int? { columns(field).first }
        let yearColumns: [(Int, Int)] = mapping.columns.enumerated().compactMap { c, column in
            if case .year(let y) = column.field { return (c, y) } else { return nil }
        }
        guard column(.title) != nil else {
            plan.problems.append(ImportProblem(row: table.headerRow, column: nil, message: "Καμία στήλη δεν είναι ο «Τίτλος δράσης»· ορίστε ποια στήλη έχει τους τίτλους."))
            return plan
        }
        for (c, year) in yearColumns where !original.years.contains(year) {
            plan.problems.append(ImportProblem(row: table.headerRow, column: name(c), message: "Το \(year) είναι εκτός της περιόδου του προγράμματος \(original.startYear)–\(original.endYear)."))
        }
        guard plan.problems.isEmpty else { return plan }

        // The choices, looked up by each value's key (worked out once per distinct text).
        let choices = mapping.choiceIndex
        var keys = OfficeValueKeys()
        func choice(_ kind: OfficeValueKind, _ text: String) -> String? { choices[keys.key(kind, text)] }
        // Records the choices ask for, created once each.
        var created: [String: UUID] = [:]
        func record(_ kind: OfficeValueKind, _ text: String, parent: UUID? = nil, localityKind: Locality.Kind = .community) -> (target: String, id: UUID?)? {
            guard let target = choice(kind, text) else { return nil }
            guard target == OfficeValueChoice.new else { return (target, UUID(uuidString: target)) }
            let key = keys.key(kind, text)
            if let id = created[key] { return (target, id) }
            let clean = text.trimmed
            // A record of that name made since the mapping was written (by the previous file
            // of the same shape) is the one meant: never a second record of the same name.
            let same = OfficeValues.key(clean)
            let existing: UUID? = switch kind {
            case .unit: r.units.first { OfficeValues.key($0.name) == same }?.id ?? r.legalEntities.first { OfficeValues.key($0.name) == same }?.id
            case .locality: r.localities.first { OfficeValues.key($0.name) == same && $0.parentID == parent }?.id
            case .source: r.fundingSources.first { OfficeValues.key($0.name) == same }?.id
            default: nil
            }
            if let existing { created[key] = existing; return (existing.uuidString, existing) }
            let id = UUID()
            switch kind {
            case .unit where OfficeValues.legalEntityKind(clean) != nil:
                let entity = LegalEntity(id: id, organisationID: org, name: clean, kind: OfficeValues.legalEntityKind(clean) ?? .other)
                r.legalEntities.append(entity); plan.newLegalEntities.append(entity)
            case .unit:
                let unit = OrgUnit(id: id, organisationID: org, code: OfficeValues.code(for: clean, taken: Set(r.units.map(\.code))), name: clean, kind: .department)
                r.units.append(unit); plan.newUnits.append(unit)
            case .locality:
                let place = Locality(id: id, organisationID: org, parentID: parent, name: clean, kind: localityKind)
                r.localities.append(place); plan.newLocalities.append(place)
            case .source:
                let taken = Set(r.fundingSources.map(\.code))
                let code = clean.count <= 12 && !taken.contains(clean) ? clean : OfficeValues.code(for: clean, taken: taken)
                let source = FundingSource(id: id, organisationID: org, code: code, name: clean, kind: .other)
                r.fundingSources.append(source); plan.newSources.append(source)
            default: return nil
            }
            created[key] = id
            return (target, id)
        }
        let defaultSource: UUID? = mapping.defaultSource.flatMap { text in
            record(.source, text)?.id ?? r.fundingSources.first { OfficeValues.key($0.code) == OfficeValues.key(text) || OfficeValues.key($0.name) == OfficeValues.key(text) }?.id
        }
        let defaultUnit: UUID? = mapping.defaultUnit.flatMap { text in r.units.first { OfficeValues.key($0.code) == OfficeValues.key(text) || OfficeValues.key($0.name) == OfficeValues.key(text) }?.id }
            ?? r.units.first { OfficeValues.key($0.name).contains("προγραμματισμ") }?.id ?? r.units.first?.id

        // The tree, filled down: a blank tree cell is the one above it.
        var last: [OfficeField: String] = [:]
        var fileTotals: [Int: Money] = [:]
        var newActions: [(objective: UUID, action: Action, unitless: (row: Int, column: Int?)?)] = []
        var placed: [String: UUID] = [:]
        for row in table.rows {
            var refusals: [ImportProblem] = []
            func refuse(_ c: Int?, _ message: String) { refusals.append(ImportProblem(row: row.number, column: c.map(name), message: message)) }
            func text(_ field: OfficeField) -> String? {
                guard let c = column(field) else { return nil }
                let value = row.cell(c).text.trimmed
                if field.fillsDown {
                    if value.isEmpty { return last[field] }
                    last[field] = value
                    // A new axis starts its measures and objectives afresh.
                    if field == .axis { last[.measure] = nil; last[.objective] = nil }
                    if field == .measure { last[.objective] = nil }
                }
                return value.isEmpty ? nil : value
            }
            let axisText = text(.axis), measureText = text(.measure), objectiveText = text(.objective)
            guard let titleText = text(.title) else {
                refuse(column(.title), "Ο τίτλος της δράσης λείπει· κάθε γραμμή του πίνακα είναι μία δράση με τίτλο.")
                plan.problems += refusals
                continue
            }
            var action = Action(title: "", responsibleUnitID: defaultUnit ?? UUID())
            do throws(FieldError) { action.title = try FieldRules.title(titleText) } catch { refuse(column(.title), error.description) }
            if let t = text(.description) {
                do throws(FieldError) { action.description = try FieldRules.description(t) } catch { refuse(column(.description), error.description) }
            }
            if let t = text(.preconditions) {
                do throws(FieldError) { action.preconditions = try FieldRules.preconditions(t) } catch { refuse(column(.preconditions), error.description) }
            }
            if let t = text(.budgetLines) {
                do throws(FieldError) { action.budgetLines = try FieldRules.budgetLines(t) } catch { refuse(column(.budgetLines), error.description) }
            }
            // Choices among lists.
            func list(_ field: OfficeField, _ kind: OfficeValueKind) -> String? {
                guard let t = text(field) else { return nil }
                guard let target = choice(kind, t) else {
                    refuse(column(field), "Η τιμή «\(t.prefix(80))» δεν αντιστοιχεί σε \(kind.greek.lowercased())· επιλέξτε τι σημαίνει στο βήμα των τιμών.")
                    return nil
                }
                return target
            }
            if let target = list(.kind, .kind) {
                if target.hasPrefix("nature:") { action.nature = Action.Nature(rawValue: String(target.dropFirst(7))) ?? action.nature }
                else { action.kind = Action.Kind(rawValue: target) ?? action.kind }
            }
            if let target = list(.nature, .nature), let v = Action.Nature(rawValue: target) { action.nature = v }
            if let target = list(.priority, .priority), let v = Int(target).flatMap(Action.Priority.init(rawValue:)) { action.priority = v }
            if let target = list(.maturity, .maturity), let v = Action.Maturity(rawValue: target) { action.maturity = v }
            // The responsible service, or a legal entity as the implementing body.
            var unitNamed = false
            for field in [OfficeField.unit, .implementingBody] {
                guard let t = text(field) else { continue }
                guard let id = record(.unit, t)?.id else {
                    refuse(column(field), "Η υπηρεσία «\(t.prefix(80))» δεν αντιστοιχεί σε υπηρεσία ή νομικό πρόσωπο του Δήμου· επιλέξτε στο βήμα των τιμών ή «νέα εγγραφή».")
                    continue
                }
                if r.legalEntities.contains(where: { $0.id == id }) { action.implementingBody = .legalEntity(id) }
                else if !unitNamed { action.responsibleUnitID = id; unitNamed = true }
            }
            // With no service named, the default one — known once every row is read, since
            // the file itself may bring the municipality's first services.
            let unitless: (row: Int, column: Int?)? = unitNamed ? nil : (row.number, column(.unit))
            // Places: a community under its municipal unit when both are given.
            var places: [UUID] = []
            var municipalUnit: UUID?
            for (field, kind) in [(OfficeField.municipalUnit, Locality.Kind.municipalUnit), (.community, .community), (.location, .settlement)] {
                guard let c = column(field) else { continue }
                for t in split(row.cell(c).text, .locality) {
                    guard let choice = record(.locality, t, parent: kind == .municipalUnit ? nil : municipalUnit, localityKind: kind), let id = choice.id else {
                        refuse(c, "Η περιοχή «\(t.prefix(80))» δεν αντιστοιχεί σε Δημοτική Ενότητα ή Κοινότητα· επιλέξτε στο βήμα των τιμών ή «νέα εγγραφή».")
                        continue
                    }
                    if kind == .municipalUnit { municipalUnit = id }
                    if !places.contains(id) { places.append(id) }
                }
            }
            action.localityIDs = places
            // Money: the year columns are the row's source's amounts.
            var source = defaultSource
            if let t = text(.source) {
                if let choice = record(.source, t), let id = choice.id { source = id }
                else { refuse(column(.source), "Η πηγή «\(t.prefix(80))» δεν αντιστοιχεί σε πηγή χρηματοδότησης· επιλέξτε στο βήμα των τιμών ή «νέα εγγραφή».") }
            }
            func amount(_ c: Int) -> Money? {
                let cell = row.cell(c)
                if let number = cell.number {
                    guard number.isFinite, abs(number) < 1e13 else { refuse(c, "Το ποσό είναι εκτός ορίων."); return nil }
                    let money = Money(cents: Int64((number * 100).rounded()))
                    do throws(FieldError) { return try FieldRules.amount(money, field: "amount", subject: "Το ποσό") } catch { refuse(c, error.description); return nil }
                }
                let t = cell.text.trimmed
                guard !t.isEmpty, t != "-", t != "–" else { return nil }
                do throws(FieldError) { return try FieldRules.amount(t, field: "amount", subject: "Το ποσό") } catch { refuse(c, error.description); return nil }
            }
            var years: [FundingLine] = []
            for (c, year) in yearColumns {
                guard let money = amount(c), !money.isZero else { continue }
                guard let source else {
                    refuse(c, "Δεν ορίστηκε πηγή χρηματοδότησης για τα ποσά των ετών· ορίστε στήλη πηγής ή προεπιλεγμένη πηγή.")
                    break
                }
                years.append(FundingLine(sourceID: source, year: year, amount: money))
            }
            action.fundingLines = years
            let sumOfYears = years.map(\.amount).sum()
            let total = column(.total).flatMap(amount)
            let cost = column(.cost).flatMap(amount)
            action.cost = cost ?? total ?? sumOfYears
            if let total, !yearColumns.isEmpty, total != sumOfYears {
                let difference = total - sumOfYears
                plan.findings.append(ImportProblem(row: row.number, column: column(.total).map(name),
                                                   message: "το σύνολο του αρχείου (\(total.formatted)) διαφέρει από το άθροισμα των ετών (\(sumOfYears.formatted)) κατά \(Money(cents: abs(difference.cents)).formatted)· ως χρηματοδότηση κρατήθηκαν τα ποσά των ετών\(cost == nil ? ", ως κόστος το σύνολο" : "")."))
            }
            if yearColumns.isEmpty, let money = cost ?? total, !money.isZero {
                if let source {
                    let year = original.years.contains(action.schedule?.start.year ?? 0) ? action.schedule!.start.year : original.startYear
                    action.fundingLines = [FundingLine(sourceID: source, year: year, amount: money)]
                }
            }
            // Schedule: start and end (dates, quarters or years), or a span of years.
            func quarter(_ c: Int, end: Bool) -> YearQuarter? {
                let cell = row.cell(c)
                if let date = cell.date { return date.quarter }
                let t = cell.text.trimmed
                guard !t.isEmpty else { return nil }
                if let date = CalendarDate(parsing: t) { return date.quarter }
                if let q = YearQuarter(parsing: t) { return q }
                if t.count == 4, let y = Int(t), (2000...2100).contains(y) { return YearQuarter(year: y, quarter: end ? 4 : 1) }
                if let number = cell.number, let date = XLSXReader.date(serial: number) { return date.quarter }
                refuse(c, "«\(t.prefix(30))» δεν είναι ημερομηνία, τρίμηνο ή έτος (π.χ. 31/03/2025, 2025-Q1, 2025).")
                return nil
            }
            var start = column(.start).flatMap { quarter($0, end: false) }
            var end = column(.end).flatMap { quarter($0, end: true) }
            if let c = column(.schedule), let t = text(.schedule) {
                let years = t.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.filter { (2000...2100).contains($0) }
                if let first = years.first, let lastYear = years.last {
                    start = start ?? YearQuarter(year: first, quarter: 1)
                    end = end ?? YearQuarter(year: lastYear, quarter: 4)
                } else { refuse(c, "«\(t.prefix(30))» δεν είναι χρονοδιάγραμμα ετών (π.χ. 2025–2027).") }
            }
            if let s = start, let e = end {
                if e < s { refuse(column(.end), "Η λήξη (\(e.greek)) είναι πριν από την έναρξη (\(s.greek)).") }
                else { action.schedule = Schedule(start: s, end: e) }
            } else if let s = start ?? end {
                action.schedule = Schedule(start: s, end: s)
            }
            if yearColumns.isEmpty, let s = action.schedule, let line = action.fundingLines.first, original.years.contains(s.start.year) {
                action.fundingLines = [FundingLine(sourceID: line.sourceID, year: s.start.year, amount: line.amount)]
            }
            guard refusals.isEmpty else { plan.problems += refusals; continue }
            // Where in the tree: matched by title (or code) or created in file order.
            // Rows of one objective repeat its path: placed once.
            let path = [axisText ?? "", measureText ?? "", objectiveText ?? ""].joined(separator: "\u{1F}")
            let objective: UUID
            if let known = placed[path] { objective = known } else {
                objective = place(&p, axis: axisText, measure: measureText, objective: objectiveText, newNodes: &plan.newNodes)
                placed[path] = objective
            }
            newActions.append((objective, action, unitless))
            for line in years { fileTotals[line.year, default: .zero] += line.amount }
        }
        let fallbackUnit = defaultUnit ?? plan.newUnits.first?.id
        for i in newActions.indices {
            guard let at = newActions[i].unitless else { continue }
            guard let unit = fallbackUnit else {
                plan.problems.append(ImportProblem(row: at.row, column: at.column.map(name),
                                                   message: "Η δράση χρειάζεται αρμόδια υπηρεσία και ο Δήμος δεν έχει ακόμη καμία· ορίστε στήλη υπηρεσίας ή προσθέστε υπηρεσίες στα στοιχεία του Δήμου."))
                continue
            }
            newActions[i].action.responsibleUnitID = unit
            if case .legalEntity(let id) = newActions[i].action.implementingBody {
                plan.findings.append(ImportProblem(row: at.row, column: at.column.map(name),
                                                   message: "υπεύθυνος φορέας το νομικό πρόσωπο «\(r.legalEntity(id)?.name ?? "")»· ως αρμόδια υπηρεσία του Δήμου ορίστηκε «\(r.unit(unit)?.name ?? "")»."))
            }
        }
        guard plan.problems.isEmpty else { plan.programme = original; plan.reference = original_r; return plan }
        for (objective, action, _) in newActions { p.editObjective(objective) { $0.actions.append(action) } }
        p.renumber()
        plan.programme = p
        plan.reference = r
        plan.createdRecords = created
        plan.created = newActions.count
        for line in newActions.flatMap(\.action.fundingLines) { plan.importedByYear[line.year, default: .zero] += line.amount }
        plan.fileTotalsByYear = fileTotalsRow(table, mapping: mapping, yearColumns: yearColumns)
        if plan.fileTotalsByYear == nil, !yearColumns.isEmpty, let row = table.totals.last {
            plan.findings.append(ImportProblem(row: row.number, column: nil, message: "η γραμμή συνόλων δεν έχει αριθμούς στις στήλες των ετών (τύποι χωρίς αποθηκευμένη τιμή)· τα σύνολα του αρχείου δεν συγκρίθηκαν με τα εισαγόμενα."))
        }
        if let totals = plan.fileTotalsByYear {
            for (year, money) in totals.sorted(by: { $0.key < $1.key }) where money != (plan.importedByYear[year] ?? .zero) {
                plan.findings.append(ImportProblem(row: nil, column: String(year), message: "το σύνολο του αρχείου για το \(year) είναι \(money.formatted) και τα εισαγόμενα ποσά \((plan.importedByYear[year] ?? .zero).formatted)."))
            }
        }
        return plan
    }

    /// The file's own totals per year: its «ΓΕΝΙΚΟ ΣΥΝΟΛΟ» row, or its only totals row.
    static func fileTotalsRow(_ table: OfficeTable, mapping: OfficeMapping, yearColumns: [(Int, Int)]) -> [Int: Money]? {
        guard !yearColumns.isEmpty, !table.skipped.isEmpty else { return nil }
        let skippedRows = Set(table.skipped.compactMap(\.row))
        let grand = table.totals.last { row in row.cells.contains { GreekText.searchKey($0.text).contains("γενικο συνολο") } }
        guard let row = grand ?? (table.totals.count == 1 ? table.totals[0] : nil), skippedRows.contains(row.number) else { return nil }
        var out: [Int: Money] = [:]
        for (c, year) in yearColumns {
            let cell = row.cell(c)
            let money = cell.number.map { Money(cents: Int64(($0 * 100).rounded())) } ?? Money(parsing: cell.text)
            if let money { out[year] = money }
        }
        return out.isEmpty ? nil : out
    }

    /// The objective a row's action goes under: each level matched by its title (accents and
    /// case aside) or its code, or created at the end of its parent; a level the file does not
    /// give is a general one, said once.
    static func place(_ p: inout Programme, axis: String?, measure: String?, objective: String?, newNodes: inout [String]) -> UUID {
        func split(_ text: String?) -> (code: String?, title: String)? {
            guard let text, !text.isEmpty else { return nil }
            var rest = Substring(text)
            for word in ["άξονας προτεραιότητας", "άξονας", "μέτρο", "ειδικός στόχος", "στόχος"] {
                if GreekText.searchKey(String(rest.prefix(word.count))) == GreekText.searchKey(word) { rest = rest.dropFirst(word.count); break }
            }
            rest = rest.drop { $0 == " " }
            let code = rest.prefix { $0.isNumber || $0 == "." }
            if !code.isEmpty, code.contains(where: \.isNumber) {
                let title = rest.dropFirst(code.count).drop { " :.-–—)".contains($0) }
                return (String(code).trimmingCharacters(in: CharacterSet(charactersIn: ".")), title.isEmpty ? text : String(title).trimmed)
            }
            return (nil, text.trimmed)
        }
        func matches(_ title: String, _ code: String, _ wanted: (code: String?, title: String)) -> Bool {
            GreekText.searchKey(title) == GreekText.searchKey(wanted.title) || (wanted.code != nil && wanted.title == wanted.code! && code == wanted.code)
        }
        let a = split(axis) ?? (nil, "Γενικός άξονας")
        let m = split(measure) ?? (nil, "Γενικό μέτρο: \(a.title)")
        let o = split(objective) ?? (nil, "Γενικός στόχος: \(m.title)")
        let axisID: UUID
        if let existing = p.axes.first(where: { matches($0.title, $0.code, a) }) { axisID = existing.id } else {
            let new = Axis(title: a.title)
            p.axes.append(new); p.renumber(); axisID = new.id
            newNodes.append("Άξονας: \(a.title)")
        }
        let axisIndex = p.axes.firstIndex { $0.id == axisID }!
        let measureID: UUID
        if let existing = p.axes[axisIndex].measures.first(where: { matches($0.title, $0.code, m) }) { measureID = existing.id } else {
            let new = Measure(title: m.title)
            p.axes[axisIndex].measures.append(new); p.renumber(); measureID = new.id
            newNodes.append("Μέτρο: \(m.title)")
        }
        let measure = p.measure(measureID)!
        if let existing = measure.objectives.first(where: { matches($0.title, $0.code, o) }) { return existing.id }
        let new = Objective(title: o.title)
        p.editMeasure(measureID) { $0.objectives.append(new) }
        p.renumber()
        newNodes.append("Στόχος: \(o.title)")
        return new.id
    }
}

/// The keys of a table's values, worked out once per distinct text: a table of thousands
/// of rows names the same few services, places and sources over and over.
struct OfficeValueKeys {
    private var cache: [String: String] = [:]

    mutating func key(_ kind: OfficeValueKind, _ text: String) -> String {
        if let words = cache[text] { return "\(kind.rawValue):\(words)" }
        let words = OfficeValues.key(text)
        cache[text] = words
        return "\(kind.rawValue):\(words)"
    }
}
