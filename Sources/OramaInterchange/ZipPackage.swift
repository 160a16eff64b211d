import Foundation
import ZIPFoundation

/// ZIP containers in memory: DOCX and XLSX are ZIPs of XML parts, and so is the open-data
/// download. Entries are deflated and dated to a fixed moment, so the same content gives the
/// same bytes (stable ETags, comparable test files).
public enum ZipPackage {
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// 1 January 2020, 00:00 UTC: a fixed timestamp for every entry.
    static let entryDate = Date(timeIntervalSince1970: 1_577_836_800)

    public static func make(_ entries: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in entries {
            let bytes = entry.data
            try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: entryDate,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<min(bytes.count, Int(position) + size))
            }
        }
        guard let data = archive.data else { throw Problem(description: "το αρχείο ZIP δεν γράφτηκε") }
        return data
    }

    /// The files of a ZIP by path (only `paths`, when given). Refuses archives whose parts
    /// unpack beyond `limit` bytes in all, counting the bytes actually unpacked — not the sizes
    /// the archive declares, which a hostile file can set to anything.
    public static func read(_ data: Data, only paths: Set<String>? = nil, limit: Int = 64 << 20) throws -> [String: Data] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw Problem(description: "δεν είναι αρχείο ZIP")
        }
        var files: [String: Data] = [:]
        var total = 0
        for entry in archive where entry.type == .file {
            if let paths, !paths.contains(entry.path) { continue }
            var bytes = Data()
            do {
                _ = try archive.extract(entry) { chunk in
                    total += chunk.count
                    if total > limit { throw Problem(description: "αποσυμπιέζεται σε περισσότερα από \(limit >> 20) MB") }
                    bytes.append(chunk)
                }
            } catch let problem as Problem { throw problem } catch {
                throw Problem(description: "είναι κατεστραμμένο (\(entry.path))")
            }
            guard UInt64(bytes.count) == entry.uncompressedSize else { throw Problem(description: "είναι κατεστραμμένο (\(entry.path))") }
            files[entry.path] = bytes
        }
        return files
    }
}
