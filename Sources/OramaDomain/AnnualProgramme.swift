import Foundation

/// The Annual Action Programme of a year (ΠΔ 185/2007): every action scheduled in the year
/// with what the law asks of it, and beside it the year's Technical Programme.
public struct AnnualProgramme: Sendable, Hashable, Codable {
    public struct Output: Sendable, Hashable, Codable {
        public var indicatorID: UUID
        public var code: String
        public var name: String
        public var unit: String
        public var target: Double
    }

    public struct SourceAmount: Sendable, Hashable, Codable {
        public var source: String
        public var amount: Money
    }

    public struct Entry: Sendable, Hashable, Codable {
        public var actionID: UUID
        public var code: String
        public var title: String
        public var axis: String
        public var measure: String
        public var responsibleUnit: String
        public var nature: String
        /// Outputs planned for the year: the year's targets of the output indicators of the
        /// action, or of its objective.
        public var outputs: [Output]
        /// The quarters of the year in which the action runs (1…4).
        public var quarters: [Int]
        public var budget: Money
        public var sources: [SourceAmount]
        public var preconditions: String
        public var location: [String]
        public var budgetLines: [String]
    }

    public struct TechnicalItem: Sendable, Hashable, Codable {
        public var number: Int
        public var actionID: UUID
        public var code: String
        public var title: String
        public var category: String
        public var funding: String
        public var amount: Money
    }

    /// The Technical Programme's projects of one municipal unit (or of the whole municipality).
    public struct TechnicalGroup: Sendable, Hashable, Codable {
        public var name: String
        public var items: [TechnicalItem]
        public var total: Money { items.map(\.amount).sum() }
    }

    public var year: Int
    public var entries: [Entry]
    public var technicalProgramme: [TechnicalGroup]
    public var total: Money { entries.map(\.budget).sum() }
}

extension Programme {
    /// The actions whose schedule includes a quarter of the year.
    public func actionsScheduled(in year: Int) -> [ActionPath] {
        actionPaths.filter { $0.action.schedule?.runs(in: year) == true }
    }

    public func annualProgramme(year: Int, reference: ReferenceData) -> AnnualProgramme {
        let paths = actionsScheduled(in: year)
        let entries = paths.map { path -> AnnualProgramme.Entry in
            let a = path.action
            let outputs = indicators.filter { i in
                i.kind == .output && (i.actionID == a.id || (i.actionID == nil && i.attachment == .objective(path.objective.id)))
            }.compactMap { i in i.targets[year].map { AnnualProgramme.Output(indicatorID: i.id, code: i.code, name: i.name, unit: i.unit, target: $0) } }
            let lines = a.fundingLines.filter { $0.year == year }
            var bySource: [String: Money] = [:]
            var order: [String] = []
            for line in lines {
                let code = reference.source(line.sourceID)?.code ?? "—"
                if bySource[code] == nil { order.append(code) }
                bySource[code, default: .zero] += line.amount
            }
            return AnnualProgramme.Entry(
                actionID: a.id, code: a.code, title: a.title, axis: "\(path.axis.code). \(path.axis.title)", measure: "\(path.measure.code). \(path.measure.title)",
                responsibleUnit: reference.unit(a.responsibleUnitID)?.name ?? "—", nature: a.nature.greek, outputs: outputs,
                quarters: (1...4).filter { a.schedule!.contains(YearQuarter(year: year, quarter: $0)) },
                budget: lines.map(\.amount).sum(), sources: order.map { AnnualProgramme.SourceAmount(source: $0, amount: bySource[$0]!) },
                preconditions: a.preconditions, location: a.localityIDs.compactMap { reference.locality($0)?.name }, budgetLines: a.budgetLines)
        }

        // Projects grouped by municipal unit, in the order of the locality list; within a
        // unit by category (works, studies, supplies) and then by code.
        func municipalUnit(_ id: UUID) -> Locality? {
            guard let place = reference.locality(id) else { return nil }
            return place.kind == .municipalUnit ? place : place.parentID.flatMap(reference.locality)
        }
        let capital = paths.filter { $0.action.nature.isCapital && !$0.action.funding(in: year).isZero }
        var groups: [String: [ActionPath]] = [:]
        for path in capital {
            let units = Set(path.action.localityIDs.compactMap { municipalUnit($0)?.name })
            let key = units.count == 1 ? "Δημοτική Ενότητα \(units.first!)" : (units.isEmpty ? "Όλος ο Δήμος" : "Περισσότερες Δημοτικές Ενότητες")
            groups[key, default: []].append(path)
        }
        let unitOrder = reference.localities.filter { $0.kind == .municipalUnit }.map { "Δημοτική Ενότητα \($0.name)" } + ["Περισσότερες Δημοτικές Ενότητες", "Όλος ο Δήμος"]
        let categoryOrder: [Action.Nature] = [.works, .study, .supply]
        var number = 0
        let technical = unitOrder.compactMap { name -> AnnualProgramme.TechnicalGroup? in
            guard let members = groups[name] else { return nil }
            let sorted = members.sorted { (categoryOrder.firstIndex(of: $0.action.nature)!, $0.action.code) < (categoryOrder.firstIndex(of: $1.action.nature)!, $1.action.code) }
            return AnnualProgramme.TechnicalGroup(name: name, items: sorted.map { path in
                number += 1
                let a = path.action
                let sources = Array(Set(a.fundingLines.filter { $0.year == year }.compactMap { reference.source($0.sourceID)?.code })).sorted()
                return AnnualProgramme.TechnicalItem(number: number, actionID: a.id, code: a.code, title: a.title, category: a.nature.greek,
                                                     funding: sources.joined(separator: ", "), amount: a.funding(in: year))
            })
        }
        return AnnualProgramme(year: year, entries: entries, technicalProgramme: technical)
    }
}
