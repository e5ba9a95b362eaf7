internal import CCmark
internal import CXML2
import DocumentModel
import FileSystem
import Layout
import PDFText
import SystemPackage

/// Converts a document of any supported format into the document model: PDFs through the PDF engine and layout,
/// Word, HTML, Markdown and text through their readers.
public enum SourceConverter {
    /// The readers' identity, recorded in their documents' `meta.engineVersion`: their output may change only when
    /// this does (the libraries' versions are part of it, their recovery from bad markup being part of the output).
    public static let markupVersion =
        "markup@2026-12-06+libxml2@\(LIBXML_DOTTED_VERSION)+cmark-gfm@\(String(cString: cmark_version_string()))"

    /// Converts the file at `path`; its name's extension says the format (or, without one, its bytes).
    public static func convert(
        path: String,
        options: ConversionOptions = ConversionOptions()
    ) throws
        -> SourceConversion
    {
        if DocumentConverter.reads(path: path) {
            return .pdf(try DocumentConverter.convert(path: path, options: options))
        }
        let bytes = try readFile(path, limit: options.limits.maxDocumentBytes)
        return try convert(bytes: bytes, format: SourceFormat(fileName: path), options: options)
    }

    /// Converts `bytes`; `format` is what the file's name or the manifest claims (nil: detected from the bytes).
    /// A Word file must be a Word package and a PDF a PDF; HTML, Markdown and text are read as claimed.
    public static func convert(
        bytes: [UInt8],
        format claimed: SourceFormat?,
        options: ConversionOptions
    ) throws
        -> SourceConversion
    {
        guard let format = claimed == .pdf || claimed == .docx ? claimed : SourceFormat.detect(bytes, hint: claimed)
        else {
            throw MarkupError(.unsupported, "the bytes are none of PDF, Word, HTML, Markdown or text")
        }
        if format == .pdf { return .pdf(try DocumentConverter.convert(bytes: bytes, options: options)) }
        guard bytes.count <= options.limits.maxDocumentBytes else {
            throw MarkupError(
                .tooLarge,
                "the file holds \(bytes.count) bytes; the limit is \(options.limits.maxDocumentBytes)"
            )
        }
        let source: MarkupSource
        switch format {
        case .docx: source = try DocxReader.read(bytes)
        case .html: source = try HTMLReader.read(bytes)
        case .markdown: source = try MarkdownReader.read(bytes)
        case .text, .pdf: source = try PlainTextReader.read(bytes)
        }
        guard source.blocks.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) || source.title != nil else {
            throw MarkupError(.empty, "the \(format.rawValue) file holds no text")
        }
        for case .table(let table) in source.blocks where !table.fitsGrid {
            throw MarkupError(
                .tooLarge,
                "a table of \(table.rows.count) rows lays out more than \(MarkupTable.maxGridPositions) cells"
            )
        }
        var builder = MarkupDocumentBuilder(source: source, engineVersion: markupVersion)
        builder.semantic = options.semantic
        return .markup(
            try MarkupConversion(format: format, document: builder.build())
                .selecting(pages: options.pages, limits: options.limits)
        )
    }

    /// Keeps the selected sections (`pages` counts sections in sources without pages); refuses more than the
    /// limits allow.
    static func select(_ document: inout Document, pages: String?, limits: ConversionLimits) throws {
        let count = document.sections.count
        guard count <= limits.maxPages else {
            throw PDFError(.maxPagesExceeded, "the document has \(count) sections, the limit is \(limits.maxPages)")
        }
        guard let pages else { return }
        let selection = try PageSelection(parsing: pages, pageCount: count)
        let wanted = Set(selection.pages)
        document.sections.removeAll { !wanted.contains($0.index + 1) }
        document.meta.totalSections = document.sections.count
        document.meta.selectedPages = selection.description
    }

    /// The file's bytes, refused beyond `limit`.
    static func readFile(_ path: String, limit: Int) throws -> [UInt8] {
        guard let bytes = try FileDescriptor.readFile(atPath: path, limit: limit) else {
            throw PDFError(.unreadable, "'\(path)' does not exist")
        }
        return bytes
    }
}
