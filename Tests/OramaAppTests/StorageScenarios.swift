import Fluent
import Foundation
@testable import OramaApp
@testable import OramaDomain
import SQLKit
import Testing
import Vapor

/// The storage behaviour, written once and run on each database by the suites below.
enum StorageScenarios {
    /// The demo programme saved and loaded is the same domain value.
    static func roundTrip(_ database: DatabaseChoice) async throws {
        try await withApp(database) { app in
            let demo = KilelerDemo.build()
            _ = try await DemoSeeder.seed(app.repositories)
            let loaded = try #require(try await ProgrammeRepository(db: app.db).load(demo.programme.id))
            var expected = demo.programme
            expected.changeCounter = 1
            #expect(loaded.axes == expected.axes)
            #expect(loaded.strategicPlan == expected.strategicPlan)
            #expect(loaded.indicators.count == expected.indicators.count)
            #expect(Set(loaded.indicators.map(\.id)) == Set(expected.indicators.map(\.id)))
            for indicator in expected.indicators {
                let stored = try #require(loaded.indicators.first { $0.id == indicator.id })
                #expect(stored.targets == indicator.targets)
                #expect(stored.measurements.map(\.value) == indicator.measurements.map(\.value))
            }
            #expect(loaded.progressUpdates.count == expected.progressUpdates.count)
            #expect(loaded.totalFunding == expected.totalFunding)
            let reference = try #require(try await ReferenceRepository(db: app.db).load(organisationID: demo.reference.organisation.id))
            #expect(reference == demo.reference)
        }
    }

    /// Every shape a stored programme can take reads back as the same value, field for field:
    /// each kind of implementing body, optional values absent and present, links, milestones,
    /// locked periods, key dates, measurements and reports (the read path is SQLKit's, the write
    /// path Fluent's, so this is what keeps the two in step).
    static func everyShapeReadsBack(_ database: DatabaseChoice) async throws {
        try await withApp(database) { app in
            let demo = KilelerDemo.build()
            try await app.repositories.reference.create(demo.reference, actor: .system)
            var programme = demo.programme
            programme.id = UUID()
            let actions = programme.actions
            let entity = try #require(demo.reference.legalEntities.first)
            let units = demo.reference.units, places = demo.reference.localities
            programme.editAction(actions[0].id) {
                $0.implementingBody = .legalEntity(entity.id); $0.rank = nil; $0.schedule = nil
                $0.partners = ["Δήμος Λαρισαίων", "Δήμος Τεμπών"]; $0.isSupraLocal = true; $0.budgetLines = []
                $0.coResponsibleUnitIDs = [units[2].id, units[1].id]; $0.localityIDs = [places[3].id, places[0].id]
            }
            programme.editAction(actions[1].id) {
                $0.implementingBody = .partner(name: "Περιφέρεια Θεσσαλίας", contract: "Προγραμματική σύμβαση 12/2025")
                $0.rank = 7; $0.weight = 2.5; $0.budgetLines = ["30.7323.0001", "64.7135.0002"]
                $0.milestones = [Milestone(id: UUID(), date: CalendarDate(year: 2026, month: 3, day: 31), title: "Δημοπράτηση", isDone: true),
                                 Milestone(id: UUID(), date: CalendarDate(year: 2027, month: 6, day: 30), title: "Παραλαβή", isDone: false)]
            }
            programme.indicators[0].baseline = nil; programme.indicators[0].baselineYear = nil
            programme.indicators[0].responsibleUnitID = nil
            programme.indicators[1].actionID = actions[2].id
            programme.indicators[1].measurements.append(OramaDomain.Measurement(
                period: ReportingPeriod(year: 2026, quarter: 2), value: -0.125, note: "Εκτίμηση «αρχική»",
                recordedBy: "Υπάλληλος", recordedAt: Date(timeIntervalSince1970: 1_780_000_000.25)))
            programme.lockedPeriods = [ReportingPeriod(year: 2025, quarter: 4), ReportingPeriod(year: 2026)]
            programme.keyDates = KeyDates(consultationStart: CalendarDate(year: 2025, month: 2, day: 1),
                                          consultationEnd: nil, councilSession: CalendarDate(year: 2025, month: 3, day: 15))
            programme.note = "Σημείωση με \"εισαγωγικά\" και ' απόστροφο"

            let repository = ProgrammeRepository(db: app.db)
            try await repository.create(programme, actor: .system)
            let loaded = try #require(try await repository.load(programme.id))
            var expected = programme
            expected.changeCounter = 1
            // Reports are kept in the order they were made (by date, then when recorded, then id).
            expected.progressUpdates.sort(by: ProgressUpdate.inOrderMade)
            // Measurements by period, then when recorded.
            expected.indicators[1].measurements.sort { ($0.period, $0.recordedAt) < ($1.period, $1.recordedAt) }
            #expect(loaded.strategicPlan == expected.strategicPlan)
            #expect(loaded.axes == expected.axes)
            #expect(loaded.indicators == expected.indicators)
            #expect(loaded.progressUpdates == expected.progressUpdates)
            #expect(loaded == expected)
            #expect(try await repository.load(UUID()) == nil)
        }
    }

    /// Loading takes the same number of queries for the demo and for a programme ten times larger.
    static func fixedQueryCount(_ database: DatabaseChoice) async throws {
        try await withApp(database) { app in
            let demo = KilelerDemo.build()
            _ = try await DemoSeeder.seed(app.repositories)
            let large = tenTimes(demo.programme)
            try await ProgrammeRepository(db: app.db).create(large, actor: .system)

            let counter = QueryCounter()
            let counted = ProgrammeRepository(db: counter.database(on: app))
            let small = try #require(try await counted.load(demo.programme.id))
            let smallQueries = counter.count
            counter.reset()
            let big = try #require(try await counted.load(large.id))
            let bigQueries = counter.count

            #expect(big.actions.count == 10 * small.actions.count)
            #expect(smallQueries == ProgrammeRepository.queriesPerLoad)
            #expect(bigQueries == ProgrammeRepository.queriesPerLoad)
        }
    }

    /// A save over the loaded programme (`save(_:over:actor:)`, what every editing page and
    /// the API use) stores each kind of edit exactly: after each, the programme reads back as
    /// edited. The edits touch every part `ProgrammeRows.Unchanged` leaves out when equal —
    /// an action changed, moved, reordered, removed and added, an indicator's target and value,
    /// a report added and replaced, the strategic plan — and the parts always compared.
    static func saveOverBaseStoresEveryEdit(_ database: DatabaseChoice) async throws {
        try await withApp(database) { app in
            let seeded = try await DemoSeeder.seed(app.repositories)
            let repository = ProgrammeRepository(db: app.db)
            let actor = Actor(name: "Δοκιμαστής")
            let today = CalendarDate(year: 2027, month: 1, day: 15)
            // A time a Double holds exactly, as the database gives it back.
            let recorded = Date(timeIntervalSince1970: 1_800_000_000.5)
            var edits: [(String, (inout Programme) throws -> Void)] = []
            edits.append(("the title of one action", { p in p.editAction(p.actions[5].id) { $0.title = "Ανάπλαση κεντρικής πλατείας «Β» φάση" } }))
            edits.append(("a milestone and a funding line", { p in p.editAction(p.actions[6].id) {
                $0.milestones.append(Milestone(id: UUID(), date: CalendarDate(year: 2028, month: 5, day: 31), title: "Παραλαβή", isDone: false))
                $0.fundingLines.removeLast()
            } }))
            edits.append(("an action moved to another objective", { p in
                let objective = try #require(p.objectives.last)
                try p.moveAction(p.actions[0].id, toObjective: objective.id, at: 0)
            }))
            edits.append(("two actions swapped in their objective", { p in
                let objective = try #require(p.objectives.first { $0.actions.count >= 2 })
                try p.moveAction(objective.actions[1].id, toObjective: objective.id, at: 0)
            }))
            edits.append(("an action removed, its reports with it", { p in
                let reported = try #require(p.progressUpdates.first?.actionID)
                try p.remove(.action, reported)
            }))
            edits.append(("a new action", { p in
                let objective = try #require(p.objectives.first)
                var action = try #require(p.actions.first)
                action.id = UUID(); action.title = "Νέα δράση"; action.milestones = []
                p.editObjective(objective.id) { $0.actions.append(action) }
                p.renumber()
            }))
            edits.append(("an indicator's target and a value", { p in
                p.indicators[2].targets[2029] = 87.5
                try p.recordMeasurement(indicatorID: p.indicators[3].id, period: ReportingPeriod(year: 2026), value: 12, note: "Μέτρηση",
                                        by: "Υπάλληλος", at: recorded, today: today)
            }))
            edits.append(("two indicators swapped", { p in p.indicators.swapAt(0, 1) }))
            edits.append(("a report made and one replaced", { p in
                let actions = p.actions
                for action in actions.prefix(2) {
                    try p.recordProgress(actionID: action.id, period: ReportingPeriod(year: 2026, quarter: 4), status: .delayed,
                                         physicalProgress: 40, spentToDate: Money(cents: 1_000_00), comment: "Καθυστέρηση λόγω αδειοδότησης",
                                         milestonesDone: [], by: "Υπάλληλος", at: recorded, today: today,
                                         reason: "Διόρθωση μετά από έλεγχο")
                }
            }))
            edits.append(("the strategic plan and an axis", { p in
                p.strategicPlan.criticalIssues.append("Λειψυδρία τους θερινούς μήνες")
                p.axes[1].title = "Τοπική οικονομία και απασχόληση"
            }))
            let audit = AuditLog(db: app.db)
            let milestoneAction = try #require(try await repository.load(seeded.programmeID)).actions[6].id
            let milestoneActionCounter = try await repository.changedCounter(ofAction: milestoneAction)
            for (name, edit) in edits {
                let base = try #require(try await repository.load(seeded.programmeID))
                var edited = base
                try edit(&edited)
                #expect(edited != base, "\(name): the edit changes the programme")
                let entriesBefore = try await audit.count(programmeID: base.id)
                let next = try await repository.save(edited, over: base, actor: actor)
                // Every row written says what changed in it: no row is rewritten as it was.
                let written = try await audit.count(programmeID: base.id) - entriesBefore
                #expect(written > 0, "\(name): audited")
                let entries = try await audit.entries(programmeID: base.id, limit: written)
                #expect(entries.allSatisfy { $0.changes != "{}" }, "\(name): \(entries.filter { $0.changes == "{}" }.map(\.entity))")
                if name == "a milestone and a funding line" {
                    // The action's own row did not change: nor does the counter its PATCH checks.
                    #expect(try await repository.changedCounter(ofAction: milestoneAction) == milestoneActionCounter)
                }
                var expected = edited
                expected.changeCounter = next
                expected.progressUpdates.sort(by: ProgressUpdate.inOrderMade)
                for i in expected.indicators.indices {
                    expected.indicators[i].measurements.sort { ($0.period, $0.recordedAt) < ($1.period, $1.recordedAt) }
                }
                let stored = try #require(try await repository.load(seeded.programmeID))
                #expect(stored == expected, "\(name): reads back as saved; differs in \(Self.differences(stored, expected))")
            }
        }
    }

    /// The parts in which two programmes differ, briefly.
    static func differences(_ a: Programme, _ b: Programme) -> String {
        var parts: [String] = []
        if a.strategicPlan != b.strategicPlan { parts.append("strategicPlan") }
        for (x, y) in zip(a.actions, b.actions) where x != y { parts.append("action \(x.code)/\(y.code) \(x.title == y.title ? "" : "title") \(x.milestones == y.milestones ? "" : "milestones")") }
        if a.actions.count != b.actions.count { parts.append("actions \(a.actions.count) vs \(b.actions.count)") }
        for (x, y) in zip(a.indicators, b.indicators) where x != y { parts.append("indicator \(x.code)/\(y.code)") }
        if a.indicators.count != b.indicators.count { parts.append("indicators \(a.indicators.count) vs \(b.indicators.count)") }
        let au = Set(a.progressUpdates), bu = Set(b.progressUpdates)
        if au != bu { parts.append("reports \(au.subtracting(bu).map { "\($0.id) \($0.date) \($0.recordedAt.timeIntervalSince1970)" }) vs \(bu.subtracting(au).map { "\($0.id) \($0.date) \($0.recordedAt.timeIntervalSince1970)" })") }
        else if a.progressUpdates != b.progressUpdates { parts.append("order of reports") }
        if a.axes.map(\.title) != b.axes.map(\.title) { parts.append("axis titles") }
        if parts.isEmpty { parts.append("the head: \(a.changeCounter) vs \(b.changeCounter)") }
        return parts.prefix(6).joined(separator: "; ")
    }

    /// An edit of one action over the loaded programme reads none of the programme's tables
    /// and writes that action's row alone: its cost does not grow with the programme.
    /// Run on PostgreSQL, whose driver logs every statement through the handle's logger
    /// (SQLite's logs a transaction's statements through its connection's own).
    static func saveOverBaseTouchesOnlyTheEdit(_ database: DatabaseChoice) async throws {
        try await withApp(database) { app in
            let demo = KilelerDemo.build()
            _ = try await DemoSeeder.seed(app.repositories)
            let large = tenTimes(demo.programme)
            try await ProgrammeRepository(db: app.db).create(large, actor: .system)

            let counter = QueryCounter()
            let counted = ProgrammeRepository(db: counter.database(on: app))
            let base = try #require(try await ProgrammeRepository(db: app.db).load(large.id))
            var edited = base
            edited.editAction(base.actions[100].id) { $0.title = "Μόνο αυτή η δράση" }
            _ = try await counted.save(edited, over: base, actor: Actor(name: "Δοκιμαστής"))
            let statements = counter.sql
            try #require(!statements.isEmpty, "the database's statements are logged")
            let contents = ProgrammeReader.Table.allCases.map(\.rawValue)
            let reads = statements.filter { sql in sql.uppercased().hasPrefix("SELECT") && contents.contains { sql.contains("\"\($0)\"") } }
            let writes = statements.filter { sql in ["INSERT", "UPDATE", "DELETE"].contains { sql.uppercased().hasPrefix($0) } }
            #expect(reads.isEmpty, "no table of the programme's contents is read: \(reads)")
            #expect(writes.filter { $0.contains("\"actions\"") }.count == 1, "one action row written: \(writes)")
            #expect(!writes.contains { sql in contents.contains { $0 != "actions" && sql.contains("\"\($0)\"") } }, "no other content row: \(writes)")
            #expect(try await ProgrammeRepository(db: app.db).load(large.id)?.action(base.actions[100].id)?.title == "Μόνο αυτή η δράση")
        }
    }

    /// A save writes only what changed, audits it field by field and moves the counter on,
    /// the same whether it compares with the stored rows or with the programme it edited.
    static func saveAuditsAndCounts(_ database: DatabaseChoice) async throws {
        try await saveAuditsAndCounts(database, overBase: false)
        try await saveAuditsAndCounts(database, overBase: true)
    }

    static func saveAuditsAndCounts(_ database: DatabaseChoice, overBase: Bool) async throws {
        try await withApp(database) { app in
            let seeded = try await DemoSeeder.seed(app.repositories)
            let repository = ProgrammeRepository(db: app.db)
            var programme = try #require(try await repository.load(seeded.programmeID))
            let auditBefore = try await AuditLog(db: app.db).count(programmeID: programme.id)
            let action = programme.actions[3]
            programme.editAction(action.id) {
                $0.title = "Νέος τίτλος δράσης"
                $0.fundingLines.append(FundingLine(sourceID: $0.fundingLines[0].sourceID, year: 2028, amount: Money(cents: 12_345)))
            }
            let base = try #require(try await repository.load(seeded.programmeID))
            let next = overBase ? try await repository.save(programme, over: base, actor: Actor(name: "Δοκιμαστής"))
                                : try await repository.save(programme, expecting: programme.changeCounter, actor: Actor(name: "Δοκιμαστής"))
            #expect(next == programme.changeCounter + 1)

            let reloaded = try #require(try await repository.load(programme.id))
            #expect(reloaded.changeCounter == next)
            #expect(reloaded.action(action.id)?.title == "Νέος τίτλος δράσης")
            #expect(reloaded.action(action.id)?.fundingLines.last?.amount == Money(cents: 12_345))

            #expect(try await AuditLog(db: app.db).count(programmeID: programme.id) == auditBefore + 2)
            let entries = try await AuditLog(db: app.db).entries(programmeID: programme.id, limit: 5)
            let titleChange = try #require(entries.first { $0.entityID == action.id })
            #expect(titleChange.actor == "Δοκιμαστής")
            #expect(titleChange.operation == "update")
            #expect(titleChange.changes.contains("Νέος τίτλος δράσης"))
            #expect(!titleChange.changes.contains("\"description\""))
            #expect(entries.contains { $0.entity == "fundingLine" && $0.operation == "create" })

            // Saving the unchanged programme writes no audit rows but still marks a version.
            let idle = overBase ? try await repository.save(reloaded, over: reloaded, actor: Actor(name: "Δοκιμαστής"))
                                : try await repository.save(reloaded, expecting: reloaded.changeCounter, actor: Actor(name: "Δοκιμαστής"))
            #expect(idle == next + 1)
            #expect(try await AuditLog(db: app.db).count(programmeID: programme.id) == auditBefore + 2)
        }
    }

    /// Saving from a stale copy is refused and changes nothing.
    static func staleSaveConflicts(_ database: DatabaseChoice) async throws {
        try await withApp(database) { app in
            let seeded = try await DemoSeeder.seed(app.repositories)
            let repository = ProgrammeRepository(db: app.db)
            var mine = try #require(try await repository.load(seeded.programmeID))
            var theirs = mine
            theirs.axes[0].title = "Αλλαγή άλλου χρήστη"
            try await repository.save(theirs, expecting: theirs.changeCounter, actor: Actor(name: "Άλλος"))

            mine.axes[1].title = "Η δική μου αλλαγή"
            await #expect(throws: StorageError.conflict(expected: mine.changeCounter, current: mine.changeCounter + 1)) {
                try await repository.save(mine, expecting: mine.changeCounter, actor: Actor(name: "Εγώ"))
            }
            let stored = try #require(try await repository.load(seeded.programmeID))
            #expect(stored.axes[0].title == "Αλλαγή άλλου χρήστη")
            #expect(stored.axes[1].title != "Η δική μου αλλαγή")
        }
    }

    /// A save that fails half-way (a funding line pointing at no source) leaves nothing behind.
    static func failedSaveRollsBack(_ database: DatabaseChoice) async throws {
        try await withApp(database) { app in
            let seeded = try await DemoSeeder.seed(app.repositories)
            let repository = ProgrammeRepository(db: app.db)
            let original = try #require(try await repository.load(seeded.programmeID))
            let auditBefore = try await AuditLog(db: app.db).count(programmeID: original.id)
            var broken = original
            broken.axes[0].title = "Δεν πρέπει να μείνει"
            broken.editAction(original.actions[0].id) {
                $0.fundingLines.append(FundingLine(sourceID: UUID(), year: 2025, amount: Money(euros: 1)))
            }
            await #expect(throws: (any Error).self) {
                try await repository.save(broken, expecting: broken.changeCounter, actor: .system)
            }
            let stored = try #require(try await repository.load(original.id))
            #expect(stored == original)
            #expect(try await AuditLog(db: app.db).count(programmeID: original.id) == auditBefore)
        }
    }

    /// Seeding twice adds nothing; a restart sees the same data.
    static func demoIsIdempotentAndDurable(_ database: DatabaseChoice) async throws {
        try await withApp(database) { app in
            let first = try await DemoSeeder.seed(app.repositories)
            let second = try await DemoSeeder.seed(app.repositories)
            #expect(first.created && !second.created)
            #expect(try await ProgrammeModel.query(on: app.db).count() == 2)
            #expect(try await OrganisationModel.query(on: app.db).count() == 1)
            #expect(try await ActionModel.query(on: app.db).count() == 2 * KilelerDemo.build().programme.actions.count)
        }
    }

    /// Lists are scoped to one organisation unless asked for all.
    static func organisationsAreSeparate(_ database: DatabaseChoice) async throws {
        try await withApp(database) { app in
            let seeded = try await DemoSeeder.seed(app.repositories)
            let other = ReferenceData(organisation: Organisation(name: "Δήμος Αγιάς", region: "Θεσσαλία", regionalUnit: "Λάρισα"))
            try await ReferenceRepository(db: app.db).create(other, actor: .system)
            let programme = Programme(organisationID: other.organisation.id, title: "Επιχειρησιακό Πρόγραμμα Δήμου Αγιάς", startYear: 2024)
            try await ProgrammeRepository(db: app.db).create(programme, actor: .system)

            let repository = ProgrammeRepository(db: app.db)
            let kileler = try #require(try await repository.summary(seeded.programmeID)).organisationID
            #expect(try await repository.list(organisationID: kileler).count == 2)
            #expect(try await repository.list(organisationID: other.organisation.id).map(\.id) == [programme.id])
            #expect(try await repository.list(organisationID: nil).count == 3)
        }
    }

    static func tenTimes(_ programme: Programme) -> Programme { KilelerDemo.scaled(programme, times: 10) }
}

@Suite("SQLite", .serialized)
struct SQLiteStorageTests {
    @Test("SQLite · αποθήκευση και φόρτωση δίνουν το ίδιο πρόγραμμα") func roundTrip() async throws { try await StorageScenarios.roundTrip(TestDatabase.sqliteFile()) }
    @Test("SQLite · κάθε μορφή προγράμματος διαβάζεται όπως αποθηκεύτηκε") func everyShapeReadsBack() async throws { try await StorageScenarios.everyShapeReadsBack(TestDatabase.sqliteFile()) }
    @Test("SQLite · σταθερός αριθμός ερωτημάτων, και για 10× πρόγραμμα") func fixedQueryCount() async throws { try await StorageScenarios.fixedQueryCount(TestDatabase.sqliteFile()) }
    @Test("SQLite · η αποθήκευση καταγράφεται και αυξάνει τον μετρητή") func saveAuditsAndCounts() async throws { try await StorageScenarios.saveAuditsAndCounts(TestDatabase.sqliteFile()) }
    @Test("SQLite · κάθε είδος αλλαγής αποθηκεύεται όπως έγινε, με σύγκριση προς το αντίγραφο που άλλαξε") func saveOverBaseStoresEveryEdit() async throws { try await StorageScenarios.saveOverBaseStoresEveryEdit(TestDatabase.sqliteFile()) }
    @Test("SQLite · αποθήκευση από παλιό αντίγραφο απορρίπτεται") func staleSaveConflicts() async throws { try await StorageScenarios.staleSaveConflicts(TestDatabase.sqliteFile()) }
    @Test("SQLite · αποτυχημένη αποθήκευση δεν αφήνει ίχνη") func failedSaveRollsBack() async throws { try await StorageScenarios.failedSaveRollsBack(TestDatabase.sqliteFile()) }
    @Test("SQLite · τα δεδομένα επίδειξης μπαίνουν μία φορά") func demoIsIdempotent() async throws { try await StorageScenarios.demoIsIdempotentAndDurable(TestDatabase.sqliteFile()) }
    @Test("SQLite · οι δήμοι δεν αναμειγνύονται") func organisationsAreSeparate() async throws { try await StorageScenarios.organisationsAreSeparate(TestDatabase.sqliteFile()) }
}

@Suite("PostgreSQL", .serialized, .enabled(if: TestDatabase.postgresURL != nil, TestDatabase.postgresSkipNote))
struct PostgreSQLStorageTests {
    @Test("PostgreSQL · αποθήκευση και φόρτωση δίνουν το ίδιο πρόγραμμα") func roundTrip() async throws { try await StorageScenarios.roundTrip(TestDatabase.postgres()) }
    @Test("PostgreSQL · κάθε μορφή προγράμματος διαβάζεται όπως αποθηκεύτηκε") func everyShapeReadsBack() async throws { try await StorageScenarios.everyShapeReadsBack(TestDatabase.postgres()) }
    @Test("PostgreSQL · σταθερός αριθμός ερωτημάτων, και για 10× πρόγραμμα") func fixedQueryCount() async throws { try await StorageScenarios.fixedQueryCount(TestDatabase.postgres()) }
    @Test("PostgreSQL · η αποθήκευση καταγράφεται και αυξάνει τον μετρητή") func saveAuditsAndCounts() async throws { try await StorageScenarios.saveAuditsAndCounts(TestDatabase.postgres()) }
    @Test("PostgreSQL · κάθε είδος αλλαγής αποθηκεύεται όπως έγινε, με σύγκριση προς το αντίγραφο που άλλαξε") func saveOverBaseStoresEveryEdit() async throws { try await StorageScenarios.saveOverBaseStoresEveryEdit(TestDatabase.postgres()) }
    @Test("PostgreSQL · η αλλαγή μίας δράσης δεν διαβάζει ούτε γράφει τίποτε άλλο") func saveOverBaseTouchesOnlyTheEdit() async throws { try await StorageScenarios.saveOverBaseTouchesOnlyTheEdit(TestDatabase.postgres()) }
    @Test("PostgreSQL · αποθήκευση από παλιό αντίγραφο απορρίπτεται") func staleSaveConflicts() async throws { try await StorageScenarios.staleSaveConflicts(TestDatabase.postgres()) }
    @Test("PostgreSQL · αποτυχημένη αποθήκευση δεν αφήνει ίχνη") func failedSaveRollsBack() async throws { try await StorageScenarios.failedSaveRollsBack(TestDatabase.postgres()) }
    @Test("PostgreSQL · τα δεδομένα επίδειξης μπαίνουν μία φορά") func demoIsIdempotent() async throws { try await StorageScenarios.demoIsIdempotentAndDurable(TestDatabase.postgres()) }
    @Test("PostgreSQL · οι δήμοι δεν αναμειγνύονται") func organisationsAreSeparate() async throws { try await StorageScenarios.organisationsAreSeparate(TestDatabase.postgres()) }
}
