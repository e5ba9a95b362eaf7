import Archives
internal import CXML2

/// Reads a Word file (Office Open XML, `.docx`): the package through libarchive, its parts through libxml2.
/// Paragraph styles give headings (their outline level, inherited through `basedOn`, or the built-in
/// `heading N`/`Title` names Word writes in every language), numbering definitions give list markers and
/// numbered headings, tables keep `gridSpan` and `vMerge` spans and their repeated header rows. Tracked deletions
/// are left out, insertions kept; text in content controls, hyperlinks and fields is read.
public enum DocxReader {
    /// Parts read from the package; every other member (images, fonts) is skipped unread.
    static let parts: Set<String> = [
        "word/document.xml", "word/styles.xml", "word/numbering.xml", "docProps/core.xml",
    ]

    public static func read(_ bytes: [UInt8]) throws -> MarkupSource {
        let limits = ArchiveLimits(maxMembers: 5_000, maxTotalBytes: 256 << 20)
        let members: [ArchiveMember]
        do {
            members = try ArchiveReader.withArchive(bytes: bytes) {
                try $0.readMembers(limits: limits) { parts.contains($0) }
            }
        } catch let error as ArchiveError where error.code == .tooLarge || error.code == .tooManyMembers {
            throw MarkupError(.tooLarge, "the Word package is too large: \(error.message)")
        } catch let error as ArchiveError {
            throw MarkupError(.damaged, "the Word package cannot be read: \(error.message)")
        }
        func part(_ name: String) -> [UInt8]? { members.first { $0.rawPath == name && $0.kind == .file }?.bytes }
        guard let body = part("word/document.xml") else {
            throw MarkupError(.damaged, "the Word package has no word/document.xml")
        }
        let styles = try part("word/styles.xml").map { try XMLPart.parse($0) }
        let numbering = try part("word/numbering.xml").map { try XMLPart.parse($0) }
        let core = try part("docProps/core.xml").map { try XMLPart.parse($0) }
        let document = try XMLPart.parse(body)
        var walker = DocxWalker(
            styles: DocxStyles(styles?.root),
            numbering: DocxNumbering(numbering?.root)
        )
        if let root = document.root, let bodyNode = XMLPart.child(root, "body") { walker.blockContainer(bodyNode) }
        let title = core?.root.flatMap { XMLPart.child($0, "title") }.map { HTMLNode.text($0) }
        return MarkupSource(title: title?.nonEmpty, blocks: walker.blocks)
    }
}

/// One parsed XML part of a package, freed with it.
final class XMLPart {
    let document: xmlDocPtr

    private init(_ document: xmlDocPtr) { self.document = document }
    deinit { xmlFreeDoc(document) }

    var root: xmlNodePtr? { xmlDocGetRootElement(document) }

    /// Parses without network access and without a DTD: Word never writes one, and refusing it rules out entity
    /// expansion attacks (`<!ENTITY>` bombs, external entities) before the parser sees them.
    static func parse(_ bytes: [UInt8]) throws -> XMLPart {
        if InternalSearch.contains(bytes.prefix(4_096), Array("<!DOCTYPE".utf8)) {
            throw MarkupError(.damaged, "a Word part declares a DTD, which Word never writes")
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(clamping: buffer.count), nil, nil, options)
            }
        }
        guard let parsed else { throw MarkupError(.damaged, "a Word part is not well-formed XML") }
        return XMLPart(parsed)
    }

    /// The first element child of `node` with local name `name`.
    static func child(_ node: xmlNodePtr, _ name: String) -> xmlNodePtr? {
        HTMLNode.elements(of: node).first { localName($0) == name }
    }

    /// Element children with local name `name`.
    static func children(_ node: xmlNodePtr, _ name: String) -> [xmlNodePtr] {
        HTMLNode.elements(of: node).filter { localName($0) == name }
    }

    /// The element's name without its namespace prefix (libxml2 keeps the prefix apart).
    static func localName(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// A `w:val`-style attribute by local name, whatever its prefix.
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var property = node.pointee.properties
        while let current = property {
            if let attributeName = current.pointee.name, String(cString: attributeName) == name,
                let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
            {
                defer { skillspool_xml_free(value) }
                return String(cString: value)
            }
            property = current.pointee.next
        }
        return nil
    }

    /// `<w:x w:val="v"/>`'s value for the child `name` of `node`.
    static func value(_ node: xmlNodePtr?, _ name: String) -> String? {
        node.flatMap { child($0, name) }.flatMap { attribute($0, "val") }
    }
}

/// Byte search used before parsing.
enum InternalSearch {
    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count, let first = needle.first else { return false }
        var index = haystack.startIndex
        while index <= haystack.endIndex - needle.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
