import Foundation
import OramaDomain
import OramaInterchange
import Plot

/// The wizard's steps after the file: the columns (each to an Orama field or «να αγνοηθεί»),
/// the values (each to a record, a list value or a new record), and the preview (the tree
/// with money per axis and year, the file's own totals beside, what the reference data
/// gains, findings and refusals), with the import button on the last.
struct OfficeImportPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var upload: OfficeImportStore.Upload
    var prepared: OfficeImportService.Prepared
    var step: OfficeImportController.Step
    var notice: String? = nil

    var p: Programme { loaded.programme }
    var table: OfficeTable { prepared.table }
    var mapping: OfficeMapping { prepared.mapping }
    var plan: OfficePlan { prepared.plan }

    func render() -> String {
        let c = context
        let title = c.t("Εισαγωγή πίνακα του γραφείου", "Import the office's table")
        let heading: String
        switch step {
        case .columns: heading = c.t("Βήμα 2 από 4: οι στήλες", "Step 2 of 4: the columns")
        case .values: heading = c.t("Βήμα 3 από 4: οι τιμές", "Step 3 of 4: the values")
        case .preview: heading = c.t("Βήμα 4 από 4: προεπισκόπηση και εισαγωγή", "Step 4 of 4: preview and import")
        }
        let body: Node<HTML.BodyContext>
        switch step {
        case .columns: body = columns()
        case .values: body = values()
        case .preview: body = preview()
        }
        return Layout(title: "\(heading) · \(title)", context: c,
                      breadcrumbs: Layout.trail(c, p) + [(c.t("Εισαγωγή", "Import"), SiteURL.importData(p.id).path)]).render(.group(
            .h1(.text(title)),
            steps(),
            .p(.text(c.t("Αρχείο «\(upload.fileName)»", "File “\(upload.fileName)”")),
               .unwrap(table.encoding) { .text(c.t(" · κωδικοποίηση \($0.greek)", " · encoding \($0.rawValue)")) },
               .unwrap(table.sheet) { .text(c.t(" · φύλλο «\($0)»", " · sheet “\($0)”")) },
               .text(c.t(" · επικεφαλίδα στη γραμμή \(table.headerRow) · \(GreekText.count(table.rows.count, "γραμμή δεδομένων", "γραμμές δεδομένων"))",
                         " · header on row \(table.headerRow) · \(table.rows.count) data rows"))),
            .unwrap(notice) { .div(.class("conflict"), .attribute(named: "role", value: "alert"), .p(.text($0))) },
            .h2(.text(heading)),
            body,
            .form(.method(.post), .action(SiteURL.officeImport(p.id, upload: nil, step: nil).path), .class("noprint"),
                  c.csrfField, hidden("upload", upload.id.uuidString), hidden("step", "cancel"),
                  .button(.type(.submit), .class("secondary"), .text(c.t("Ακύρωση της εισαγωγής", "Cancel the import"))))
        ))
    }

    func hidden(_ name: String, _ value: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name(name), .value(Escape.attribute(value)))
    }

    func steps() -> Node<HTML.BodyContext> {
        let c = context
        let names: [(OfficeImportController.Step?, String)] = [
            (nil, c.t("Αρχείο", "File")), (.columns, c.t("Στήλες", "Columns")), (.values, c.t("Τιμές", "Values")), (.preview, c.t("Προεπισκόπηση", "Preview")),
        ]
        return .nav(.ariaLabel(c.t("Βήματα της εισαγωγής", "Import steps")),
                    .ol(.class("steps"), .forEach(names) { target, name in
                        guard let target else { return .li(.a(.href(SiteURL.importData(p.id).path), .text(name))) }
                        if target == step { return .li(.attribute(named: "aria-current", value: "step"), .text(name)) }
                        return .li(.a(.href(SiteURL.officeImport(p.id, upload: upload.id, step: target.rawValue).path), .text(name)))
                    }))
    }

    // MARK: columns

    func fieldOptions(for column: OfficeTable.Column) -> [(String, String)] {
        var years = Array(p.startYear...p.endYear)
        if let y = column.year, !years.contains(y) { years.append(y) }
        return OfficeField.fixed.map { ($0.code, $0.greek) } + years.map { (OfficeField.year($0).code, OfficeField.year($0).greek) }
    }

    func columns() -> Node<HTML.BodyContext> {
        let c = context
        let samples = table.rows.prefix(3)
        return .form(.method(.post), .action(SiteURL.officeImport(p.id, upload: nil, step: nil).path),
            c.csrfField, hidden("upload", upload.id.uuidString), hidden("step", "columns"),
            .p(.text(c.t("Για κάθε στήλη του αρχείου, το πεδίο του Orama που περιέχει· προτείνεται από τις λέξεις της επικεφαλίδας. Μια στήλη έτους είναι το ποσό εκείνου του έτους για την πηγή χρηματοδότησης της γραμμής· μια στήλη «Σύνολο» ελέγχεται έναντι του αθροίσματος των ετών.",
                         "For each column of the file, the Orama field it holds, proposed from the header's words. A year column is that year's amount for the row's funding source; a total column is checked against the sum of the years."))),
            .if(table.sheets.count > 1, .group(
                FormField.select("sheet", c.t("Φύλλο του βιβλίου εργασίας", "Sheet of the workbook"), table.sheets.map { ($0, $0) }, selected: table.sheet ?? "",
                                 errors: FieldErrors(), hint: c.t("Με άλλο φύλλο, οι στήλες προτείνονται ξανά.", "With another sheet, the columns are proposed again.")))),
            Wide.region(c.t("Στήλες του αρχείου και πεδία του Orama", "The file's columns and Orama's fields"),
                 .table(.class("list"),
                        .caption(.text(c.t("Στήλες του αρχείου και πεδία του Orama", "The file's columns and Orama's fields"))),
                        .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(c.t("Στήλη του αρχείου", "Column of the file"))),
                                   .th(.attribute(named: "scope", value: "col"), .text(c.t("Πρώτες τιμές", "First values"))),
                                   .th(.attribute(named: "scope", value: "col"), .text(c.t("Πεδίο του Orama", "Orama field"))))),
                        .tbody(.forEach(Array(table.columns.enumerated())) { i, column in
                            let selected = mapping.field(i).code
                            return .tr(.th(.attribute(named: "scope", value: "row"), .text("\(column.letter). \(column.header.isEmpty ? c.t("(χωρίς επικεφαλίδα)", "(no header)") : column.header)")),
                                       .td(.class("hint"), .text(samples.map { String($0.cell(i).text.prefix(60)) }.filter { !$0.isEmpty }.joined(separator: " · "))),
                                       .td(.element(named: "select", nodes: [
                                           .attribute(named: "name", value: "field-\(i)"), .attribute(named: "id", value: "field-\(i)"),
                                           .attribute(named: "aria-label", value: Escape.attribute(c.t("Πεδίο για τη στήλη \(column.letter) «\(column.header)»", "Field for column \(column.letter)"))),
                                           .group(fieldOptions(for: column).map { value, text in
                                               .element(named: "option", nodes: [.attribute(named: "value", value: Escape.attribute(value), ignoreIfValueIsEmpty: false),
                                                                                 .if(value == selected, .attribute(named: "selected", value: "selected")), .text(text)])
                                           }),
                                       ])))
                        }))),
            FormField.text("defaultSource", c.t("Πηγή χρηματοδότησης για γραμμές χωρίς δική τους", "Funding source for rows without one"), mapping.defaultSource ?? "",
                           errors: FieldErrors(), hint: c.t("Όνομα ή κωδικός, π.χ. «Ίδιοι πόροι»· αν δεν υπάρχει, προστίθεται.", "A name or code; added if missing.")),
            .div(.class("actions"), .button(.type(.submit), .class("primary"), .text(c.t("Συνέχεια: οι τιμές", "Continue: the values"))))
        )
    }

    // MARK: values

    func values() -> Node<HTML.BodyContext> {
        let c = context
        let values = OfficeImport.values(table, mapping: mapping, reference: loaded.reference)
        let kinds = OfficeValueKind.allCases.filter { kind in values.contains { $0.kind == kind } }
        let indexed = Array(values.enumerated())
        return .form(.method(.post), .action(SiteURL.officeImport(p.id, upload: nil, step: nil).path),
            c.csrfField, hidden("upload", upload.id.uuidString), hidden("step", "values"),
            .p(.text(c.t("Οι τιμές του αρχείου που ονομάζουν υπηρεσίες, περιοχές, πηγές και τιμές λιστών, με την αντιστοίχιση που προτείνεται (τόνοι, κεφαλαία, γενική πτώση και προθέματα όπως «ΔΕ» δεν μετρούν). «Νέα εγγραφή» προσθέτει την τιμή στα στοιχεία του Δήμου με την εισαγωγή. Οι επιλογές σας θυμούνται για τον επόμενο πίνακα.",
                         "The file's values that name services, places, sources and list values, with the proposed match. «New record» adds the value to the reference data with the import. Your choices are remembered."))),
            .if(values.isEmpty, .p(.text(c.t("Καμία τιμή δεν χρειάζεται αντιστοίχιση.", "No value needs matching.")))),
            .forEach(kinds) { kind in
                let options = OfficeValues.options(kind, reference: loaded.reference)
                return Wide.region(kind.greek, .table(.class("list"),
                    .caption(.text(kind.greek)),
                    .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(c.t("Τιμή στο αρχείο", "Value in the file"))),
                               .th(.attribute(named: "scope", value: "col"), .class("num"), .text(c.t("Γραμμές", "Rows"))),
                               .th(.attribute(named: "scope", value: "col"), .text(c.t("Αντιστοιχεί σε", "Matches"))))),
                    .tbody(.forEach(indexed.filter { $0.element.kind == kind }) { i, value in valueRow(i, value, options: options) })))
            },
            .div(.class("actions"), .button(.type(.submit), .class("primary"), .text(c.t("Συνέχεια: προεπισκόπηση", "Continue: preview"))))
        )
    }

    func option(_ value: String, _ label: String, selected: Bool) -> Node<HTML.SelectContext> {
        .element(named: "option", nodes: [.attribute(named: "value", value: Escape.attribute(value), ignoreIfValueIsEmpty: false),
                                          .if(selected, .attribute(named: "selected", value: "selected")), .text(label)])
    }

    func valueRow(_ i: Int, _ value: OfficeValue, options: [(target: String, label: String)]) -> Node<HTML.TableContext> {
        let c = context
        let kind = value.kind
        let chosen = value.chosen ?? mapping.choice(value.kind, value.text) ?? ""
        let suggested: String? = value.suggestion.flatMap { s in options.first { $0.target == s }?.label }
        let none = kind.canCreate ? c.t("Καμία κοντινή εγγραφή· προτείνεται νέα.", "No close record; a new one is proposed.") : c.t("Καμία κοντινή τιμή· επιλέξτε.", "No close value; choose one.")
        let hint: String = suggested.map { c.t("Πρόταση: \($0)", "Suggested: \($0)") } ?? none
        let label = Escape.attribute(c.t("\(kind.greek) για «\(value.text)»", "\(kind.greek) for “\(value.text)”"))
        var choices: [Node<HTML.SelectContext>] = []
        if chosen.isEmpty { choices.append(option("", c.t("— επιλέξτε —", "— choose —"), selected: true)) }
        choices += options.map { option($0.target, $0.label, selected: $0.target == chosen) }
        let select: Node<HTML.BodyContext> = .element(named: "select", nodes: [
            .attribute(named: "name", value: "target-\(i)"), .attribute(named: "id", value: "target-\(i)"),
            .attribute(named: "aria-label", value: label), .group(choices),
        ])
        let key = OfficeValueChoice(kind: value.kind, text: value.text, target: "").key
        return .tr(.th(.attribute(named: "scope", value: "row"), .text(value.text), .input(.type(.hidden), .name("value-\(i)"), .value(Escape.attribute(key)))),
                   .td(.class("num"), .text(String(value.rows))),
                   .td(select, .p(.class("hint"), .text(hint))))
    }

    // MARK: preview

    func money(_ m: Money?) -> Node<HTML.TableRowContext> { .td(.class("num"), .text((m ?? .zero).formatted)) }

    func header(_ text: String, numeric: Bool = false) -> Node<HTML.TableRowContext> {
        .th(.attribute(named: "scope", value: "col"), .class(numeric ? "num" : ""), .text(text))
    }

    func axisRow(_ axis: OfficePlan.AxisSummary, years: [Int]) -> Node<HTML.TableContext> {
        let cells: [Node<HTML.TableRowContext>] = [
            .th(.attribute(named: "scope", value: "row"), .text("\(axis.code). \(axis.title)")),
            .td(.class("num"), .text(String(axis.measures))), .td(.class("num"), .text(String(axis.objectives))), .td(.class("num"), .text(String(axis.actions))),
        ] + years.map { money(axis.byYear[$0]) } + [money(axis.total)]
        return .tr(.group(cells))
    }

    func totalsRows(years: [Int], total: Money) -> Node<HTML.TableContext> {
        let c = context
        let imported: [Node<HTML.TableRowContext>] = [
            .th(.attribute(named: "scope", value: "row"), .text(c.t("Σύνολο εισαγωγής", "Imported total"))), .td(), .td(),
            .td(.class("num"), .text(String(plan.created))),
        ] + years.map { money(plan.importedByYear[$0]) } + [money(total)]
        var rows: [Node<HTML.TableContext>] = [.tr(.group(imported))]
        if let totals = plan.fileTotalsByYear {
            let file: [Node<HTML.TableRowContext>] = [
                .th(.attribute(named: "scope", value: "row"), .text(c.t("Σύνολα του αρχείου", "The file's totals"))), .td(), .td(), .td(),
            ] + years.map { y in totals[y].map { money($0) } ?? .td() } + [money(totals.values.reduce(Money.zero, +))]
            rows.append(.tr(.group(file)))
        }
        return .group(rows)
    }

    func axesTable(years: [Int], total: Money) -> Node<HTML.BodyContext> {
        let c = context
        let heads: [Node<HTML.TableRowContext>] = [header(c.t("Άξονας", "Axis")), header(c.t("Μέτρα", "Measures"), numeric: true),
                                                   header(c.t("Στόχοι", "Objectives"), numeric: true), header(c.t("Δράσεις", "Actions"), numeric: true)]
            + years.map { header(String($0), numeric: true) } + [header(c.t("Σύνολο", "Total"), numeric: true)]
        let caption = c.t("Το δέντρο που προκύπτει, με τα ποσά ανά άξονα και έτος", "The resulting tree, with amounts per axis and year")
        return Wide.region(caption, .table(.class("list"),
            .caption(.text(caption)),
            .thead(.tr(.group(heads))),
            .tbody(.forEach(plan.axes) { axisRow($0, years: years) }),
            .tfoot(totalsRows(years: years, total: total))))
    }

    func preview() -> Node<HTML.BodyContext> {
        let c = context
        guard plan.isAccepted else {
            return .div(.class("error-summary"), .attribute(named: "role", value: "alert"), .id("import-problems"),
                        .p(.text(c.t("Ο πίνακας δεν μπορεί να εισαχθεί ως έχει· δεν άλλαξε τίποτα. Διορθώστε τα εξής (\(plan.problems.count)) στο αρχείο ή στα βήματα «Στήλες» και «Τιμές»:",
                                     "The table cannot be imported as it is; nothing changed. Fix the following (\(plan.problems.count)) in the file or in the steps “Columns” and “Values”:"))),
                        .ul(.forEach(plan.problems.prefix(200)) { .li(.text($0.description)) }),
                        .if(plan.problems.count > 200, .p(.text(c.t("… και άλλα \(plan.problems.count - 200).", "… and \(plan.problems.count - 200) more.")))))
        }
        let years = Array(p.startYear...p.endYear)
        let total = plan.importedByYear.values.reduce(Money.zero, +)
        return .section(.id("import-preview"),
            .p(.text(c.t("Θα εισαχθούν \(GreekText.count(plan.created, "δράση", "δράσεις")) σε \(GreekText.count(plan.axes.count, "άξονα", "άξονες")), συνολικά \(total.formatted). Δεν έχει αποθηκευτεί τίποτα ακόμη.",
                         "\(plan.created) actions in \(plan.axes.count) axes will be imported, \(total.formatted) in all. Nothing has been saved yet."))),
            axesTable(years: years, total: total),
            .if(plan.newRecordCount > 0, .group(
                .h3(.text(c.t("Νέες εγγραφές στα στοιχεία του Δήμου (\(plan.newRecordCount))", "New reference records (\(plan.newRecordCount))"))),
                .ul(.id("new-records"),
                    .forEach(plan.newUnits) { .li(.text(c.t("Υπηρεσία: \($0.name) (\($0.code))", "Service: \($0.name) (\($0.code))"))) },
                    .forEach(plan.newLegalEntities) { .li(.text(c.t("Νομικό πρόσωπο (\($0.kind.greek)): \($0.name)", "Legal entity: \($0.name)"))) },
                    .forEach(plan.newLocalities) { .li(.text("\($0.kind.greek): \($0.name)")) },
                    .forEach(plan.newSources) { .li(.text(c.t("Πηγή χρηματοδότησης: \($0.name)", "Funding source: \($0.name)"))) }))),
            .if(!plan.newNodes.isEmpty, .p(.text(c.t("Νέοι άξονες, μέτρα και στόχοι: \(plan.newNodes.count).", "New axes, measures and objectives: \(plan.newNodes.count).")))),
            .if(!plan.skipped.isEmpty || !plan.findings.isEmpty, .group(
                .h3(.text(c.t("Παρατηρήσεις", "Findings"))),
                .ul(.id("import-findings"), .forEach(plan.skipped + plan.findings) { .li(.class("warning"), .text($0.description)) }))),
            .form(.method(.post), .action(SiteURL.officeImport(p.id, upload: nil, step: nil).path),
                  c.csrfField, hidden("upload", upload.id.uuidString), hidden("step", "import"), hidden("counter", String(p.changeCounter)),
                  .p(.class("hint"), .text(c.t("Η εισαγωγή γίνεται όλη μαζί ή καθόλου και καταγράφεται στο ιστορικό. Η αντιστοίχιση αποθηκεύεται· ο επόμενος πίνακας με τις ίδιες στήλες δεν θα ρωτήσει τίποτα.",
                                               "The import is all or nothing and recorded in the history. The mapping is saved; the next table with the same columns asks nothing."))),
                  .div(.class("actions"), .button(.type(.submit), .class("primary"), .text(c.t("Εισαγωγή", "Import")))))
        )
    }
}
