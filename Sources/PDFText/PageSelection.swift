/// A set of 1-based pages such as `"1-11,18,20-22"`, kept in ascending order without duplicates.
public struct PageSelection: Hashable, Sendable, CustomStringConvertible {
    /// The selected pages, 1-based, ascending.
    public let pages: [Int]

    /// Every page of a document with `pageCount` pages.
    public static func all(_ pageCount: Int) -> PageSelection {
        PageSelection(pages: pageCount > 0 ? Array(1...pageCount) : [])
    }

    private init(pages: [Int]) { self.pages = pages }

    /// Parses a selection against a document of `pageCount` pages.
    ///
    /// Accepts comma-separated pages and inclusive ranges with whitespace anywhere between tokens.
    /// - Throws: ``PDFError`` `ERR::INPUT::BAD_PAGE_RANGE` when the text does not parse, a range runs backwards,
    ///   or a page lies outside `1...pageCount`.
    public init(parsing text: String, pageCount: Int) throws {
        var selected = Set<Int>()
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard !text.allSatisfy(\.isWhitespace) else {
            throw PDFError(.badPageRange, "empty page selection")
        }
        for rawPart in parts {
            let part = rawPart.filter { !$0.isWhitespace }
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count), bounds.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
                let first = Int(bounds[0]), let last = Int(bounds[bounds.count - 1])
            else {
                throw PDFError(.badPageRange, "cannot parse page selection part '\(rawPart)' in '\(text)'")
            }
            guard first >= 1, last >= first else {
                throw PDFError(.badPageRange, "page range '\(part)' must run forwards from page 1 on")
            }
            guard last <= pageCount else {
                throw PDFError(.badPageRange, "page \(last) is out of range: the document has \(pageCount) pages")
            }
            selected.formUnion(first...last)
        }
        pages = selected.sorted()
    }

    /// The canonical text form, e.g. `1-3,7`.
    public var description: String {
        var parts: [String] = []
        var index = 0
        while index < pages.count {
            var end = index
            while end + 1 < pages.count, pages[end + 1] == pages[end] + 1 { end += 1 }
            parts.append(end == index ? "\(pages[index])" : "\(pages[index])-\(pages[end])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }
}
