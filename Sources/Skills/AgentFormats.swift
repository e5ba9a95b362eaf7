import DocumentModel

/// Cursor rules and AGENTS.md, written from the skills so all formats say the same.
public enum AgentFormats {
    /// Lines per `.mdc` file; longer rules are split into numbered parts.
    public static let ruleLineLimit = 500
    /// AGENTS.md stays well under the 32 KiB one client reads.
    public static let agentsByteLimit = 24 * 1024

    /// `.cursor/rules/NAME.mdc` files, one per skill file (SKILL.md → NAME.mdc, references → NAME-TOPIC.mdc), each
    /// agent-requested (a description, no globs, `alwaysApply: false`) and at most 500 lines.
    public static func cursorRules(_ skills: [SkillBundle]) -> [(path: String, bytes: [UInt8])] {
        var rules: [(String, [UInt8])] = []
        for skill in skills {
            for file in skill.files {
                let body =
                    file.path == "SKILL.md"
                    ? stripFrontmatter(String(decoding: file.bytes, as: UTF8.self))
                    : String(decoding: file.bytes, as: UTF8.self)
                let stem =
                    file.path == "SKILL.md"
                    ? skill.name : skill.name + "-" + String(file.path.dropFirst("references/".count).dropLast(3))
                let description =
                    file.path == "SKILL.md"
                    ? skill.description
                    : referenceDescription(firstHeading(body) ?? stem, skill: skill)
                let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let room = ruleLineLimit - 6
                let parts = stride(from: 0, to: max(lines.count, 1), by: room).map {
                    Array(lines[$0..<min($0 + room, lines.count)])
                }
                for (index, part) in parts.enumerated() {
                    let name = parts.count == 1 ? stem : "\(stem)-part-\(index + 1)"
                    let header = [
                        "---", "description: \(SkillText.yamlQuoted(description))", "globs: \"\"", "alwaysApply: false",
                        "---", "",
                    ]
                    rules.append(
                        (
                            ".cursor/rules/\(SkillText.slug(name, limit: 120)).mdc",
                            Array(((header + part).joined(separator: "\n").trimmingTrailingBlankLines() + "\n").utf8)
                        )
                    )
                }
            }
        }
        return rules.sorted { $0.0 < $1.0 }
    }

    /// One AGENTS.md summarising the skills, with pointers to their files.
    public static func agentsMarkdown(_ skills: [SkillBundle], title: String) -> [UInt8] {
        var lines = [
            "# \(Document.inline(title))", "",
            "Skills generated from the source documents; read the files named below when a task needs them.", "",
        ]
        for skill in skills {
            var section = [
                "## \(skill.name)", "", Document.inline(skill.description), "",
                "- `\(skill.name)/SKILL.md`: overview and key facts",
            ]
            for file in skill.files where file.path != "SKILL.md" {
                section.append(
                    "- `\(skill.name)/\(file.path)`: "
                        + (firstHeading(String(decoding: file.bytes, as: UTF8.self)) ?? file.path)
                )
            }
            section.append("")
            if (lines + section).joined(separator: "\n").utf8.count > agentsByteLimit {
                lines += ["More skills are listed in `available_skills.xml`.", ""]
                break
            }
            lines += section
        }
        return Array((lines.joined(separator: "\n").trimmingTrailingBlankLines() + "\n").utf8)
    }

    /// A reference file's rule says what part it is and of which document — the skill description's opening
    /// sentence (subject, issuer, kind) — so an agent choosing among rules of many documents can tell them apart.
    static func referenceDescription(_ heading: String, skill: SkillBundle) -> String {
        let subject = openingSentence(skill)
        let part = SkillText.withoutNumbering(heading)
        let text = subject.contains(part) ? subject : "\(part), in \(subject)"
        return SkillDescription.fitted(text + ". Use when a task needs the details of this part.")
    }

    /// The title AGENTS.md opens with: what the document is (the opening of its skill's description: subject,
    /// issuer, kind), not its file name.
    public static func agentsTitle(_ skills: [SkillBundle], documents: Int) -> String {
        guard documents == 1, let first = skills.first else { return "Skills from \(documents) documents" }
        return openingSentence(first)
    }

    /// A skill description's first sentence: the document's subject, issuer and kind.
    static func openingSentence(_ skill: SkillBundle) -> String {
        let text = skill.description
        guard let end = text.firstRange(of: ". ") else { return text }
        return String(text[..<end.lowerBound])
    }

    static func stripFrontmatter(_ text: String) -> String {
        guard text.hasPrefix("---\n") else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let close = lines.dropFirst().firstIndex(of: "---") else { return text }
        return lines[(close + 1)...].joined(separator: "\n").drop { $0 == "\n" }.description
    }

    static func firstHeading(_ text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) }
    }
}
