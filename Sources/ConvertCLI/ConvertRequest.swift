import DocumentModel
import JSON
import Layout
import Logging
import OCR
import PDFText
import SpoolConfig

/// One `convert` run: what to convert and how, from the parsed command or from ``init(commonArguments:)``.
public struct ConvertRequest {
    var file: String
    var format = Format.text
    var pages: String?
    var password: String?
    var info = false
    var cost = false
    var fonts = false
    var engine: String?
    var semantic = true
    var verbose = false
    var bounds = false
    var pretty = false
    var maxPages: Int?
    var config: String?
    var ocr = OCRMode.auto
    var ocrLanguages = [OCRLanguage.automatic]

    /// The command's name on the command line.
    public static let commandName = "convert"

    init(file: String) {
        self.file = file
    }

    /// The invocation batch scripts and the evaluator repeat for every file — `convert FILE`, optionally with
    /// `--format F` and `--password P` — read without building the command tree: the argument parser's reflection
    /// costs about a third of a one-page conversion. Anything else (other options, `--help`, a malformed value)
    /// gives nil and goes through the parser, with its help and its errors.
    public init?(commonArguments arguments: [String]) {
        guard arguments.count >= 2, arguments[0] == Self.commandName,
            !arguments[1].hasPrefix("-")
        else { return nil }
        self.init(file: arguments[1])
        var index = 2
        while index < arguments.count {
            guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("-") else { return nil }
            let value = arguments[index + 1]
            switch arguments[index] {
            case "--format":
                guard let format = Format(rawValue: value) else { return nil }
                self.format = format
            case "--password":
                password = value
            default:
                return nil
            }
            index += 2
        }
    }

    private func limits() throws -> ConversionLimits {
        var limits = try SpoolConfiguration.load(path: config).limits
        if let maxPages { limits.maxPages = min(maxPages, ConversionLimits.absoluteMaxPages) }
        return limits
    }

    /// Converts with `reader`; a file the reader does not read throws ``SourceHandOver`` (before any output).
    public func run<Reader: SourceReader>(reader: Reader.Type) throws {
        try CommandErrors.run {
            let limits = try limits()
            if let engine { try PDFEngine.check(pinned: engine) }
            if cost || info {
                let options = ConversionOptions(pages: pages, password: password, limits: limits)
                let summary =
                    cost
                    ? try reader.cost(path: file, options: options, infoMode: info)
                    : try reader.info(path: file, options: options, fonts: fonts, pageSizes: bounds)
                StandardStreams.writeOut(JSONWriter.serialize(summary, pretty: true) + "\n")
                return
            }
            if format == .glyphs {
                try GlyphDump.write(
                    path: file,
                    password: password,
                    pages: pages,
                    limits: limits,
                    ocr: ocr,
                    ocrLanguages: ocrLanguages
                )
                return
            }
            var options = ConversionOptions(pages: pages, password: password, bounds: bounds, limits: limits)
            // Reading-order text needs no tables, headings or lists: skip finding them.
            options.structure = format != .text
            options.semantic = semantic
            options.styles = fonts
            options.ocr = ocr
            options.ocrLanguages = ocrLanguages
            if verbose {
                var logger = Logger(label: "skillspool.convert")
                logger.logLevel = .debug
                logger[metadataKey: "convert.file"] = "\(file)"
                options.logger = logger
            }
            let conversion = try reader.convert(path: file, options: options)
            switch format {
            case .text: StandardStreams.writeOut(conversion.text)
            case .json, .glyphs: StandardStreams.writeOut(conversion.document.json(pretty: pretty))
            case .md: StandardStreams.writeOut(conversion.document.markdown())
            case .ascii: StandardStreams.writeOut(conversion.document.ascii())
            }
        }
    }
}
