internal import CXML2

/// Reads HTML with libxml2's HTML parser (the one browsers' error recovery is modelled on in spirit: unclosed
/// tags, stray end tags and bad nesting are mended, never refused) and walks the tree into ``MarkupBlock``s:
/// headings, paragraphs, lists, tables with spans, code blocks and definition lists. Scripts, styles, templates,
/// navigation and hidden elements are dropped.
public enum HTMLReader {
    /// Parses `bytes` (any encoding libxml2 detects from a BOM or a `<meta charset>`; UTF-8 when neither says).
    /// - Throws: ``MarkupError`` `EMPTY` when nothing could be parsed.
    public static func read(_ bytes: [UInt8]) throws -> MarkupSource {
        let declaresCharset = declaresEncoding(bytes)
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue
        )
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                htmlReadMemory(base, Int32(clamping: buffer.count), nil, declaresCharset ? nil : "UTF-8", options)
            }
        }
        guard let document = parsed else { throw MarkupError(.empty, "no HTML could be read from the file") }
        defer { xmlFreeDoc(document) }
        var walker = HTMLWalker()
        var node = document.pointee.children
        while let current = node {
            walker.visit(current, depth: 0)
            node = current.pointee.next
        }
        walker.flush()
        return MarkupSource(title: walker.documentTitle, blocks: walker.blocks)
    }

    /// Whether the first 2 KB carry a byte-order mark or a `charset=` declaration, which libxml2 honours.
    static func declaresEncoding(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE])
            || bytes.starts(with: [0xFE, 0xFF])
        {
            return true
        }
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        return head.contains("charset=") || head.contains("charset =")
    }
}

/// The tree walk behind ``HTMLReader``: inline text gathers in a buffer that block boundaries flush.
struct HTMLWalker {
    private(set) var blocks: [MarkupBlock] = []
    private(set) var documentTitle: String?
    private var inline = ""
    /// The list item whose first text is being gathered.
    private var pendingItem: (level: Int, marker: String)?
    private var lists: [(ordered: Bool, next: Int, style: String)] = []

    /// Nesting beyond this is read as flat text: libxml2 keeps deep trees, this walk recurses.
    static let maxDepth = 192

    static let dropped: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "nav",
        "button", "select", "option", "textarea", "input", "head", "video", "audio", "map",
    ]
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "figure", "figcaption",
        "address", "center", "form", "fieldset", "legend", "details", "summary", "hr", "body", "html", "caption",
    ]

    mutating func visit(_ node: xmlNodePtr, depth: Int) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            appendInline(HTMLNode.content(node))
        case XML_ELEMENT_NODE:
            element(node, name: HTMLNode.name(node), depth: depth)
        default:
            break
        }
    }

    private mutating func element(_ node: xmlNodePtr, name: String, depth: Int) {
        if name == "title", documentTitle == nil {
            documentTitle = HTMLNode.text(node).nonEmpty
            return
        }
        if name == "head" {
            // Only the title is read from the head.
            var child = node.pointee.children
            while let current = child {
                if HTMLNode.name(current) == "title" { element(current, name: "title", depth: depth + 1) }
                child = current.pointee.next
            }
            return
        }
        if Self.dropped.contains(name) || HTMLNode.isHidden(node) { return }
        if depth > Self.maxDepth {
            appendInline(HTMLNode.text(node))
            return
        }
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            flush()
            if let text = HTMLNode.text(node).nonEmpty {
                blocks.append(.heading(level: Int(String(name.dropFirst())) ?? 1, text: text))
            }
        case "br":
            flush()
        case "pre":
            flush()
            let text = HTMLNode.rawText(node)
            if !text.allSatisfy(\.isWhitespace) { blocks.append(.code(text.trimmingTrailingNewlines)) }
        case "ul", "ol", "menu":
            flush()
            let start = HTMLNode.attribute(node, "start").flatMap { Int($0) } ?? 1
            let style = HTMLNode.attribute(node, "type") ?? (name == "ol" ? "1" : "")
            lists.append((ordered: name == "ol", next: start, style: style))
            children(of: node, depth: depth)
            flush()
            lists.removeLast()
        case "li":
            flush()
            pendingItem = (level: max(lists.count, 1), marker: nextMarker(value: HTMLNode.attribute(node, "value")))
            children(of: node, depth: depth)
            flush()
            pendingItem = nil
        case "dl":
            flush()
            definitions(node)
        case "table":
            flush()
            let (caption, table) = HTMLTableReader.read(node)
            if let caption { blocks.append(.paragraph(caption)) }
            if !table.rows.isEmpty { blocks.append(.table(table)) }
        default:
            let isBlock = Self.blockElements.contains(name)
            if isBlock { flush() }
            children(of: node, depth: depth)
            if isBlock { flush() }
        }
    }

    private mutating func children(of node: xmlNodePtr, depth: Int) {
        var child = node.pointee.children
        while let current = child {
            visit(current, depth: depth + 1)
            child = current.pointee.next
        }
    }

    /// `dt`/`dd` pairs as key/values; a `dd` without a term is a paragraph.
    private mutating func definitions(_ node: xmlNodePtr) {
        var term: String?
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            guard current.pointee.type == XML_ELEMENT_NODE else { continue }
            let text = HTMLNode.text(current)
            switch HTMLNode.name(current) {
            case "dt":
                if let pending = term { blocks.append(.paragraph(pending)) }
                term = text.nonEmpty
            case "dd":
                if let key = term {
                    blocks.append(.keyValue(key: key, value: text))
                    term = nil
                } else if let value = text.nonEmpty {
                    blocks.append(.paragraph(value))
                }
            default:
                if let value = text.nonEmpty { blocks.append(.paragraph(value)) }
            }
        }
        if let pending = term { blocks.append(.paragraph(pending)) }
    }

    /// The marker of the next item of the innermost list.
    private mutating func nextMarker(value: String?) -> String {
        guard let index = lists.indices.last else { return "•" }
        guard lists[index].ordered else { return lists.count > 1 ? "◦" : "•" }
        let number = value.flatMap { Int($0) } ?? lists[index].next
        lists[index].next = number + 1
        return ListNumbering(style: lists[index].style).marker(number)
    }

    private mutating func appendInline(_ text: String) {
        guard !text.isEmpty else { return }
        inline += text
    }

    /// Ends the text gathered so far: a list item's text when an item is open, else a paragraph.
    mutating func flush() {
        let text = inline.collapsingWhitespace
        inline = ""
        guard !text.isEmpty else { return }
        if let item = pendingItem {
            blocks.append(.listItem(level: item.level, marker: item.marker, text: text))
            pendingItem = nil
        } else {
            blocks.append(.paragraph(text))
        }
    }
}
