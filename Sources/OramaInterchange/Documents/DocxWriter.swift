import Foundation

/// WordprocessingML (ECMA-376) written by hand: real Heading 1–3 styles with outline levels,
/// a TOC field Word fills in on opening, tables whose first row repeats on every page, the
/// municipality's name in the page header and «Σελίδα X από Y» in the footer. A4 portrait.
public enum DocxWriter {
    public static func data(_ document: OfficialDocument) throws -> Data {
        try ZipPackage.make([
            ("[Content_Types].xml", Data(contentTypes.utf8)),
            ("_rels/.rels", Data(rootRels.utf8)),
            ("docProps/core.xml", Data(core(document).utf8)),
            ("word/_rels/document.xml.rels", Data(documentRels.utf8)),
            ("word/document.xml", Data(body(document).utf8)),
            ("word/styles.xml", Data(styles.utf8)),
            ("word/settings.xml", Data(settings.utf8)),
            ("word/header1.xml", Data(header(document).utf8)),
            ("word/footer1.xml", Data(footer.utf8)),
        ])
    }

    /// The width between the margins of A4 with 2 cm margins, in twentieths of a point.
    static let textWidth = 11906 - 2 * 1134

    static func run(_ text: String, bold: Bool = false, size: Int? = nil) -> String {
        var props = ""
        if bold { props += "<w:b/>" }
        if let size { props += #"<w:sz w:val="\#(size)"/>"# }
        let rPr = props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>"
        // Line breaks inside a paragraph become <w:br/>.
        let lines = text.components(separatedBy: "\n")
        return lines.enumerated().map { n, line in
            (n > 0 ? "<w:r>\(rPr)<w:br/></w:r>" : "") + #"<w:r>\#(rPr)<w:t xml:space="preserve">\#(XMLText.escape(line))</w:t></w:r>"#
        }.joined()
    }

    static func paragraph(_ text: String, style: String? = nil, align: String? = nil, bold: Bool = false, keepNext: Bool = false) -> String {
        var pPr = ""
        if let style { pPr += #"<w:pStyle w:val="\#(style)"/>"# }
        if keepNext { pPr += "<w:keepNext/>" }
        if let align { pPr += #"<w:jc w:val="\#(align)"/>"# }
        return "<w:p>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + run(text, bold: bold) + "</w:p>"
    }

    static func table(_ t: OfficialDocument.Table) -> String {
        let weights = t.columns.map { max(1, $0.weight) }
        let total = weights.reduce(0, +)
        let widths = weights.map { textWidth * $0 / max(1, total) }
        var xml = paragraph(t.caption, style: "Caption", keepNext: true)
        xml += #"<w:tbl><w:tblPr><w:tblStyle w:val="OramaTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>"#
        xml += "<w:tblGrid>" + widths.map { #"<w:gridCol w:w="\#($0)"/>"# }.joined() + "</w:tblGrid>"
        func row(_ cells: [String], header: Bool = false, bold: Bool = false) -> String {
            var r = "<w:tr>"
            if header { r += "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" } else { r += "<w:trPr><w:cantSplit/></w:trPr>" }
            for (n, column) in t.columns.enumerated() {
                let text = n < cells.count ? cells[n] : ""
                r += #"<w:tc><w:tcPr><w:tcW w:w="\#(widths[n])" w:type="dxa"/>\#(header ? #"<w:shd w:val="clear" w:color="auto" w:fill="E8EEF4"/>"# : "")</w:tcPr>"#
                r += #"<w:p><w:pPr><w:pStyle w:val="TableText"/>\#(column.numeric ? #"<w:jc w:val="right"/>"# : "")</w:pPr>\#(run(text, bold: header || bold))</w:p></w:tc>"#
            }
            return r + "</w:tr>"
        }
        xml += row(t.columns.map(\.header), header: true)
        for cells in t.rows { xml += row(cells) }
        if let total = t.total { xml += row(total, bold: true) }
        if t.rows.isEmpty && t.total == nil {
            xml += "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"\(t.columns.count)\"/></w:tcPr>" + paragraph("Καμία εγγραφή.", style: "TableText") + "</w:tc></w:tr>"
        }
        xml += "</w:tbl>"
        return xml + paragraph("")
    }

    static func body(_ d: OfficialDocument) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#
        xml += paragraph(d.organisation, style: "Subtitle")
        xml += paragraph(d.title, style: "Title")
        if !d.subtitle.isEmpty { xml += paragraph(d.subtitle, style: "Subtitle") }
        for block in d.blocks {
            switch block {
            case .heading(let level, let text):
                xml += paragraph(text, style: "Heading\(min(3, max(1, level)))")
            case .paragraph(let text):
                xml += paragraph(text)
            case .bullets(let items):
                for item in items { xml += paragraph("•\t" + item, style: "ListBullet") }
            case .table(let t):
                xml += table(t)
            case .pageBreak:
                xml += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
            case .tableOfContents:
                // A TOC field whose current result already lists the headings (without page
                // numbers), so that a reader that does not update fields still shows them;
                // Word fills in the page numbers when the file opens (`updateFields`).
                xml += paragraph("Περιεχόμενα", style: "TOCHeading")
                let entries = d.headings.isEmpty ? [(level: 1, text: "—")] : d.headings
                for (n, entry) in entries.enumerated() {
                    xml += #"<w:p><w:pPr><w:pStyle w:val="TOC\#(min(3, max(1, entry.level)))"/></w:pPr>"#
                    if n == 0 {
                        xml += #"<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
                    }
                    xml += run(entry.text)
                    if n == entries.count - 1 { xml += #"<w:r><w:fldChar w:fldCharType="end"/></w:r>"# }
                    xml += "</w:p>"
                }
            }
        }
        xml += #"<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>"#
        return xml + "</w:body></w:document>"
    }

    static func header(_ d: OfficialDocument) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
            + paragraph(d.organisation + " · " + d.title, style: "Header", align: "right") + "</w:hdr>"
    }

    static let footer = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">Σελίδα </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> από </w:t></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>"#

    static func core(_ d: OfficialDocument) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + "<dc:title>\(XMLText.escape(d.title))</dc:title><dc:creator>\(XMLText.escape(d.organisation))</dc:creator><dc:language>el-GR</dc:language></cp:coreProperties>"
    }

    static let contentTypes = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#

    static let rootRels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#

    static let documentRels = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#

    static let settings = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:updateFields w:val="true"/><w:defaultTabStop w:val="360"/><w:characterSpacingControl w:val="doNotCompress"/><w:themeFontLang w:val="el-GR"/></w:settings>"#

    static let styles: String = {
        func heading(_ n: Int, size: Int, before: Int) -> String {
            #"<w:style w:type="paragraph" w:styleId="Heading\#(n)"><w:name w:val="heading \#(n)"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="\#(before)" w:after="120"/><w:outlineLvl w:val="\#(n - 1)"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3A5F"/><w:sz w:val="\#(size)"/></w:rPr></w:style>"#
        }
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#
        xml += #"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:eastAsia="Arial"/><w:sz w:val="21"/><w:lang w:val="el-GR"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
        xml += #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#
        xml += #"<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="240" w:after="120"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3A5F"/><w:sz w:val="40"/></w:rPr></w:style>"#
        xml += #"<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="44546A"/><w:sz w:val="26"/></w:rPr></w:style>"#
        xml += heading(1, size: 32, before: 360) + heading(2, size: 26, before: 240) + heading(3, size: 22, before: 200)
        xml += #"<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>"#
        for level in 1...3 {
            xml += #"<w:style w:type="paragraph" w:styleId="TOC\#(level)"><w:name w:val="toc \#(level)"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:spacing w:after="40"/><w:ind w:left="\#((level - 1) * 360)"/></w:pPr></w:style>"#
        }
        xml += #"<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/></w:pPr><w:rPr><w:b/><w:i/><w:sz w:val="19"/></w:rPr></w:style>"#
        xml += #"<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:style>"#
        xml += #"<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="17"/></w:rPr></w:style>"#
        xml += #"<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="44546A"/><w:sz w:val="16"/></w:rPr></w:style>"#
        xml += #"<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>"#
        xml += #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
        xml += #"<w:style w:type="table" w:styleId="OramaTable"><w:name w:val="Orama Table"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="8EA3B8"/><w:left w:val="single" w:sz="4" w:space="0" w:color="8EA3B8"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="8EA3B8"/><w:right w:val="single" w:sz="4" w:space="0" w:color="8EA3B8"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="8EA3B8"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="8EA3B8"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
        return xml + "</w:styles>"
    }()
}
