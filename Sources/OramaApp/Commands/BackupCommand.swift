import Foundation
import OramaDomain
import Vapor

/// A refusal of the backup or restore command, said in Greek (a non-zero exit).
struct MaintenanceError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// `orama backup FILE`: a consistent copy of the SQLite database while the server runs and
/// writes (`VACUUM INTO` reads one snapshot: every write committed before it began, none
/// half-done), checked with `PRAGMA integrity_check` before it is reported. On PostgreSQL the
/// copy is `pg_dump`'s job; the command checks the server answers and says how.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Το αρχείο του αντιγράφου (δεν πρέπει να υπάρχει ήδη)")
        var file: String
    }

    var help: String { "Αντίγραφο ασφαλείας της βάσης: orama backup FILE" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let maintenance = DatabaseMaintenance(db: app.db)
        switch app.databaseChoice {
        case .postgres:
            let version: String
            do {
                version = try await maintenance.serverVersion()
            } catch {
                throw MaintenanceError("Ο διακομιστής PostgreSQL του DATABASE_URL δεν απαντά (\(String(describing: error).prefix(200))).")
            }
            throw MaintenanceError("""
            Η βάση είναι PostgreSQL (\(version.prefix(40))…, απαντά): το αντίγραφο το παίρνει το pg_dump, π.χ.
              pg_dump --format=custom --file=\(signature.file) "$DATABASE_URL"
            και επαναφέρεται με pg_restore --clean --dbname="$DATABASE_URL" \(signature.file).
            """)
        case .sqlite(let live):
            let target = URL(fileURLWithPath: signature.file).standardizedFileURL.path
            guard target != URL(fileURLWithPath: live).standardizedFileURL.path else {
                throw MaintenanceError("Το αντίγραφο δεν μπορεί να γραφτεί πάνω στην ίδια τη βάση (\(live)).")
            }
            guard !FileManager.default.fileExists(atPath: target) else {
                throw MaintenanceError("Το αρχείο \(target) υπάρχει ήδη· δώστε νέο όνομα (ένα αντίγραφο δεν αντικαθίσταται).")
            }
            try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: target).deletingLastPathComponent().path, withIntermediateDirectories: true)
            try await maintenance.copy(to: target)
            let check = try await SQLiteFileCheck.run(target)
            guard check.isIntact else {
                throw MaintenanceError("Το αντίγραφο \(target) γράφτηκε αλλά δεν περνά τον έλεγχο ακεραιότητας: \(check.integrity.prefix(200)).")
            }
            context.console.print("Αντίγραφο ασφαλείας: \(target) (\(check.sizeDescription)) · έλεγχος ακεραιότητας: ok · \(check.counts).")
        }
    }
}

/// `orama restore FILE [--force]`: puts a backup in place of the SQLite database, after
/// checking it is whole and is Orama's. A database that holds any municipality or programme
/// is not overwritten without `--force` (stop the server first: it keeps the file open).
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Το αντίγραφο που θα επαναφερθεί")
        var file: String
        @Flag(name: "force", help: "Αντικατάσταση βάσης που έχει ήδη δεδομένα")
        var force: Bool
    }

    var help: String { "Επαναφορά αντιγράφου ασφαλείας: orama restore FILE [--force]" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard case .sqlite(let live) = app.databaseChoice else {
            throw MaintenanceError("Η βάση είναι PostgreSQL: η επαναφορά γίνεται με pg_restore --clean --dbname=\"$DATABASE_URL\" \(signature.file).")
        }
        let source = URL(fileURLWithPath: signature.file).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: source) else { throw MaintenanceError("Δεν υπάρχει το αρχείο \(source).") }
        let check: SQLiteFileCheck
        do {
            check = try await SQLiteFileCheck.run(source)
        } catch {
            throw MaintenanceError("Το \(source) δεν είναι βάση SQLite που ανοίγει (\(String(describing: error).prefix(200))).")
        }
        guard check.isIntact else { throw MaintenanceError("Το \(source) δεν περνά τον έλεγχο ακεραιότητας: \(check.integrity.prefix(200)).") }
        guard check.isOrama else { throw MaintenanceError("Το \(source) δεν είναι αντίγραφο βάσης του Orama (λείπουν οι πίνακες των προγραμμάτων).") }

        let (organisations, programmes) = try await DatabaseMaintenance(db: app.db).contents()
        if programmes + organisations > 0 && !signature.force {
            throw MaintenanceError("Η βάση \(live) έχει ήδη δεδομένα (\(Plural.count(organisations, ("δήμος", "δήμοι"), ("municipality", "municipalities"), .el)), \(Plural.count(programmes, ("πρόγραμμα", "προγράμματα"), ("programme", "programmes"), .el))) και δεν αντικαθίσταται χωρίς --force. Σταματήστε πρώτα τον διακομιστή.")
        }
        // The copy goes beside the database first, then takes its name in one step; the old
        // write-ahead log must go with the old file, or SQLite would replay it into the new one.
        let staging = live + ".restoring"
        try? FileManager.default.removeItem(atPath: staging)
        try FileManager.default.copyItem(atPath: source, toPath: staging)
        await app.databases.shutdownAsync()
        for suffix in ["-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: live + suffix) }
        // rename(2): the database is the old file or the new one, never half of either.
        guard rename(staging, live) == 0 else {
            throw MaintenanceError("Το αντίγραφο αντιγράφηκε στο \(staging) αλλά δεν πήρε τη θέση του \(live) (σφάλμα \(errno)).")
        }
        context.console.print("Επαναφέρθηκε το \(source) στη βάση \(live) (\(check.counts)). Ξεκινήστε τον διακομιστή.")
    }
}

extension SQLiteFileCheck {
    var sizeDescription: String { bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(max(1, bytes >> 10)) KB" }
    var counts: String {
        "\(Plural.count(programmes, ("πρόγραμμα", "προγράμματα"), ("programme", "programmes"), .el)), \(Plural.count(auditEntries, ("εγγραφή", "εγγραφές"), ("entry", "entries"), .el)) στο ημερολόγιο αλλαγών"
    }
}
