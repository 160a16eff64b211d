import Crypto
import Foundation
import OramaDomain
import Plot
import Vapor

/// A short, stable digest of a value as the user saw it, for conflict checks.
enum Fingerprint {
    static func of<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(value)) ?? Data()
        return SHA256.hash(data: data).prefix(12).map { String(format: "%02x", $0) }.joined()
    }
}
