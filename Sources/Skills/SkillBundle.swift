/// One skill: a folder `name/` with `SKILL.md` and its references, as file bytes.
public struct SkillBundle: Sendable {
    public var name: String
    public var description: String
    public var version: String
    /// Files by path inside the skill folder, sorted by path.
    public var files: [(path: String, bytes: [UInt8])]
    /// The part of the sources this skill covers (QA's completeness is measured against it).
    public var coverage: [OutlineItem]

    public init(
        name: String,
        description: String,
        version: String,
        files: [(path: String, bytes: [UInt8])],
        coverage: [OutlineItem]
    ) {
        self.name = name
        self.description = description
        self.version = version
        self.files = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        self.coverage = coverage
    }

    /// The files with the folder name in front, as the zip holds them (`name/SKILL.md`).
    public var archivePaths: [(path: String, bytes: [UInt8])] { files.map { ("\(name)/\($0.path)", $0.bytes) } }

    /// `SKILL.md`'s text.
    public var skillMarkdown: String {
        String(decoding: files.first { $0.path == "SKILL.md" }?.bytes ?? [], as: UTF8.self)
    }
}

/// `<available_skills>` as the reference tool (`agentskills to-prompt`) prints it: one element per line,
/// HTML-escaped the way Python's `html.escape` does.
public enum AvailableSkills {
    public static func xml(_ skills: [(name: String, description: String, location: String)]) -> String {
        guard !skills.isEmpty else { return "<available_skills>\n</available_skills>" }
        var lines = ["<available_skills>"]
        for skill in skills {
            lines += [
                "<skill>", "<name>", escape(skill.name), "</name>", "<description>", escape(skill.description),
                "</description>", "<location>", skill.location, "</location>", "</skill>",
            ]
        }
        lines.append("</available_skills>")
        return lines.joined(separator: "\n")
    }

    /// `&`, `<`, `>`, `"` and `'` as Python's `html.escape(quote=True)` writes them.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#x27;"
            default: out.append(character)
            }
        }
        return out
    }
}
