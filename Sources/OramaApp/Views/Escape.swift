import Crypto
import Foundation
import OramaDomain
import Plot
import Vapor

/// Plot escapes text nodes but writes attribute values as they are, so every value that
/// may carry user input goes through here before it becomes an attribute.
enum Escape {
    static func attribute(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(ch)
            }
        }
        return out
    }
}
