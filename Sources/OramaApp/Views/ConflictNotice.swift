import Crypto
import Foundation
import OramaDomain
import Plot
import Vapor

/// Shown above a form sent back because someone else saved the same thing first.
struct ConflictNotice {
    var rows: [(label: String, theirs: String, yours: String)]

    func node(_ c: PageContext) -> Node<HTML.FormContext> {
        .div(.class("conflict"), .attribute(named: "role", value: "alert"),
             .h2(.text(c.t("Σύγκρουση αλλαγών", "Edit conflict"))),
             .p(.text(c.t("Κάποιος άλλος αποθήκευσε αλλαγές σε αυτό το στοιχείο αφότου ανοίξατε τη φόρμα. Δεν αποθηκεύτηκε τίποτα. Συγκρίνετε τις δύο εκδοχές· αν πατήσετε ξανά «Αποθήκευση», θα ισχύσουν οι δικές σας τιμές.",
                          "Someone else saved changes to this item after you opened the form. Nothing was saved. Compare the two versions; if you press “Save” again, your values will apply."))),
             .table(.caption(.text(c.t("Πεδία που διαφέρουν", "Fields that differ"))),
                    .thead(.tr(.th(.text(c.t("Πεδίο", "Field"))), .th(.text(c.t("Αποθηκευμένη εκδοχή", "Saved version"))), .th(.text(c.t("Η δική σας εκδοχή", "Your version"))))),
                    .tbody(.forEach(rows) { row in .tr(.td(.text(row.label)), .td(.text(row.theirs)), .td(.text(row.yours))) })))
    }

    static func diff(_ theirs: [(String, String)], _ yours: [(String, String)]) -> ConflictNotice {
        var rows: [(String, String, String)] = []
        for (index, pair) in theirs.enumerated() where index < yours.count && yours[index].1 != pair.1 {
            rows.append((pair.0, pair.1, yours[index].1))
        }
        return ConflictNotice(rows: rows.map { (label: $0.0, theirs: $0.1, yours: $0.2) })
    }
}
