import Archives

/// Word files built in code as Word and LibreOffice write them: a package with `[Content_Types].xml`, the main
/// document, styles (built-in names, any style ids), numbering definitions and core properties.
struct DocxFixture {
    enum Part {
        case title(String)
        /// A heading paragraph by style id (`Heading1`, or a localised id such as `berschrift2`).
        case heading(String, style: String)
        case paragraph(String)
        /// A paragraph of the bulleted (`numId` 1) or decimal (`numId` 2) list at level `level` (0-based).
        case bullet(String, level: Int = 0)
        case numbered(String, level: Int = 0)
        /// A heading numbered through the `numId` 3 outline numbering (`1.`, `1.1`).
        case numberedHeading(String, level: Int)
        /// Rows of cells; a cell `"<<2>>text"` spans two grid columns, `"^^"` continues the cell above
        /// (`vMerge`), `"^text"` starts such a merge. `header` rows repeat as the table's header.
        case table([[String]], header: Int = 0)
        /// Raw body XML (tracked changes, content controls).
        case raw(String)
        case code(String)
    }

    var parts: [Part]
    var coreTitle: String?
    /// Style ids for the built-in heading names, so a localised Word file can be imitated.
    var headingIds = ["Heading1", "Heading2", "Heading3"]

    func bytes() throws -> [UInt8] {
        let namespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        let body = parts.map(xml).joined()
        let document =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document \(namespace)><w:body>\(body)"
            + "<w:sectPr/></w:body></w:document>"
        var styles = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles \(namespace)>"
        styles += style("Normal", name: "Normal")
        styles += style("Title", name: "Title", basedOn: "Normal")
        for (index, id) in headingIds.enumerated() {
            styles += style(id, name: "heading \(index + 1)", basedOn: "Normal", outline: index)
        }
        styles += style("ListParagraph", name: "List Paragraph", basedOn: "Normal")
        styles += style("SourceCode", name: "Source Text", basedOn: "Normal")
        styles += "</w:styles>"
        let numbering =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering \(namespace)>"
            + abstract(0, levels: [("bullet", "•"), ("bullet", "o")])
            + abstract(1, levels: [("decimal", "%1."), ("lowerLetter", "%2)")])
            + abstract(2, levels: [("decimal", "%1."), ("decimal", "%1.%2"), ("decimal", "%1.%2.%3")])
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
            + "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
            + "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/></w:num></w:numbering>"
        var entries = [
            ZipEntry(path: "[Content_Types].xml", bytes: Array("<?xml version=\"1.0\"?><Types/>".utf8)),
            ZipEntry(path: "word/document.xml", bytes: Array(document.utf8)),
            ZipEntry(path: "word/styles.xml", bytes: Array(styles.utf8)),
            ZipEntry(path: "word/numbering.xml", bytes: Array(numbering.utf8)),
        ]
        if let coreTitle {
            let core =
                "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(escape(coreTitle))</dc:title></cp:coreProperties>"
            entries.append(ZipEntry(path: "docProps/core.xml", bytes: Array(core.utf8)))
        }
        return try ZipWriter.archive(entries)
    }

    private func style(_ id: String, name: String, basedOn: String? = nil, outline: Int? = nil) -> String {
        var xml = "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
        if let basedOn { xml += "<w:basedOn w:val=\"\(basedOn)\"/>" }
        if let outline { xml += "<w:pPr><w:outlineLvl w:val=\"\(outline)\"/></w:pPr>" }
        return xml + "</w:style>"
    }

    private func abstract(_ id: Int, levels: [(format: String, text: String)]) -> String {
        var xml = "<w:abstractNum w:abstractNumId=\"\(id)\">"
        for (index, level) in levels.enumerated() {
            xml += "<w:lvl w:ilvl=\"\(index)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"\(level.format)\"/>"
            xml += "<w:lvlText w:val=\"\(level.text)\"/></w:lvl>"
        }
        return xml + "</w:abstractNum>"
    }

    private func paragraph(_ text: String, style: String? = nil, numId: Int? = nil, level: Int = 0) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if let numId { properties += "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(numId)\"/></w:numPr>" }
        // Text split over two runs, as Word does after an edit.
        let middle = text.index(text.startIndex, offsetBy: text.count / 2)
        return "<w:p>\(properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")"
            + "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">\(escape(String(text[..<middle])))</w:t></w:r>"
            + "<w:r><w:t xml:space=\"preserve\">\(escape(String(text[middle...])))</w:t></w:r></w:p>"
    }

    private func xml(_ part: Part) -> String {
        switch part {
        case .title(let text): return paragraph(text, style: "Title")
        case .heading(let text, let style): return paragraph(text, style: style)
        case .paragraph(let text): return paragraph(text)
        case .bullet(let text, let level): return paragraph(text, style: "ListParagraph", numId: 1, level: level)
        case .numbered(let text, let level): return paragraph(text, style: "ListParagraph", numId: 2, level: level)
        case .numberedHeading(let text, let level):
            return paragraph(text, style: headingIds[level], numId: 3, level: level)
        case .raw(let xml): return xml
        case .code(let text): return paragraph(text, style: "SourceCode")
        case .table(let rows, let header):
            var xml = "<w:tbl><w:tblPr/><w:tblGrid/>"
            for (index, row) in rows.enumerated() {
                xml += "<w:tr>" + (index < header ? "<w:trPr><w:tblHeader/></w:trPr>" : "")
                for cell in row {
                    var text = cell
                    var properties = ""
                    if text.hasPrefix("<<"), let close = text.firstRange(of: ">>") {
                        properties +=
                            "<w:gridSpan w:val=\"\(text[text.index(text.startIndex, offsetBy: 2)..<close.lowerBound])\"/>"
                        text = String(text[close.upperBound...])
                    }
                    if text == "^^" {
                        properties += "<w:vMerge/>"
                        text = ""
                    } else if text.hasPrefix("^") {
                        properties += "<w:vMerge w:val=\"restart\"/>"
                        text = String(text.dropFirst())
                    }
                    xml += "<w:tc><w:tcPr>\(properties)</w:tcPr>\(paragraph(text.isEmpty ? " " : text))</w:tc>"
                }
                xml += "</w:tr>"
            }
            return xml + "</w:tbl>"
        }
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
