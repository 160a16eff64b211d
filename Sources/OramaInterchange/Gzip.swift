import Foundation
import ZIPFoundation

/// gzip (RFC 1952) of a whole body: ZIPFoundation's raw deflate between gzip's header and
/// its trailer (CRC-32 and length). For bytes rendered once and sent many times.
public enum Gzip {
    public static func compress(_ data: Data) throws -> Data {
        // Magic, deflate, no flags, no time, no extra flags, unknown system.
        var out = Data([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff])
        let crc = try Data.compress(size: Int64(data.count), bufferSize: 64 * 1024, provider: { position, size in
            let start = Int(position)
            return data.subdata(in: start..<min(start + size, data.count))
        }, consumer: { chunk in out.append(chunk) })
        for value in [crc, UInt32(truncatingIfNeeded: data.count)] {
            withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
        }
        return out
    }
}
