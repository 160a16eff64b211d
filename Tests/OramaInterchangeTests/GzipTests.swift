import Foundation
import OramaInterchange
import Testing

@Suite struct GzipTests {
    /// What a client unpacks: the system's gzip reads the bytes back exactly.
    @Test func gzipReadsBackWhatWasCompressed() throws {
        let text = String(repeating: "Επιχειρησιακό Πρόγραμμα Δήμου Κιλελέρ 2024–2028 · ", count: 4_000) + "τέλος"
        let original = Data(text.utf8)
        let packed = try Gzip.compress(original)
        #expect(packed.count < original.count / 10)
        #expect(Array(packed.prefix(3)) == [0x1f, 0x8b, 0x08])

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -dc"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(packed)
        try input.fileHandleForWriting.close()
        let unpacked = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(unpacked == original)
    }

    @Test func anEmptyBodyIsAValidStream() throws {
        let packed = try Gzip.compress(Data())
        #expect(packed.count == 20)
        #expect(Array(packed.suffix(8)) == [0, 0, 0, 0, 0, 0, 0, 0])
    }
}
