import JSON
import Layout
import PDFText

extension SourceConverter {
    /// Info mode (`--info`) for a file of any format: type, word count, pages or sections, credits. Of `options`,
    /// the pages, password and limits count.
    public static func info(
        path: String,
        options given: ConversionOptions,
        fonts: Bool,
        pageSizes: Bool
    ) throws -> JSONValue {
        if DocumentConverter.reads(path: path) {
            return try DocumentInfo.inspect(path: path, options: given, fonts: fonts, pageSizes: pageSizes)
        }
        var options = ConversionOptions(pages: given.pages, limits: given.limits)
        options.semantic = false
        return try convert(path: path, options: options).summary(fonts: fonts, pageSizes: pageSizes)
    }

    /// Cost mode (`--cost`): what converting would bill. A source without pages bills its sections, each standing
    /// for a page.
    public static func cost(path: String, options given: ConversionOptions, infoMode: Bool) throws -> JSONValue {
        if DocumentConverter.reads(path: path) {
            return try DocumentInfo.cost(path: path, options: given, infoMode: infoMode)
        }
        var options = ConversionOptions(limits: given.limits)
        options.semantic = false
        let document = try convert(path: path, options: options).document
        return try DocumentInfo.dryRun(
            billing: "section",
            total: document.sections.count,
            pages: given.pages,
            infoMode: infoMode
        )
    }
}
