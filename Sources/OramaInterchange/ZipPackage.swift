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

    /// The files of a ZIP by path. Refuses archives that unpack beyond `limit` bytes in all
    /// (a spreadsheet of a few thousand rows is a few megabytes; a ZIP bomb is not).
    public static func read(_ data: Data, limit: Int = 64 << 20) throws -> [String: Data] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw Problem(description: "δεν είναι αρχείο ZIP")
        }
        var files: [String: Data] = [:]
        var total = 0
        for entry in archive where entry.type == .file {
            total += Int(clamping: entry.uncompressedSize)
            guard total <= limit else { throw Problem(description: "αποσυμπιέζεται σε περισσότερα από \(limit >> 20) MB") }
            var bytes = Data()
            do {
                _ = try archive.extract(entry) { chunk in
                    bytes.append(chunk)
                    if bytes.count > limit { throw Problem(description: "ένα μέρος του αποσυμπιέζεται σε περισσότερα από όσα δηλώνει") }
                }
            } catch let problem as Problem { throw problem } catch {
                throw Problem(description: "είναι κατεστραμμένο (\(entry.path))")
            }
            files[entry.path] = bytes
        }
        return files
    }
}
