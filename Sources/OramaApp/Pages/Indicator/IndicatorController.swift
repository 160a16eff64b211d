import Foundation
import OramaDomain
import Plot
import Vapor

enum IndicatorController {

    static func form(from i: Indicator, base: String?) -> IndicatorForm {
        let attach: String
        switch i.attachment {
        case .measure(let id): attach = "measure:" + id.uuidString
        case .objective(let id): attach = "objective:" + id.uuidString
        }
        return IndicatorForm(code: i.code, name: i.name, kind: i.kind.rawValue, unit: i.unit, direction: i.direction.rawValue,
                             baseline: Format.input(i.baseline), baselineYear: i.baselineYear.map(String.init) ?? "",
                             target: Dictionary(uniqueKeysWithValues: i.targets.map { (String($0.key), Format.input($0.value)) }),
                             dataSource: i.dataSource, frequency: i.frequency.rawValue, responsibleUnit: i.responsibleUnitID?.uuidString ?? "",
                             attachTo: attach, action: i.actionID?.uuidString ?? "", base: base)
    }

    static func validate(_ f: IndicatorForm, id: UUID, existing: Indicator?, in loaded: LoadedProgramme, access: Access, _ l: Language) -> (Indicator?, FieldErrors) {
        var e = FieldErrors()
        let p = loaded.programme
        let code = e.check(l) { () throws(FieldError) in try FieldRules.required(f.code ?? "", field: "code", subject: ("Ο κωδικός δείκτη", "The indicator code"), limit: 40) }
        if let code, p.indicators.contains(where: { $0.id != id && GreekText.searchKey($0.code) == GreekText.searchKey(code) }) {
            e.add("code", l.t("Ο κωδικός «\(code)» χρησιμοποιείται ήδη από άλλον δείκτη.", "The code “\(code)” is already used by another indicator."))
        }
        let name = e.check(l) { () throws(FieldError) in try FieldRules.required(f.name ?? "", field: "name", subject: ("Το όνομα του δείκτη", "The indicator's name")) }
        let kind = e.check(l) { () throws(FieldError) in try FieldRules.indicatorKind(f.kind ?? "") }
        let unit = e.check(l) { () throws(FieldError) in try FieldRules.required(f.unit ?? "", field: "unit", subject: ("Η μονάδα μέτρησης", "The unit of measurement"), limit: 60) }
        let direction = e.check(l) { () throws(FieldError) in try FieldRules.direction(f.direction ?? "") }
        var baseline: Double?
        if let text = f.baseline, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            baseline = e.check(l) { () throws(FieldError) in
                let value = try FieldRules.value(text, field: "baseline", subject: "Η τιμή βάσης", english: "The baseline")
                return try unit.map { unit throws(FieldError) in try FieldRules.fits(value, unit: unit, field: "baseline", subject: "Η τιμή βάσης", english: "The baseline") } ?? value
            }
        }
        var baselineYear: Int?
        if let text = f.baselineYear, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            baselineYear = e.check(l) { () throws(FieldError) in try FieldRules.baselineYear(text, upTo: p.endYear) }
        }
        var targets: [Int: Double] = [:]
        for year in p.years {
            let text = (f.target?[String(year)] ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            targets[year] = e.check(l, as: "target[\(year)]") { () throws(FieldError) in
                let value = try FieldRules.value(text, field: "target", subject: "Ο στόχος του \(year)", english: "The \(year) target")
                return try unit.map { unit throws(FieldError) in try FieldRules.fits(value, unit: unit, field: "target", subject: "Ο στόχος του \(year)", english: "The \(year) target") } ?? value
            }
        }
        let frequency = e.check(l) { () throws(FieldError) in try FieldRules.frequency(f.frequency ?? "") }
        let responsible = UUID(uuidString: f.responsibleUnit ?? "").flatMap { loaded.reference.unit($0) }?.id
        if responsible == nil { e.add("responsibleUnit", l.t("Επιλέξτε την υπεύθυνη υπηρεσία.", "Choose the responsible unit.")) }
        if let responsible, !access.mayAssign(unit: responsible) {
            e.add("responsibleUnit", l.t("Ως προϊστάμενος μπορείτε να ορίσετε μόνο δική σας υπηρεσία.", "As head of service you can only choose your own unit."))
        }
        var attachment: Indicator.Attachment?
        let parts = (f.attachTo ?? "").split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 2, let target = UUID(uuidString: parts[1]) {
            if parts[0] == "measure", p.measure(target) != nil { attachment = .measure(target) }
            if parts[0] == "objective", p.objective(target) != nil { attachment = .objective(target) }
        }
        if attachment == nil { e.add("attachTo", l.t("Επιλέξτε το μέτρο ή τον στόχο που παρακολουθεί ο δείκτης.", "Choose the measure or objective the indicator monitors.")) }
        let action = UUID(uuidString: f.action ?? "").flatMap { p.action($0) }?.id
        guard e.isEmpty, let code, let name, let kind, let unit, let direction, let frequency, let attachment else { return (nil, e) }
        return (Indicator(id: id, code: code, name: name, kind: kind, unit: unit, direction: direction, baseline: baseline, baselineYear: baselineYear,
                          targets: targets, dataSource: (f.dataSource ?? "").trimmingCharacters(in: .whitespaces), frequency: frequency,
                          responsibleUnitID: responsible, attachment: attachment, actionID: action, measurements: existing?.measurements ?? []), e)
    }

    /// The indicator without its measurements: what the form edits.
    struct Definition: Encodable {
        var indicator: Indicator
        func encode(to encoder: Encoder) throws {
            var copy = indicator
            copy.measurements = []
            try copy.encode(to: encoder)
        }
    }

    static func describe(_ i: Indicator, _ loaded: LoadedProgramme) -> [(String, String)] {
        [("Κωδικός", i.code), ("Όνομα", i.name), ("Κατηγορία", i.kind.greek), ("Μονάδα", i.unit), ("Κατεύθυνση", i.direction.greek),
         ("Τιμή βάσης", i.baseline.map(Format.number) ?? "—"), ("Έτος βάσης", i.baselineYear.map(String.init) ?? "—"),
         ("Στόχοι", i.targets.keys.sorted().map { "\($0): \(Format.number(i.targets[$0]!))" }.joined(separator: "; ")),
         ("Πηγή", i.dataSource), ("Συχνότητα", i.frequency.greek), ("Υπηρεσία", loaded.reference.unit(i.responsibleUnitID)?.name ?? "—"),
         ("Ενταγμένος σε", loaded.programme.attachmentCode(i.attachment))]
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let form = IndicatorForm(code: "Δ\(loaded.programme.indicators.count + 1)", kind: Indicator.Kind.output.rawValue, direction: Indicator.Direction.higherIsBetter.rawValue,
                                 frequency: Indicator.Frequency.annual.rawValue, attachTo: req.query[String.self, at: "attach"])
        return Respond.html(IndicatorFormPage(context: PageContext(req), loaded: loaded, indicatorID: nil, form: form, errors: FieldErrors(), conflict: nil).render())
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        try req.access.require(req.access.canEditPlan(loaded.summary), req.language)
        let form = try req.content.decode(IndicatorForm.self)
        let (indicator, errors) = validate(form, id: UUID(), existing: nil, in: loaded, access: req.access, req.language)
        guard let indicator else {
            return Respond.html(IndicatorFormPage(context: PageContext(req), loaded: loaded, indicatorID: nil, form: form, errors: errors, conflict: nil).render(), status: .unprocessableEntity)
        }
        guard case .saved = try await ProgrammeContext.commit(req, loaded, base: nil, current: nil, { $0.indicators.append(indicator) }) else { throw UserFacingError.conflict(req.language) }
        return Respond.redirect(req, to: SiteURL.programme(loaded.id).path, flash: req.language.t("Ο δείκτης \(indicator.code) δημιουργήθηκε.", "Indicator \(indicator.code) was created."))
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let indicator = try loaded.indicator(req)
        try req.access.require(req.access.canEdit(indicator, in: loaded.summary), req.language)
        return Respond.html(IndicatorFormPage(context: PageContext(req), loaded: loaded, indicatorID: indicator.id,
                                                form: form(from: indicator, base: Fingerprint.of(Definition(indicator: indicator))), errors: FieldErrors(), conflict: nil).render())
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let loaded = try await ProgrammeContext.load(req)
        let current = try loaded.indicator(req)
        try req.access.require(req.access.canEdit(current, in: loaded.summary), req.language)
        var form = try req.content.decode(IndicatorForm.self)
        if !req.access.canEditPlan(loaded.summary) {
            // A unit head reports on the indicator; where it sits in the plan is the planner's.
            let fixed = Self.form(from: current, base: nil)
            form.code = fixed.code
            form.attachTo = fixed.attachTo
            form.action = fixed.action
        }
        let (edited, errors) = validate(form, id: current.id, existing: current, in: loaded, access: req.access, req.language)
        guard let edited else {
            return Respond.html(IndicatorFormPage(context: PageContext(req), loaded: loaded, indicatorID: current.id, form: form, errors: errors, conflict: nil).render(), status: .unprocessableEntity)
        }
        let outcome = try await ProgrammeContext.commit(req, loaded, base: form.base, current: Fingerprint.of(Definition(indicator: current))) { p in
            if let i = p.indicators.firstIndex(where: { $0.id == current.id }) { p.indicators[i] = edited }
        }
        switch outcome {
        case .saved:
            return Respond.redirect(req, to: SiteURL.programme(loaded.id).path, flash: req.language.t("Ο δείκτης \(edited.code) αποθηκεύτηκε.", "Indicator \(edited.code) was saved."))
        case .conflict:
            form.base = Fingerprint.of(Definition(indicator: current))
            return Respond.html(IndicatorFormPage(context: PageContext(req), loaded: loaded, indicatorID: current.id, form: form, errors: FieldErrors(),
                                                    conflict: ConflictNotice.diff(describe(current, loaded), describe(edited, loaded))).render(), status: .conflict)
        }
    }
}
