import ArgumentParser
import CLISupport
import DocumentModel
import Layout
import Logging
import PDFText
import SpoolConfig

/// `skillspool convert FILE`: one PDF to text, JSON or an info summary on stdout.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a PDF's text layer into reading-order text or a structured JSON document."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
        case md
        case ascii
        /// One line per glyph: page, position, size, direction and text (for diagnosing layout).
        case glyphs

        // Spelled out: the library's defaults go through string interpolation and dynamic casts on every run, a
        // measurable share of a one-page conversion.
        static var allValueStrings: [String] { allCases.map(\.rawValue) }
        static var allValueDescriptions: [String: String] { [:] }
        var defaultValueDescription: String { rawValue }
    }

    @Argument(help: "The PDF file to convert.")
    var file: String

    @Option(
        help: "Output format: text (reading order), json (document model), md, ascii, or glyphs (raw engine output)."
    )
    var format: Format = .text

    @Option(help: "Pages to convert, 1-based, e.g. \"1-11,18\".")
    var pages: String?

    @Option(help: "User or owner password of an encrypted PDF.")
    var password: String?

    @Flag(
        help: "Info mode: document type, word count, pages, text layer (1 credit per 50 pages) instead of converting."
    )
    var info = false

    @Flag(help: "Cost mode: pages and estimated credits; nothing is converted.")
    var cost = false

    @Flag(help: "The styles table, and each entry's style and size (JSON); with --info, the fonts table.")
    var fonts = false

    @Option(help: "Pin the engine version (pdf@YYYY-MM-DD); an unknown version is refused.")
    var engine: String?

    @Flag(name: .customLong("no-semantic"), help: "Do not tag dates, amounts and other values in JSON output.")
    var noSemantic = false

    @Flag(help: "Log diagnostics (unmapped glyphs, text outside the page, counts) on stderr.")
    var verbose = false

    @Flag(help: "Include [x, y, w, h] bounds in JSON output.")
    var bounds = false

    @Flag(help: "Pretty-print JSON output.")
    var pretty = false

    @Option(help: "Refuse documents with more pages than this (default 500, at most 5000).")
    var maxPages: Int?

    @Option(help: "Daemon configuration whose engine limits apply (default: etc/skillspool.json if present).")
    var config: String?

    private func limits() throws -> ConversionLimits {
        var limits = try SpoolConfiguration.load(path: config).limits
        if let maxPages { limits.maxPages = min(maxPages, ConversionLimits.absoluteMaxPages) }
        return limits
    }

    func run() throws {
        try CommandErrors.run {
            let limits = try limits()
            if let engine { try PDFEngine.check(pinned: engine) }
            if cost {
                let estimate = try DocumentInfo.cost(
                    path: file,
                    password: password,
                    pages: pages,
                    limits: limits,
                    infoMode: info
                )
                StandardStreams.writeOut(JSONWriter.serialize(estimate, pretty: true) + "\n")
                return
            }
            if info {
                let summary = try DocumentInfo.inspect(
                    path: file,
                    password: password,
                    pages: pages,
                    limits: limits,
                    fonts: fonts,
                    pageSizes: bounds
                )
                StandardStreams.writeOut(JSONWriter.serialize(summary, pretty: true) + "\n")
                return
            }
            if format == .glyphs {
                try GlyphDump.write(path: file, password: password, pages: pages, limits: limits)
                return
            }
            var options = ConversionOptions(pages: pages, password: password, bounds: bounds, limits: limits)
            // Reading-order text needs no tables, headings or lists: skip finding them.
            options.structure = format != .text
            options.semantic = !noSemantic
            options.styles = fonts
            if verbose {
                var logger = Logger(label: "skillspool.convert")
                logger.logLevel = .debug
                logger[metadataKey: "convert.file"] = "\(file)"
                options.logger = logger
            }
            let conversion = try DocumentConverter.convert(path: file, options: options)
            switch format {
            case .text: StandardStreams.writeOut(conversion.text)
            case .json, .glyphs: StandardStreams.writeOut(conversion.document.json(pretty: pretty))
            case .md: StandardStreams.writeOut(conversion.document.markdown())
            case .ascii: StandardStreams.writeOut(conversion.document.ascii())
            }
        }
    }
}
