import ArgumentParser
import ConvertCLI
import Digest
import FileSystem
import JSON
import Layout
import Skills
import Spool
import SpoolConfig

#if canImport(Glibc)
    import Glibc
#endif

/// `skillspool topics FILE`: the topics a document would be cut into.
struct TopicsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Detect a document's topics (heading tree and section sizes) and whether it makes a catalogue."
    )

    @Argument(help: "A PDF.") var file: String
    @Option(help: "Pages to convert.") var pages: String?
    @Option(help: "Password of an encrypted PDF.") var password: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try CommandErrors.run {
            let source = try FileInput.skillSource(file, options: ConversionOptions(pages: pages, password: password))
            let plan = TopicDetector.plan(source)
            if json {
                let value = JSONValue.object([
                    ("title", .string(plan.title)), ("totalWords", .int(plan.totalWords)),
                    ("level", plan.level.map { .int($0) } ?? .null), ("shouldCatalogue", .bool(plan.shouldCatalogue)),
                    (
                        "topics",
                        .array(
                            plan.topics.map {
                                .object([
                                    ("name", .string($0.name)), ("slug", .string($0.slug)),
                                    ("description", .string($0.description)), ("wordCount", .int($0.wordCount)),
                                    ("pages", .string("\($0.firstPage)-\($0.lastPage)")),
                                ])
                            }
                        )
                    ),
                ])
                StandardStreams.writeOut(JSONWriter.serialize(value, pretty: true) + "\n")
                return
            }
            var table = TextTable(header: ["slug", "name", "words", "pages"], numericColumns: [2])
            table.rows = plan.topics.map { [$0.slug, $0.name, "\($0.wordCount)", "\($0.firstPage)-\($0.lastPage)"] }
            StandardStreams.writeOut(table.render())
            StandardStreams.writeOut(
                "\(plan.topics.count) topics, \(plan.totalWords) words; catalogue: \(plan.shouldCatalogue ? "yes" : "no")\n"
            )
        }
    }
}

/// `skillspool qa PATH`: the six QA agents on any skill folder or zip.
struct QACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qa",
        abstract: "Score a skill folder or zip with the six QA agents; exit 1 when any agent fails."
    )

    @Argument(help: "A skill folder or zip.") var path: String
    @Option(help: "The source PDF (enables the completeness and accuracy agents).") var source: String?
    @Option(help: "The previous version of the skill (folder or zip).") var previous: String?
    @Option(help: "Pass mark for every agent.") var threshold = 80
    @Flag(help: "Print qa.json instead of a table.") var json = false
    @Option(help: "Also write the HTML report here.") var html: String?

    func run() throws {
        try CommandErrors.run {
            let skill = try SkillLoader.load(path)
            var coverage: [OutlineItem]?
            var sourceText: String?
            if let source {
                let skillSource = try FileInput.skillSource(source, options: ConversionOptions())
                coverage = skillSource.outline
                sourceText = SkillQA.sourceText([skillSource])
            }
            let report = SkillQA.run(
                skill,
                coverage: coverage,
                sourceText: sourceText,
                previous: try previous.map(SkillLoader.load),
                threshold: threshold
            )
            if let html {
                let descriptor = open(html, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                if descriptor >= 0 {
                    let bytes = Array(report.html.utf8)
                    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                    close(descriptor)
                }
            }
            if json {
                StandardStreams.writeOut(bytes: report.jsonBytes)
            } else {
                var table = TextTable(header: ["agent", "score", "result", "findings"], numericColumns: [1])
                table.rows = report.agents.map {
                    ["\($0.agent)", "\($0.score)", $0.passed ? "passed" : "FAILED", "\($0.findings.count)"]
                }
                StandardStreams.writeOut(table.render())
                for agent in report.agents {
                    for finding in agent.findings where finding.severity != .info {
                        let location = [finding.file, finding.line.map(String.init)].compactMap { $0 }.joined(
                            separator: ":"
                        )
                        StandardStreams.writeOut(
                            "\(finding.rule) \(finding.severity.rawValue) \(location): \(finding.message)\n"
                        )
                    }
                }
            }
            if !report.passed { throw ExitCode(1) }
        }
    }
}

/// `skillspool skills index DIR`: `<available_skills>` for skill folders.
struct SkillsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skills",
        abstract: "Skill folder tools.",
        subcommands: [Index.self]
    )

    struct Index: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print <available_skills> XML for the skill folders in DIR (or DIR itself)."
        )

        @Argument(help: "Skill folders, or folders holding them.") var folders: [String]

        func run() throws {
            try CommandErrors.run {
                var skills: [(name: String, description: String, location: String)] = []
                for folder in folders {
                    for skill in try SkillLoader.loadAll(folder) where skill.zip == nil {
                        guard let text = skill.text("SKILL.md"),
                            case .success(let frontmatter) = Frontmatter.parse(text)
                        else { continue }
                        let base =
                            folder.hasSuffix("/" + skill.folderName) || folder == skill.folderName
                            ? folder : folder + "/" + skill.folderName
                        let absolute = Directory.absolutePath(base)
                        skills.append(
                            (
                                frontmatter.string("name") ?? skill.folderName, frontmatter.string("description") ?? "",
                                absolute + "/SKILL.md"
                            )
                        )
                    }
                }
                StandardStreams.writeOut(AvailableSkills.xml(skills) + "\n")
            }
        }
    }
}
