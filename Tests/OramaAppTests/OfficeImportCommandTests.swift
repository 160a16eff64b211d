import ConsoleKit
import Foundation
import OramaDomain
import OramaInterchange
@testable import OramaApp
import Testing
import Vapor

/// A console that keeps what a command prints, for the tests.
final class RecordingConsole: Console, @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    var userInfo: [AnySendableHashable: any Sendable] = [:]
    var size: (width: Int, height: Int) { (200, 50) }
    var output: String { lock.withLock { text } }

    func input(isSecure: Bool) -> String { "" }
    func output(_ text: ConsoleText, newLine: Bool) { lock.withLock { self.text += text.description + (newLine ? "\n" : "") } }
    func clear(_ type: ConsoleClear) {}
    func report(error: String, newLine: Bool) { lock.withLock { text += error + (newLine ? "\n" : "") } }
}

/// Runs `orama <command> <arguments>` in-process the way the executable does (the
/// application's command group, global flags such as `--yes` included); returns what it
/// printed and the error it ended with (a non-zero exit).
func runCommand(_ app: Application, _ command: String, _ arguments: [String]) async -> (output: String, error: (any Error)?) {
    let console = RecordingConsole()
    var context = CommandContext(console: console, input: CommandInput(arguments: ["orama", command] + arguments))
    context.application = app
    do {
        try await console.run(app.asyncCommands.group(), with: context)
        return (console.output, nil)
    } catch {
        return (console.output, error)
    }
}

/// The corpus of office tables, each into an empty new programme with `orama programme
/// create` and `orama import --mapping auto --yes` (the ninth with its saved mapping file),
/// on a real SQLite file: every row lands, the tree is built, the money per year is the file's.
@Suite("Εισαγωγή πίνακα γραφείου από τη γραμμή εντολών")
struct OfficeImportCommandTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/office")

    struct Expected: Decodable {
        var actions: Int
        var axes: Int
        var centsByYear: [String: Int64]
        var sheet: String?
        var mapping: String?
    }

    static var expected: [String: Expected] {
        (try? JSONDecoder().decode([String: Expected].self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))) ?? [:]
    }

    static var files: [String] { expected.keys.sorted() }

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Creates a programme with the command and returns its id.
    static func create(_ app: Application, organisation: String) async throws -> UUID {
        let created = await runCommand(app, "programme", ["create", "--organisation", organisation, "--title", "Επιχειρησιακό Πρόγραμμα 2024-2028",
                                                          "--start", "2024", "--end", "2028"])
        #expect(created.error == nil, "\(String(describing: created.error))")
        return try #require(UUID(uuidString: created.output.trimmingCharacters(in: .whitespacesAndNewlines)), "prints the id alone: \(created.output)")
    }

    static func centsByYear(_ p: Programme) -> [String: Int64] {
        var cents: [String: Int64] = [:]
        for line in p.actions.flatMap(\.fundingLines) { cents[String(line.year), default: 0] += line.amount.cents }
        return cents
    }

    @Test(arguments: OfficeImportCommandTests.files)
    func eachOfficeTableLandsWhole(file: String) async throws {
        let e = try #require(Self.expected[file])
        // Half of the files go to the demo municipality, with its services, places and
        // sources to match; the other half to a municipality the command adds.
        let intoDemo = (Self.files.firstIndex(of: file) ?? 0) % 2 == 0
        try await withApp(TestDatabase.sqliteFile()) { app in
            if intoDemo { _ = try await DemoSeeder.seed(app.repositories) }
            let organisation = intoDemo ? KilelerDemo.organisationName : "Δήμος Τυρνάβου"
            let id = try await Self.create(app, organisation: organisation)
            var arguments = ["--programme", id.uuidString, Self.path(file), "--yes"]
            arguments += e.mapping.map { ["--mapping", Self.path($0)] } ?? ["--mapping", "auto"]
            if let sheet = e.sheet { arguments += ["--sheet", sheet] }
            let run = await runCommand(app, "import", arguments)
            #expect(run.error == nil, "\(file): \(String(describing: run.error))\n\(run.output)")
            #expect(run.output.contains("\"columns\""), "the mapping is printed as JSON")
            #expect(run.output.contains("Εισήχθη: \(GreekText.count(e.actions, "δράση", "δράσεις"))"), "\(run.output)")

            let programme = try #require(try await app.repositories.programmes.load(id))
            #expect(programme.actions.count == e.actions, "\(file)")
            #expect(programme.axes.count == e.axes, "\(file): \(programme.axes.map(\.title))")
            #expect(programme.axes.allSatisfy { !$0.measures.isEmpty }, "every axis has its measures")
            #expect(Self.centsByYear(programme) == e.centsByYear, "\(file): money per year to the cent")
            let reference = try #require(try await app.repositories.reference.load(organisationID: programme.organisationID))
            #expect(programme.actions.allSatisfy { reference.unit($0.responsibleUnitID) != nil }, "\(file): every action has its responsible body")
            for action in programme.actions {
                if case .legalEntity(let entity) = action.implementingBody { #expect(reference.legalEntity(entity) != nil, "\(file): the legal entity was stored") }
            }
            #expect(try await app.repositories.auditLog.count(programmeID: id) >= e.actions, "the import is in the audit log")
        }
    }

    @Test func theSavedMappingAsksNothingTheSecondTime() async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in
            _ = try await DemoSeeder.seed(app.repositories)
            let first = try await Self.create(app, organisation: "δημος κιλελερ")
            let mappingFile = FileManager.default.temporaryDirectory.appendingPathComponent("orama-mapping-\(UUID().uuidString).json").path
            defer { try? FileManager.default.removeItem(atPath: mappingFile) }
            let saved = await runCommand(app, "import", ["--programme", first.uuidString, Self.path("01-programme-utf8-bom.csv"), "--yes", "--save-mapping", mappingFile])
            #expect(saved.error == nil, "\(String(describing: saved.error))")
            // The printed mapping is the file's, and `--mapping` takes it back.
            let written = try OfficeMapping.decode(try Data(contentsOf: URL(fileURLWithPath: mappingFile))).get()
            #expect(written.columns.contains { $0.field == .title })

            let second = try await Self.create(app, organisation: KilelerDemo.organisationName)
            let again = await runCommand(app, "import", ["--programme", second.uuidString, Self.path("01-programme-utf8-bom.csv"), "--mapping", "saved", "--yes"])
            #expect(again.error == nil, "\(String(describing: again.error))\n\(again.output)")
            let a = try #require(try await app.repositories.programmes.load(first))
            let b = try #require(try await app.repositories.programmes.load(second))
            #expect(a.actions.map(\.title) == b.actions.map(\.title))
            #expect(Self.centsByYear(a) == Self.centsByYear(b))
            // The values chosen the first time (new services and places) are the same records now.
            #expect(Set(a.actions.compactMap(\.responsibleUnitID)) == Set(b.actions.compactMap(\.responsibleUnitID)))
            let third = await runCommand(app, "import", ["--programme", second.uuidString, Self.path("with-mapping-file-does-not-exist.csv"), "--mapping", "saved"])
            #expect(third.error != nil)
        }
    }

    @Test func aDryRunSavesNothingAndARefusalExitsNonZero() async throws {
        try await withApp(TestDatabase.sqliteFile()) { app in
            let id = try await Self.create(app, organisation: "Δήμος Αγιάς")
            let dry = await runCommand(app, "import", ["--programme", id.uuidString, Self.path("02-windows-1253.csv"), "--dry-run"])
            #expect(dry.error == nil)
            #expect(dry.output.contains("Κωδικοποίηση: Windows-1253"), "\(dry.output)")
            #expect(dry.output.contains("Δοκιμή: δεν αποθηκεύτηκε τίποτα"))
            #expect(try await app.repositories.programmes.load(id)?.actions.isEmpty == true)

            // No saved mapping for this header yet.
            let saved = await runCommand(app, "import", ["--programme", id.uuidString, Self.path("02-windows-1253.csv"), "--mapping", "saved", "--yes"])
            #expect(saved.error != nil)
            #expect(saved.output.contains("Δεν υπάρχει αποθηκευμένη αντιστοίχιση"), "\(saved.output)")

            // A row cut short: refused with its row, nothing written, non-zero exit.
            let cut = FileManager.default.temporaryDirectory.appendingPathComponent("orama-cut-\(UUID().uuidString).csv")
            defer { try? FileManager.default.removeItem(at: cut) }
            let whole = try String(contentsOfFile: Self.path("01-programme-utf8-bom.csv"), encoding: .utf8)
            let lines = whole.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
            try (lines.prefix(6).joined(separator: "\n") + "\n" + String(lines[6].prefix(30))).write(to: cut, atomically: true, encoding: .utf8)
            let refused = await runCommand(app, "import", ["--programme", id.uuidString, cut.path, "--yes"])
            #expect(refused.error != nil, "a refusal is a non-zero exit")
            #expect(refused.output.contains("Γραμμή 7"), "\(refused.output)")
            #expect(try await app.repositories.programmes.load(id)?.actions.isEmpty == true)
            #expect(try await app.repositories.reference.load(organisationID: try #require(try await app.repositories.programmes.load(id)).organisationID)?.units.isEmpty == true,
                    "no reference record was kept either")

            let both = await runCommand(app, "import", ["--programme", id.uuidString, Self.path("02-windows-1253.csv"), "--dry-run", "--yes"])
            #expect(both.error != nil)
            let badYears = await runCommand(app, "programme", ["create", "--organisation", "Δήμος Αγιάς", "--title", "Χ", "--start", "2028", "--end", "2024"])
            #expect(badYears.error.map { "\($0)" }?.contains("--end") == true, "\(String(describing: badYears.error))")
        }
    }
}
