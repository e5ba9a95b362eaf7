import ArgumentParser
import OCR

/// `skillspool convert FILE`: one document to text, JSON or an info summary on stdout, read by `Reader`.
public struct ConvertCommand<Reader: SourceReader>: ParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: ConvertRequest.commandName,
            abstract:
                "Convert a document (PDF, DOCX, HTML, Markdown, text) into reading-order text or a structured JSON document."
        )
    }

    @Argument(
        help: "The file to convert: .pdf, .docx, .html, .md or .txt (a file without one of these is read by its bytes)."
    )
    var file: String

    @Option(
        help: "Output format: text (reading order), json (document model), md, ascii, or glyphs (raw engine output)."
    )
    var format: ConvertRequest.Format = .text

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

    @Option(help: "Pin the engine version (pdf@YYYY-MM-DD[.N]); an unknown version is refused.")
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

    @Option(help: "OCR: auto (pages without a text layer that draw an image), never, or always (every page's images).")
    var ocr = OCRMode.auto

    @Option(
        help: """
            Tesseract language codes for OCR, comma-separated (eng, deu, fra, …); auto tells English, German, \
            French, Spanish, Italian or Dutch from the first page and adds it.
            """
    )
    var ocrLanguages = "auto"

    public init() {}

    public func validate() throws {
        guard ocrLanguages.split(separator: ",").allSatisfy({ OCRLanguage.isValid(String($0)) }) else {
            throw ValidationError("--ocr-languages takes Tesseract codes such as eng,deu, not \"\(ocrLanguages)\"")
        }
    }

    public func run() throws {
        var request = ConvertRequest(file: file)
        request.format = format
        request.pages = pages
        request.password = password
        request.info = info
        request.cost = cost
        request.fonts = fonts
        request.engine = engine
        request.semantic = !noSemantic
        request.verbose = verbose
        request.bounds = bounds
        request.pretty = pretty
        request.maxPages = maxPages
        request.config = config
        request.ocr = ocr
        request.ocrLanguages = ocrLanguages.split(separator: ",").map { String($0) }.filter { !$0.isEmpty }
        try request.run(reader: Reader.self)
    }
}

extension OCRMode: ExpressibleByArgument {}
