import Foundation

/// A document of the programme in the structure of ΥΑ 41179/2014, independent of its file
/// format: headings (which Word turns into a table of contents), paragraphs, lists and
/// tables whose header rows repeat on every page. `DocxWriter` and `PrintHTML` render it.
public struct OfficialDocument: Sendable {
    public struct Column: Sendable, Hashable {
        public var header: String
        /// Right-aligned (amounts, counts, percentages).
        public var numeric: Bool
        /// Relative width.
        public var weight: Int
        public init(_ header: String, numeric: Bool = false, weight: Int = 2) {
            self.header = header
            self.numeric = numeric
            self.weight = weight
        }
    }

    public struct Table: Sendable {
        public var caption: String
        public var columns: [Column]
        public var rows: [[String]]
        /// A closing row in bold (totals), if any.
        public var total: [String]?
        public init(caption: String, columns: [Column], rows: [[String]], total: [String]? = nil) {
            self.caption = caption
            self.columns = columns
            self.rows = rows
            self.total = total
        }
    }

    public enum Block: Sendable {
        case heading(level: Int, text: String)
        case paragraph(String)
        case bullets([String])
        case table(Table)
        case tableOfContents
        case pageBreak
    }

    /// The municipality, printed at the top of every page.
    public var organisation: String
    public var title: String
    public var subtitle: String
    public var blocks: [Block]

    public init(organisation: String, title: String, subtitle: String, blocks: [Block]) {
        self.organisation = organisation
        self.title = title
        self.subtitle = subtitle
        self.blocks = blocks
    }

    public var headings: [(level: Int, text: String)] {
        blocks.compactMap { if case .heading(let level, let text) = $0 { (level, text) } else { nil } }
    }

    public var tables: [Table] {
        blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }
}
