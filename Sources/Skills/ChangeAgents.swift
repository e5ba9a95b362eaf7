import JSON

/// QA's evolution agent (version bump and changelog against the previous version) and script agent (code blocks
/// and bundled scripts).
enum ChangeAgents {
    /// `metadata.version` of a skill.
    static func version(_ skill: SkillFiles) -> String? { skill.metadata("version") }

    static func semver(_ text: String?) -> [Int]? {
        guard let parts = text?.split(separator: ".").map({ Int($0) }), parts.count == 3,
            parts.allSatisfy({ $0 != nil })
        else { return nil }
        return parts.compactMap { $0 }
    }

    /// `##`/`#` sections per file with a digest of their text.
    static func sections(_ skill: SkillFiles) -> [String: String] {
        var result: [String: String] = [:]
        for (path, text) in skill.markdownFiles {
            var heading = "(top)"
            var content = ""
            func flush() { result["\(path) › \(heading)"] = content }
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("#") {
                    flush()
                    heading = String(line.drop { $0 == "#" }.dropFirst())
                    content = ""
                } else if !line.hasPrefix("  ") || path != "SKILL.md" {
                    content += line + "\n"
                }
            }
            flush()
        }
        return result
    }

    static func evolution(_ skill: SkillFiles, previous: SkillFiles?) -> QAAgentResult {
        guard let previous else {
            return .notMeasured("evolution", rule: "EVO0", reason: "first version: nothing to compare with")
        }
        var findings: [QAFinding] = []
        let old = sections(previous)
        let new = sections(skill)
        for key in new.keys.sorted() where old[key] == nil {
            findings.append(QAFinding("EVO-ADDED", .info, "added: \(key)"))
        }
        for key in old.keys.sorted() where new[key] == nil {
            findings.append(QAFinding("EVO-REMOVED", .info, "removed: \(key)"))
        }
        for key in new.keys.sorted() where old[key] != nil && old[key] != new[key] && !key.hasPrefix("SKILL.md › (top)")
        {
            findings.append(QAFinding("EVO-CHANGED", .info, "changed: \(key)"))
        }
        let changed = !findings.isEmpty
        var score = 100
        guard let newVersion = semver(version(skill)) else {
            findings.append(QAFinding("EVO1", .error, file: "SKILL.md", "metadata.version is not a semantic version"))
            return QAAgentResult(agent: "evolution", score: 0, passed: false, findings: findings)
        }
        let oldVersion = semver(version(previous)) ?? [0, 0, 0]
        if newVersion.lexicographicallyPrecedes(oldVersion) {
            findings.append(
                QAFinding(
                    "EVO2",
                    .error,
                    file: "SKILL.md",
                    "version \(newVersion.map(String.init).joined(separator: ".")) is lower than the previous \(oldVersion.map(String.init).joined(separator: "."))"
                )
            )
            score = 0
        } else if changed, newVersion == oldVersion {
            findings.append(
                QAFinding("EVO3", .error, file: "SKILL.md", "the content changed but metadata.version was not bumped")
            )
            score = 0
        } else if !changed {
            findings.append(QAFinding("EVO4", .info, "no content changes"))
        }
        return QAAgentResult(agent: "evolution", score: score, passed: false, findings: findings)
    }

    static func script(_ skill: SkillFiles) -> QAAgentResult {
        var findings: [QAFinding] = []
        for (path, text) in skill.markdownFiles {
            var language: String?
            var block: [Substring] = []
            var start = 0
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.drop { $0 == " " }
                guard trimmed.hasPrefix("```") else {
                    if language != nil { block.append(line) }
                    continue
                }
                if let current = language {
                    let content = block.joined(separator: "\n")
                    if current == "json", (try? JSONParser.parse(content)) == nil {
                        findings.append(
                            QAFinding("SCR2", .warning, file: path, line: start, "the JSON block does not parse")
                        )
                    }
                    if current == "yaml" || current == "yml", content.contains("\t") {
                        findings.append(
                            QAFinding("SCR3", .warning, file: path, line: start, "the YAML block is indented with tabs")
                        )
                    }
                    language = nil
                    block = []
                } else {
                    let info = trimmed.dropFirst(3).trimmingPrefixSpaces()
                    if info.isEmpty {
                        findings.append(
                            QAFinding("SCR1", .warning, file: path, line: index + 1, "code block without a language")
                        )
                    }
                    language = info.lowercased()
                    start = index + 1
                }
            }
        }
        for (path, bytes) in skill.files where path.hasPrefix("scripts/") {
            let text = String(decoding: bytes, as: UTF8.self)
            if !text.hasPrefix("#!") {
                findings.append(QAFinding("SCR4", .warning, file: path, line: 1, "script without a shebang line"))
            }
            if ["input(", "read -p", "raw_input(", "readline("].contains(where: text.contains) {
                findings.append(QAFinding("SCR5", .warning, file: path, "script waits for interactive input"))
            }
            let documented = text.lowercased().contains("usage") || (skill.text("SKILL.md")?.contains(path) ?? false)
            if !documented {
                findings.append(QAFinding("SCR6", .warning, file: path, "script usage is not documented"))
            }
        }
        return QAAgentResult(
            agent: "script",
            score: max(0, 100 - 20 * findings.count),
            passed: false,
            findings: findings
        )
    }
}

extension Substring {
    func trimmingPrefixSpaces() -> String { String(drop { $0 == " " }).trimmingWhitespace() }
}
