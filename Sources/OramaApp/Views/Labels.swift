import Foundation
import OramaDomain
import Plot
import Vapor

extension Role {
    func greek(_ language: Language) -> String {
        switch self {
        case .admin: language.t("Διαχειριστής", "Administrator")
        case .planner: language.t("Υπηρεσία Προγραμματισμού", "Planning service")
        case .unitHead: language.t("Προϊστάμενος υπηρεσίας", "Head of service")
        case .reviewer: language.t("Αξιολογητής", "Reviewer")
        }
    }
}

extension Programme.Status {
    func label(_ language: Language) -> String {
        switch self {
        case .draft: language.t("Σχέδιο (μη δημόσιο)", "Draft (not public)")
        case .consultation: language.t("Σε διαβούλευση", "In consultation")
        case .approved: language.t("Εγκεκριμένο (μη δημοσιευμένο)", "Approved (not published)")
        case .published: language.t("Δημοσιευμένο", "Published")
        case .superseded: language.t("Αντικατεστάθη", "Superseded")
        }
    }
}

extension Indicator.Kind {
    func label(_ language: Language) -> String {
        switch self {
        case .input: language.t("Εισροών", "Input")
        case .output: language.t("Εκροών", "Output")
        case .result: language.t("Αποτελεσμάτων", "Result")
        case .impact: language.t("Επιπτώσεων", "Impact")
        }
    }
}

extension Programme {
    func attachmentCode(_ attachment: Indicator.Attachment) -> String {
        switch attachment {
        case .measure(let id): "Μέτρο \(measure(id)?.code ?? "—")"
        case .objective(let id): "Στόχος \(objective(id)?.code ?? "—")"
        }
    }
}

extension TreeLevel {
    func label(_ language: Language) -> String {
        switch self {
        case .axis: language.t("Άξονας", "Axis")
        case .measure: language.t("Μέτρο", "Measure")
        case .objective: language.t("Στόχος", "Objective")
        case .action: language.t("Δράση", "Action")
        }
    }
}
