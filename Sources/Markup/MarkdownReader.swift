internal import CCmark

#if canImport(Glibc)
    import Glibc
#endif

/// Reads CommonMark with GitHub's extensions (tables, strikethrough, autolinks, task lists) through cmark-gfm,
/// renders it to HTML and reads that with ``HTMLReader``: one tree walk serves both, and HTML written inside the
/// Markdown (a table, a `<details>`) is read like any other. A YAML front matter block gives the title.
public enum MarkdownReader {
    public static func read(_ bytes: [UInt8]) throws -> MarkupSource {
        let (frontMatter, body) = FrontMatter.split(bytes)
        cmark_gfm_core_extensions_ensure_registered()
        // UNSAFE keeps raw HTML (it is read, never served); VALIDATE_UTF8 replaces invalid sequences.
        let options = Int32(CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES)
        guard let parser = cmark_parser_new(options) else {
            throw MarkupError(.empty, "the Markdown parser could not be created")
        }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let extensionHandle = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionHandle)
            }
        }
        body.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { throw MarkupError(.empty, "no Markdown could be read") }
        defer { cmark_node_free(root) }
        guard let rendered = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else {
            throw MarkupError(.empty, "the Markdown could not be rendered")
        }
        defer { free(rendered) }
        let html =
            Array("<html><head><meta charset=\"utf-8\"></head><body>".utf8)
            + Array(UnsafeRawBufferPointer(start: rendered, count: strlen(rendered))) + Array("</body></html>".utf8)
        var source = try HTMLReader.read(html)
        source.title = frontMatter["title"] ?? source.title
        return source
    }
}

/// A `---` block of `key: value` lines at the very start of a Markdown file (Jekyll, Hugo, MkDocs).
enum FrontMatter {
    /// The front matter's plain `key: value` pairs and the bytes after it (lines split on LF, a CR before it
    /// dropped, so CRLF files read the same).
    static func split(_ bytes: [UInt8]) -> (values: [String: String], body: [UInt8]) {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lines: [(text: String, end: Int)] = []
        var lineStart = start
        let window = min(bytes.count, start + 16_384)
        for index in start..<window where bytes[index] == 0x0A {
            var line = bytes[lineStart..<index]
            if line.last == 0x0D { line = line.dropLast() }
            lines.append((String(decoding: line, as: UTF8.self), index + 1))
            lineStart = index + 1
        }
        guard lines.first?.text == "---",
            let close = lines.dropFirst().firstIndex(where: { ["---", "..."].contains($0.text) })
        else { return ([:], Array(bytes[start...])) }
        var values: [String: String] = [:]
        for (line, _) in lines[1..<close] {
            guard let colon = line.firstIndex(of: ":"), line.first?.isWhitespace == false else { continue }
            let key = line[..<colon].trimmingCharacters(in: " \t").lowercased()
            var value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            if !value.isEmpty { values[key] = value }
        }
        return (values, Array(bytes[lines[close].end...]))
    }
}

extension StringProtocol {
    /// Without the given characters at either end.
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
