/// A skill as QA sees it: the folder's files and, when it came as a zip, the zip's layout.
public struct SkillFiles: Sendable {
    /// How the zip was laid out (for rules E10 and E11).
    public struct ZipLayout: Sendable {
        /// Every member's stored path, folders with a trailing slash.
        public var paths: [String]
        /// Members that are links or special files.
        public var oddMembers: [String]
        public var byteCount: Int

        public init(paths: [String], oddMembers: [String], byteCount: Int) {
            self.paths = paths
            self.oddMembers = oddMembers
            self.byteCount = byteCount
        }
    }

    /// The skill folder's name.
    public var folderName: String
    /// Files by path inside the folder, sorted.
    public var files: [(path: String, bytes: [UInt8])]
    public var zip: ZipLayout?

    public init(folderName: String, files: [(path: String, bytes: [UInt8])], zip: ZipLayout? = nil) {
        self.folderName = folderName
        self.files = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        self.zip = zip
    }

    public init(_ bundle: SkillBundle, zipBytes: [UInt8]? = nil) {
        self.init(folderName: bundle.name, files: bundle.files)
        if let zipBytes {
            var paths = Set<String>()
            for file in bundle.archivePaths {
                let parts = file.path.split(separator: "/")
                for depth in 1..<parts.count { paths.insert(parts.prefix(depth).joined(separator: "/") + "/") }
                paths.insert(file.path)
            }
            zip = ZipLayout(paths: paths.sorted(), oddMembers: [], byteCount: zipBytes.count)
        }
    }

    public func text(_ path: String) -> String? {
        files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// An entry of the `metadata` mapping in SKILL.md's frontmatter (`version`, `ocr`, …).
    public func metadata(_ key: String) -> String? {
        guard let text = text("SKILL.md"), case .success(let frontmatter) = Frontmatter.parse(text),
            case .mapping(let metadata)? = frontmatter.value("metadata")
        else { return nil }
        return metadata[key]
    }

    /// The Markdown files (SKILL.md and references), the text QA reads.
    public var markdownFiles: [(path: String, text: String)] {
        files.filter { $0.path.hasSuffix(".md") }.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }
    }
}
