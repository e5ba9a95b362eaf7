internal import CXML2

/// Reading libxml2 nodes: names, attributes and text, with the library's memory handled here.
enum HTMLNode {
    /// The element's name in lower case.
    static func name(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    /// A text node's own content.
    static func content(_ node: xmlNodePtr) -> String {
        guard let content = node.pointee.content else { return "" }
        return String(cString: content)
    }

    /// Every text below `node`, scripts and styles left out, whitespace collapsed. Iterative: depth costs nothing.
    static func text(_ node: xmlNodePtr) -> String {
        rawText(node, separatingBlocks: true).collapsingWhitespace
    }

    /// Every text below `node` as written (a `pre` block). `separatingBlocks` puts a space where a block or a line
    /// break ends, so cells and items do not run words together.
    static func rawText(_ node: xmlNodePtr, separatingBlocks: Bool = false) -> String {
        var text = ""
        var stack: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child { stack.append(current); child = current.pointee.next }
        stack.reverse()
        while let current = stack.popLast() {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                text += content(current)
            case XML_ELEMENT_NODE:
                let name = name(current)
                if HTMLWalker.dropped.contains(name) || isHidden(current) { continue }
                if separatingBlocks,
                    name == "br" || HTMLWalker.blockElements.contains(name) || name == "li"
                        || name == "td" || name == "th" || name == "dt" || name == "dd" || name.first == "h"
                {
                    text += " "
                }
                if !separatingBlocks, name == "br" { text += "\n" }
                var children: [xmlNodePtr] = []
                var next = current.pointee.children
                while let grandchild = next { children.append(grandchild); next = grandchild.pointee.next }
                stack.append(contentsOf: children.reversed())
            default:
                continue
            }
        }
        return text
    }

    /// An attribute's value, nil when absent.
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { skillspool_xml_free(value) }
        return String(cString: value)
    }

    /// `hidden`, `aria-hidden="true"` or an inline `display:none`: not shown, so not read.
    static func isHidden(_ node: xmlNodePtr) -> Bool {
        if xmlHasProp(node, "hidden") != nil { return true }
        if attribute(node, "aria-hidden")?.lowercased() == "true" { return true }
        if let style = attribute(node, "style")?.lowercased().filter({ !$0.isWhitespace }),
            style.contains("display:none") || style.contains("visibility:hidden")
        {
            return true
        }
        return false
    }

    /// The element children of `node`, in order.
    static func elements(of node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }
}
