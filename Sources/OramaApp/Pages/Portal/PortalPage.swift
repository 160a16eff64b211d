import Foundation
import OramaDomain
import Plot

/// A municipality's programme for its citizens: what it is, where it stands (the steps and
/// decisions), progress in words with the reasons for delays, the consultation open now, and
/// every municipal unit and community with what is planned there.
struct PortalPage {
    var context: PageContext
    var loaded: LoadedProgramme
    var steps: [StepRecord]
    var decisions: [Decision]
    var consultation: (ProgrammeSummary, Consultation)?

    func render() -> String {
        let c = context
        let p = loaded.programme
        let r = loaded.reference
        let latest = loaded.derived("latest-progress") { p.latestProgressByAction() }
        let words = ProgressInWords(p.actions, latest: latest)
        let title = c.t("\(r.organisation.name): το Επιχειρησιακό Πρόγραμμα", "\(r.organisation.name): the operational programme")
        return Layout(title: title, context: c, breadcrumbs: [(c.t("Προγράμματα", "Programmes"), SiteURL.home.path)]).render(.group(
            .h1(.text(title)),
            .p(.class("lead"), .text(c.t("Το Επιχειρησιακό Πρόγραμμα είναι το πενταετές σχέδιο του Δήμου: τι θέλει να πετύχει (άξονες, μέτρα, στόχοι), με ποιες δράσεις, με ποια χρήματα και πότε. Το εγκρίνει το Δημοτικό Συμβούλιο, μετά από δημόσια διαβούλευση, και κάθε χρόνο ο Δήμος λογοδοτεί για την πρόοδό του.",
                                         "The operational programme is the municipality's five-year plan: what it wants to achieve, through which actions, with what money and when. The council approves it after a public consultation, and every year the municipality reports on its progress."))),
            .unwrap(consultation) { open in
                .div(.class("notice"), .attribute(named: "role", value: "note"),
                     .p(.strong(.text(c.t("Δημόσια διαβούλευση ανοιχτή έως τις \(open.1.end): ", "Public consultation open until \(open.1.end): "))),
                        .a(.href(SiteURL.consultation(open.0.id, part: nil).path),
                           .text(c.t("διαβάστε και σχολιάστε το «\(open.0.title)»", "read and comment on «\(open.0.title)»")))))
            },
            .dl(.class("facts"),
                .dt(.text(c.t("Πρόγραμμα", "Programme"))), .dd(.a(.href(SiteURL.programme(p.id).path), .text(p.title))),
                .dt(.text(c.t("Περίοδος", "Period"))), .dd(.text("\(p.startYear)–\(p.endYear)")),
                .dt(.text(c.t("Κατάσταση", "Status"))), .dd(.text("\(p.status.label(c.language)) · \(c.t("έκδοση", "version")) \(p.version)"))),
            .unwrap(p.strategicPlan.vision.isEmpty ? nil : p.strategicPlan.vision) { .section(.h2(.text(c.t("Το όραμα", "The vision"))), .p(.text($0))) },
            .h2(.text(c.t("Πού βρίσκεται", "Where it stands"))),
            steps.isEmpty ? .p(.text(c.t("Δεν έχει καταχωριστεί ακόμη κανένα βήμα έγκρισης.", "No approval step has been recorded yet."))) :
                .ol(.class("path"), .forEach(steps) { s in
                    .li(.class("done"), .h3(.text(s.step.label(c.language))), .p(.text(s.date.description)),
                        .unwrap(s.decisionID.flatMap { id in decisions.first { $0.id == id } }) { d in
                            .p(.text("\(d.body.label(c.language)), \(c.t("απόφαση", "decision")) \(d.number)"),
                               .unwrap(d.ada) { ada in .group(.text(" · ΑΔΑ "), .a(.href(ada.diavgeiaURL), .attribute(named: "rel", value: "noopener"), .text(ada.code))) })
                        })
                }),
            .p(.a(.href(SiteURL.approvalPath(p.id).path), .text(c.t("Όλη η πορεία και οι αποφάσεις", "The whole path and its decisions")))),
            .h2(.text(c.t("Η πρόοδος", "Progress"))),
            .p(.text(c.t(words.greek, words.english))),
            .if(!words.delays.isEmpty, .group(
                .h3(.text(c.t("Γιατί καθυστερούν", "Why they are late"))),
                .ul(.forEach(words.delays) { d in
                    .li(.a(.href(SiteURL.action(p.id, p.actions.first { $0.code == d.code }?.id ?? UUID()).path), .text("\(d.code) \(d.title)")),
                        .text(" — \(d.status.label(c.language)): "),
                        .text(d.reason.isEmpty ? c.t("η υπηρεσία δεν έχει γράψει την αιτία", "the service has not given the reason") : d.reason))
                }))),
            .h2(.text(c.t("Τι σχεδιάζεται στον τόπο μου", "What is planned where I live"))),
            map(),
            .ul(.class("places"), .forEach(r.localities.filter { $0.kind == .municipalUnit }) { unit in
                .li(.a(.href(SiteURL.portalPlace(r.organisation.id, unit.id).path), .text(unit.heading(c.language))),
                    .ul(.forEach(r.localities.filter { $0.parentID == unit.id }) { community in
                        .li(.a(.href(SiteURL.portalPlace(r.organisation.id, community.id).path), .text(community.heading(c.language))))
                    }))
            }),
            .h2(.text(c.t("Παρακολουθήστε", "Follow it"))),
            .ul(.li(.a(.href(SiteURL.feed(p.id).path), .text(c.t("Ροή Atom με τις αποφάσεις και την πρόοδο", "Atom feed of decisions and progress")))),
                .li(.a(.href(SiteURL.dashboard(p.id).path), .text(c.t("Πίνακας παρακολούθησης", "Dashboard")))),
                .li(.a(.href(SiteURL.documents(p.id).path), .text(c.t("Τα έγγραφα σε Word, Excel και ανοιχτά δεδομένα", "The documents in Word, Excel and open data")))))
        ))
    }

    /// The localities with coordinates on a map, each a link to its page; a line says how many
    /// are not on it yet, so that a missing village is not read as one without plans.
    private func map() -> Node<HTML.BodyContext> {
        let c = context
        let p = loaded.programme
        let r = loaded.reference
        let located = r.localities.filter { $0.location != nil }
        guard !located.isEmpty else { return .empty }
        var counts: [UUID: Int] = [:]
        for l in located { counts[l.id] = p.planned(in: l, localities: r.localities).here.count }
        let title = c.t("Χάρτης των Δημοτικών Ενοτήτων και Κοινοτήτων του \(r.organisation.name)", "Map of the municipal units and communities of \(r.organisation.name)")
        let svg = Charts.responsive { layout in
            Charts.placeMap(r.localities, actions: counts, link: { SiteURL.portalPlace(r.organisation.id, $0.id).path }, title: title, language: c.language, layout: layout)
        }
        let missing = r.localities.count - located.count
        return .div(.class("place-map"), .raw(svg),
                       .p(.text(c.t("Κύκλοι: οι Δημοτικές Ενότητες· κουκκίδες: οι Κοινότητες (γεμάτες όπου σχεδιάζονται δράσεις). Επιλέξτε έναν τόπο για να δείτε τι σχεδιάζεται εκεί.",
                                     "Rings: municipal units; dots: communities (filled where actions are planned). Choose a place to see what is planned there.")),
                           .if(missing > 0, .text(c.t(" Στον χάρτη φαίνονται \(located.count) από τους \(r.localities.count) τόπους· για τους υπόλοιπους δεν έχουν καταχωριστεί ακόμη συντεταγμένες και βρίσκονται στον κατάλογο που ακολουθεί.",
                                                      " The map shows \(located.count) of the \(r.localities.count) places; the others have no coordinates yet and are in the list below.")))))
    }
}

/// «Τι σχεδιάζεται»: the actions in one municipal unit or community, those of its unit as a
/// whole, and how many concern the whole municipality; each with its status in words.
struct PlacePage {
    var context: PageContext
    var loaded: LoadedProgramme
    var place: Locality

    func render() -> String {
        let c = context
        let p = loaded.programme
        let r = loaded.reference
        let latest = loaded.derived("latest-progress") { p.latestProgressByAction() }
        let planned = p.planned(in: place, localities: r.localities)
        let unit = place.parentID.flatMap { id in r.localities.first { $0.id == id } }
        let title = c.t("Τι σχεδιάζεται: \(place.heading)", "What is planned: \(place.heading(.en))")
        let words = ProgressInWords(planned.here + planned.unit, latest: latest)
        return Layout(title: title, context: c, breadcrumbs: [(c.t("Προγράμματα", "Programmes"), SiteURL.home.path),
                                                            (r.organisation.name, SiteURL.portal(r.organisation.id).path)]).render(.group(
            .h1(.text(title)),
            .p(.text(c.t(words.greek, words.english))),
            .h2(.text(c.t("Στον τόπο", "Here"))),
            list(planned.here, latest),
            .unwrap(unit) { unit in
                // «τη Δημοτική Ενότητα», «την Κοινότητα»: the final ν stays before a κ.
                .group(.h2(.text(c.t("Για όλη \(unit.kind == .municipalUnit ? "τη" : "την") \(unit.heading)", "For the whole \(unit.heading(.en))"))), list(planned.unit, latest))
            },
            .h2(.text(c.t("Για όλο τον Δήμο", "For the whole municipality"))),
            .p(.text(c.t("Ακόμη \(Plural.count(planned.everywhere.count, ("δράση αφορά", "δράσεις αφορούν"), ("action concerns", "actions concern"), c.language)) όλο τον Δήμο· ",
                         "Another \(Plural.count(planned.everywhere.count, ("δράση αφορά", "δράσεις αφορούν"), ("action concerns", "actions concern"), c.language)) the whole municipality; ")),
               .a(.href(SiteURL.programme(p.id).path), .text(c.t("δείτε όλο το πρόγραμμα", "see the whole programme"))), .text("."))
        ))
    }

    private func list(_ actions: [Action], _ latest: [UUID: ProgressUpdate]) -> Node<HTML.BodyContext> {
        let c = context
        guard !actions.isEmpty else { return .p(.text(c.t("Καμία δράση.", "No action."))) }
        return .div(.class("cards"), .forEach(actions) { a in
            let report = latest[a.id]
            return .article(.class("card"),
                .h3(.a(.href(SiteURL.action(loaded.id, a.id).path), .text("\(a.code) \(a.title)"))),
                .p(.text("\(c.t("Κόστος", "Cost")) \(a.cost.formatted)" + (a.schedule.map { " · \($0.start.label(c.language)) – \($0.end.label(c.language))" } ?? ""))),
                .p(.strong(.text(report.map { $0.status.label(c.language) } ?? c.t("Χωρίς αναφορά προόδου ακόμη", "No progress report yet"))),
                   .text(report.map { " · \(c.t("φυσικό αντικείμενο", "physical progress")) \($0.physicalProgress) %" } ?? "")))
        })
    }
}
