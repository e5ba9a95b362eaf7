import ArgumentParser
import ConvertCLI
import FileSystem
import Layout
import PDFText
import Skills
import Spool
import SpoolConfig

#if canImport(Glibc)
    import Glibc
#endif

extension CasesCommand {
    /// `skillspool cases build NAME FILE… -o DIR`: the case skill the daemon would publish for these documents,
    /// without a spool (to preview a case, or to measure how case skills route).
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the case skill for documents (PDF, DOCX, HTML, Markdown, text) without a spool."
        )

        @Argument(help: "The case's name.") var name: String
        @Argument(help: "The case's documents.") var files: [String]
        @Option(help: "The case's claim or matter number.") var claimNumber: String?
        @Option(help: "QA pass mark for every agent.") var threshold = 80
        @Option(name: .shortAndLong, help: "Output folder (created if missing).") var output: String
        @Option(help: "Daemon configuration whose engine limits apply.") var config: String?

        func run() throws {
            try CommandErrors.run {
                guard let slug = CaseSlug.make(name) else {
                    throw ValidationError("the case name needs letters or digits")
                }
                let limits = try SpoolConfiguration.load(path: config).limits
                let entries = try files.map { file in
                    let source = try FileInput.skillSource(file, options: ConversionOptions(limits: limits))
                    return CaseEntry.make(source, job: "local", category: nil) { text in
                        SemanticTagger.tag(text).flatMap { $0.kind == "date" ? $0.normalized : nil }
                    }
                }
                let release = try CaseSkill.release(
                    CaseProfile(slug: slug, name: name, claimNumber: claimNumber),
                    entries: entries,
                    previous: nil,
                    engineVersion: PDFEngine.version,
                    threshold: threshold
                )
                var partial = output.hasPrefix("/") ? "" : "."
                for component in output.split(separator: "/") {
                    partial += "/" + component
                    if mkdir(partial, 0o755) != 0, errno != EEXIST {
                        throw SpoolError(.io, "cannot create '\(partial)'")
                    }
                }
                let folder = try Directory.open(path: output)
                for file in release.files { try folder.writeDurably(path: file.path, file.bytes) }
                var table = TextTable(
                    header: ["skill", "version", "documents"] + release.report.agents.map(\.agent) + ["passed"]
                )
                table.rows.append(
                    [release.bundle.name, release.bundle.version, "\(entries.count)"]
                        + release.report.agents.map { "\($0.score)" } + [release.report.passed ? "yes" : "no"]
                )
                StandardStreams.writeOut(table.render())
            }
        }
    }
}
