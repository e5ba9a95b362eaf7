import ArgumentParser
import ConvertCLI
import Digest
import DocumentModel
import FileSystem
import Layout
import Markup
import PDFText
import Skills
import Spool
import SpoolConfig
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// `skillspool package`: documents (PDF, Word, HTML, Markdown, text) → Agent Skills bundles, Cursor rules and AGENTS.md, each skill with its QA report.
struct PackageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "package",
        abstract:
            "Package documents (PDF, DOCX, HTML, Markdown, text) into skills (claude-skill folders and zips, cursor-rules, agents-md) with QA reports."
    )

    @Argument(help: "The documents of one job (.pdf, .docx, .html, .md, .txt).")
    var files: [String]

    @Option(help: "Comma-separated: claude-skill, cursor-rules, agents-md.")
    var format = "claude-skill"

    @Option(help: "The skill name (default: derived from the document's title).")
    var name: String?

    @Option(help: "One skill per topic plus an index skill: auto, always or never.")
    var catalogue: PackageOptions.Catalogue = .auto

    @Option(
        help:
            "The previous version (a skill folder or zip, or a folder of them): bumps the version, runs the evolution agent."
    )
    var previous: String?

    @Option(help: "Pages to convert (e.g. 1-11,18), for every file.")
    var pages: String?

    @Option(help: "Password of encrypted PDFs.")
    var password: String?

    @Option(help: "QA pass mark for every agent.")
    var threshold = 80

    @Option(name: .shortAndLong, help: "Output folder (created if missing).")
    var output: String

    @Option(help: "Daemon configuration whose engine limits apply.")
    var config: String?

    func run() throws {
        try CommandErrors.run {
            let formats = format.split(separator: ",").map { String($0).trimmingWhitespace() }
            guard !formats.isEmpty, formats.allSatisfy(SkillRequest.formats.contains) else {
                throw ValidationError("--format takes \(SkillRequest.formats.joined(separator: ", "))")
            }
            let limits = try SpoolConfiguration.load(path: config).limits
            let progress = isatty(STDERR_FILENO) == 1
            var sources: [SkillSource] = []
            for file in files {
                let source = try FileInput.skillSource(
                    file,
                    options: ConversionOptions(pages: pages, password: password, limits: limits)
                )
                if progress {
                    let document = source.document
                    StandardStreams.writeError(
                        "converted \(file): \(document.sections.count) \(document.sections.first?.kind ?? "page")s, "
                            + "\(document.documentType.type)\n"
                    )
                }
                sources.append(source)
            }
            var request = SkillRequest(formats: formats, name: name, engineVersion: PDFEngine.version)
            request.catalogue = catalogue
            request.threshold = threshold
            if let previous { request.previous = try SkillLoader.loadAll(previous) }
            let (published, reports) = try SkillPublisher.build(sources, request: request)
            var partial = output.hasPrefix("/") ? "" : "."
            for component in output.split(separator: "/") {
                partial += "/" + component
                if mkdir(partial, 0o755) != 0, errno != EEXIST { throw SpoolError(.io, "cannot create '\(partial)'") }
            }
            let folder = try Directory.open(path: output)
            for file in published { try folder.writeDurably(path: file.path, file.bytes) }
            var table = TextTable(header: [
                "skill", "version", "structure", "completeness", "accuracy", "evolution", "script", "passed",
            ])
            for report in reports {
                table.rows.append(
                    [report.skill, report.version ?? "-"] + report.agents.map { "\($0.score)" } + [
                        report.passed ? "yes" : "no"
                    ]
                )
            }
            StandardStreams.writeOut(table.render())
            StandardStreams.writeOut("\(published.count) files written to \(output)\n")
        }
    }
}

extension PackageOptions.Catalogue: ExpressibleByArgument {}

/// Whole files named on the command line.
enum FileInput {
    /// Reads and converts a PDF for packaging or QA.
    static func skillSource(_ path: String, options: ConversionOptions) throws -> SkillSource {
        let bytes = try read(path)
        let document = try SourceConverter.convert(
            bytes: bytes,
            format: SourceFormat(fileName: path),
            options: options
        ).document
        return SkillSource(
            document: document,
            fileName: String(path.split(separator: "/").last ?? ""),
            sha256: SHA256.hex(of: bytes),
            pages: document.meta.selectedPages
        )
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let bytes = try FileDescriptor.readFile(atPath: path, limit: ConversionLimits.default.maxDocumentBytes)
        else {
            throw PDFError(.notPDF, "cannot open '\(path)': no such file")
        }
        return bytes
    }
}
