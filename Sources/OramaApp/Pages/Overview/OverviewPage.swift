import Foundation
import OramaDomain
import Plot

/// The municipalities of a Region (or of the country) side by side: the stage of each one's
/// programme, its progress and spending against plan, the ones that lag and why, money by
/// axis and by funding source and year, and indicators that several use under the same code. Each name
/// leads to the municipality's public pages.
struct OverviewPage {
    var context: PageContext
    var overview: Overview
    /// The Regions this user may choose among (empty for an analyst of one Region).
    var regions: [String]

    func render() -> String {
        let c = context
        let o = overview
        let scope = o.region.map { c.t("Περιφέρεια \($0)", "Region: \($0)") } ?? c.t("Όλη η χώρα", "The whole country")
        let title = c.t("Επισκόπηση δήμων", "Municipalities overview") + " · " + scope
        return Layout(title: title, context: c).render(.group(
            .h1(.text(title)),
            .if(!regions.isEmpty, .form(.method(.get), .action(SiteURL.overview(region: nil).path), .class("views noprint"),
                FormField.select("region", c.t("Περιφέρεια", "Region"), [("", c.t("Όλη η χώρα", "The whole country"))] + regions.map { ($0, $0) },
                                 selected: o.region ?? "", errors: FieldErrors()),
                FormField.submit(c.t("Προβολή", "Show")))),
            .p(.text(c.t("Μόνο τα δημόσια προγράμματα (δημοσιευμένα ή σε διαβούλευση)· ποσά σε ευρώ, προγραμματισμός έως το \(o.year).",
                         "Public programmes only (published or in consultation); amounts in euros, planned up to \(o.year)."))),
            .section(.class("cards"),
                .div(.class("card"), .h2(.text(c.t("Δήμοι", "Municipalities"))),
                     .p(.text(c.t("\(o.municipalities.count) δήμοι· \(o.withProgramme.count) με δημόσιο πρόγραμμα", "\(o.municipalities.count) municipalities; \(o.withProgramme.count) with a public programme")))),
                .div(.class("card"), .h2(.text(c.t("Δαπάνη έναντι προγραμματισμού", "Spending against plan"))),
                     .p(.text(c.t("Προγραμματισμένα: \(o.withProgramme.map(\.plannedToDate).sum().formatted)", "Planned: \(o.withProgramme.map(\.plannedToDate).sum().formatted)"))),
                     .p(.text(c.t("Δαπάνη: \(o.withProgramme.map(\.spent).sum().formatted)", "Spent: \(o.withProgramme.map(\.spent).sum().formatted)")))),
                .div(.class("card"), .h2(.text(c.t("Υστερούν", "Lagging"))),
                     .p(.text(c.t("\(o.lagging.count) δήμοι", "\(o.lagging.count) municipalities"))))),
            .h2(.text(c.t("Ανά δήμο", "By municipality"))),
            Wide.region(c.t("Πίνακας δήμων", "Table of municipalities"), .table(.class("list money"),
                .caption(.text(c.t("Στάδιο, πρόοδος και δαπάνη ανά δήμο", "Stage, progress and spending by municipality"))),
                .thead(.tr(.th(.text(c.t("Δήμος", "Municipality"))), .th(.text(c.t("Περιφερειακή Ενότητα", "Regional unit"))),
                           .th(.text(c.t("Πρόγραμμα", "Programme"))), .th(.class("num"), .text(c.t("Δράσεις", "Actions"))),
                           .th(.class("num"), .text(c.t("Πρόοδος", "Progress"))), .th(.class("num"), .text(c.t("Προγραμματισμός έως \(o.year)", "Planned to \(o.year)"))),
                           .th(.class("num"), .text(c.t("Δαπάνη", "Spent"))), .th(.class("num"), .text(c.t("Απορρόφηση", "Absorption"))),
                           .th(.class("num"), .text(c.t("Σε καθυστέρηση", "Delayed"))), .th(.class("num"), .text(c.t("Χωρίς αναφορά", "Unreported"))))),
                .tbody(.forEach(o.municipalities) { m in
                    .tr(.th(.attribute(named: "scope", value: "row"),
                            m.programmeID.map { .a(.href(SiteURL.programme($0).path), .text(m.name)) } ?? .text(m.name)),
                        .td(.text(m.regionalUnit)),
                        .td(.text(m.status.map { $0.label(c.language) } ?? c.t("— χωρίς δημόσιο πρόγραμμα", "— no public programme"))),
                        .td(.class("num"), .text(String(m.actions))),
                        .td(.class("num"), .text(Format.percent(m.meanProgress))),
                        .td(.class("num"), .text(m.plannedToDate.formattedNumber)),
                        .td(.class("num"), .text(m.spent.formattedNumber)),
                        .td(.class("num"), .text(Format.percent(m.absorption))),
                        .td(.class("num"), .text(String(m.delayed))),
                        .td(.class("num"), .text(String(m.unreported))))
                }))),
            .h2(.text(c.t("Δήμοι που υστερούν", "Municipalities that lag"))),
            o.lagging.isEmpty ? .p(.text(c.t("Κανένας.", "None."))) : .ul(.forEach(o.lagging) { m in
                .li(.a(.href(SiteURL.programme(m.programmeID ?? m.organisationID).path), .text(m.name)), .text(": " + m.lagReasons.joined(separator: "· ")))
            }),
            .h2(.text(c.t("Χρηματοδότηση ανά άξονα", "Funding by axis"))),
            .p(.class("hint"), .text(c.t("Οι άξονες αθροίζονται όπου ο τίτλος τους είναι ίδιος· δαπάνη: η τελευταία αναφορά κάθε δράσης.",
                                          "Axes are summed where their title is the same; spent: each action's latest report."))),
            Wide.region(c.t("Πίνακας χρηματοδότησης ανά άξονα", "Funding by axis table"), .table(.class("list money"),
                .caption(.text(c.t("Προγραμματισμός και δαπάνη ανά άξονα (€)", "Planned and spent by axis (€)"))),
                .thead(.tr(.th(.text(c.t("Άξονας", "Axis"))), .th(.class("num"), .text(c.t("Δήμοι", "Municipalities"))),
                           .th(.class("num"), .text(c.t("Δράσεις", "Actions"))), .th(.class("num"), .text(c.t("Προγραμματισμός", "Planned"))),
                           .th(.class("num"), .text(c.t("Δαπάνη", "Spent"))), .th(.class("num"), .text(c.t("Απορρόφηση", "Absorption"))))),
                .tbody(.forEach(o.axes) { a in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text(a.axis)),
                        .td(.class("num"), .text(String(a.municipalities))), .td(.class("num"), .text(String(a.actions))),
                        .td(.class("num"), .text(a.planned.formattedNumber)), .td(.class("num"), .text(a.spent.formattedNumber)),
                        .td(.class("num"), .text(Format.percent(a.absorption))))
                }))),
            .h2(.text(c.t("Χρηματοδότηση ανά πηγή και έτος", "Funding by source and year"))),
            Wide.region(c.t("Πίνακας χρηματοδότησης", "Funding table"), .table(.class("money"),
                .caption(.text(c.t("Άθροισμα των προγραμμάτων (€)", "Sum of the programmes (€)"))),
                .thead(.tr(.th(.text(c.t("Πηγή", "Source"))), .forEach(o.years) { .th(.class("num"), .text(String($0))) }, .th(.class("num"), .text("ΣΥΝΟΛΟ")))),
                .tbody(.forEach(o.sources) { source in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text(source)),
                        .forEach(o.years) { .td(.class("num"), .text(o.amount(source: source, year: $0).formattedNumber)) },
                        .td(.class("num"), .strong(.text(o.funding.filter { $0.source == source }.map(\.amount).sum().formattedNumber))))
                }))),
            .h2(.text(c.t("Κοινοί δείκτες", "Shared indicators"))),
            .p(.class("hint"), .text(c.t("Δείκτες με τον ίδιο κωδικό σε δύο ή περισσότερους δήμους: η τελευταία τιμή κάθε δήμου και ο στόχος του τελευταίου έτους.",
                                          "Indicators under the same code in two or more municipalities: each one's latest value and last year's target."))),
            o.sharedIndicators.isEmpty ? .p(.text(c.t("Κανένας κοινός κωδικός.", "No shared code."))) :
            Wide.region(c.t("Πίνακας κοινών δεικτών", "Shared indicators table"), .table(.class("list"),
                .thead(.tr(.th(.text(c.t("Κωδ.", "Code"))), .th(.text(c.t("Δείκτης", "Indicator"))), .th(.text(c.t("Δήμος", "Municipality"))),
                           .th(.text(c.t("Περίοδος", "Period"))), .th(.class("num"), .text(c.t("Τιμή", "Value"))), .th(.class("num"), .text(c.t("Στόχος", "Target"))))),
                .tbody(.forEach(o.sharedIndicators) { i in
                    .tr(.td(.text(i.code)), .td(.text("\(i.name) (\(i.unit))")), .td(.text(i.municipality)), .td(.text(i.period ?? "—")),
                        .td(.class("num"), .text(i.value.map { GreekNumber.format($0) } ?? "—")),
                        .td(.class("num"), .text(i.target.map { GreekNumber.format($0) } ?? "—")))
                })))
        ))
    }
}
