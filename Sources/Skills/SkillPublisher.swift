import Archives

/// A file a job publishes, relative to its output folder.
public struct PublishedFile: Sendable {
    public var path: String
    public var format: String
    public var bytes: [UInt8]
}

/// What the skill formats of a job ask for.
public struct SkillRequest: Sendable {
    /// The skill formats.
    public static let formats = ["claude-skill", "cursor-rules", "agents-md"]

    public var formats: [String]
    public var name: String?
    public var catalogue: PackageOptions.Catalogue = .auto
    /// Earlier versions of the skills, by name (for the version bump and the evolution agent).
    public var previous: [SkillFiles] = []
    public var threshold = 80
    public var engineVersion: String

    public init(formats: [String], name: String? = nil, engineVersion: String) {
        self.formats = formats
        self.name = name
        self.engineVersion = engineVersion
    }
}

/// Packages converted documents into the requested skill formats, with a QA report per skill.
public enum SkillPublisher {
    /// The files to publish and the QA reports.
    /// - Throws: ``ArchiveError`` when a zip cannot be written.
    public static func build(
        _ sources: [SkillSource],
        request: SkillRequest
    ) throws -> (files: [PublishedFile], reports: [QAReport]) {
        var options = PackageOptions(
            name: request.name,
            catalogue: request.catalogue,
            engineVersion: request.engineVersion
        )
        let previousByName = Dictionary(
            request.previous.map { ($0.folderName, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        var bundles = SkillPackager.package(sources, options: options)
        let earlier = bundles.compactMap { previousByName[$0.name] }
        if let latest = earlier.compactMap({ version($0) }).max(by: { $0.lexicographicallyPrecedes($1) }) {
            options.version = latest.map(String.init).joined(separator: ".")
            bundles = SkillPackager.package(sources, options: options)
            let unchanged = bundles.allSatisfy { bundle in
                guard let old = previousByName[bundle.name] else { return false }
                return old.files.map(\.path) == bundle.files.map(\.path)
                    && zip(old.files, bundle.files).allSatisfy { $0.bytes == $1.bytes }
            }
            if !unchanged {
                options.version = "\(latest[0]).\(latest[1] + 1).0"
                bundles = SkillPackager.package(sources, options: options)
            }
        }
        var files: [PublishedFile] = []
        var reports: [QAReport] = []
        let sourceText = SkillQA.sourceText(sources)
        if request.formats.contains("claude-skill") {
            for bundle in bundles {
                let zipBytes = try ZipWriter.archive(
                    bundle.archivePaths.map { ZipEntry(path: $0.path, bytes: $0.bytes) }
                )
                files += bundle.archivePaths.map {
                    PublishedFile(path: $0.path, format: "claude-skill", bytes: $0.bytes)
                }
                files.append(PublishedFile(path: "\(bundle.name).zip", format: "claude-skill", bytes: zipBytes))
                let report = SkillQA.run(
                    SkillFiles(bundle, zipBytes: zipBytes),
                    coverage: bundle.coverage,
                    sourceText: sourceText,
                    previous: previousByName[bundle.name],
                    threshold: request.threshold
                )
                reports.append(report)
                files.append(PublishedFile(path: "\(bundle.name).qa.json", format: "qa", bytes: report.jsonBytes))
                files.append(
                    PublishedFile(path: "\(bundle.name).qa.html", format: "qa", bytes: Array(report.html.utf8))
                )
            }
        }
        if request.formats.contains("cursor-rules") {
            let rules = AgentFormats.cursorRules(bundles)
            files += rules.map { PublishedFile(path: $0.path, format: "cursor-rules", bytes: $0.bytes) }
            let zipBytes = try ZipWriter.archive(rules.map { ZipEntry(path: $0.path, bytes: $0.bytes) })
            files.append(
                PublishedFile(
                    path: "\(bundles.first?.name ?? "skills").cursor-rules.zip",
                    format: "cursor-rules",
                    bytes: zipBytes
                )
            )
        }
        if request.formats.contains("agents-md") {
            let title = AgentFormats.agentsTitle(bundles, documents: sources.count)
            files.append(
                PublishedFile(
                    path: "AGENTS.md",
                    format: "agents-md",
                    bytes: AgentFormats.agentsMarkdown(bundles, title: title)
                )
            )
        }
        return (files, reports)
    }

    private static func version(_ skill: SkillFiles) -> [Int]? {
        guard let text = skill.text("SKILL.md"), case .success(let frontmatter) = Frontmatter.parse(text),
            case .mapping(let metadata)? = frontmatter.value("metadata"),
            let parts = metadata["version"]?.split(separator: ".").compactMap({ Int($0) }), parts.count == 3
        else { return nil }
        return parts
    }
}
