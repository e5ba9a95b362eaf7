import JSON
import Layout
import PDFText

extension SourceConverter {
    /// Whether the file at `path` goes through the PDF engine: named `.pdf`, or unnamed and starting like one.
    static func isPDF(path: String) -> Bool {
        let named = SourceFormat(fileName: path)
        return named == .pdf || (named == nil && startsLikePDF(path: path))
    }

    /// Info mode (`--info`) for a file of any format: type, word count, pages or sections, credits.
    public static func info(
        path: String,
        password: String?,
        pages: String?,
        limits: ConversionLimits,
        fonts: Bool,
        pageSizes: Bool
    ) throws -> JSONValue {
        if isPDF(path: path) {
            return try DocumentInfo.inspect(
                path: path,
                password: password,
                pages: pages,
                limits: limits,
                fonts: fonts,
                pageSizes: pageSizes
            )
        }
        var options = ConversionOptions(pages: pages, limits: limits)
        options.semantic = false
        return try convert(path: path, options: options).summary(fonts: fonts, pageSizes: pageSizes)
    }

    /// Cost mode (`--cost`): what converting would bill. A source without pages bills its sections, each standing
    /// for a page.
    public static func cost(
        path: String,
        password: String?,
        pages: String?,
        limits: ConversionLimits,
        infoMode: Bool
    ) throws -> JSONValue {
        if isPDF(path: path) {
            return try DocumentInfo.cost(
                path: path,
                password: password,
                pages: pages,
                limits: limits,
                infoMode: infoMode
            )
        }
        var options = ConversionOptions(limits: limits)
        options.semantic = false
        let document = try convert(path: path, options: options).document
        let total = document.sections.count
        let selection = try pages.map { try PageSelection(parsing: $0, pageCount: total) } ?? .all(total)
        var members: [(String, JSONValue)] = [
            ("dry_run", .bool(true)),
            ("mode", .string(infoMode ? "info" : "convert")),
            ("engine", .string(PDFEngine.version)),
            ("determinism", .string("byte-stable")),
            ("billable", .object([("unit", .string("section")), ("count", .int(selection.pages.count))])),
            ("pages", .int(selection.pages.count)),
            ("total_pages", .int(total)),
            ("estimated_credits", .int(DocumentInfo.credits(pages: selection.pages.count, infoMode: infoMode))),
        ]
        if pages != nil { members.append(("selected_pages", .array(selection.pages.map { .int($0) }))) }
        return .object(members)
    }
}
