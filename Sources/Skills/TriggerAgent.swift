/// QA's trigger agent: will an agent pick this skill, and does its overview inform? An agent sees the name and
/// description before anything else, so a description that names the file, lists section names or shares few of
/// the skill's own distinctive terms makes a skill nobody opens, however good its body is.
///
/// Rules (each deducts from 100; the agent fails below the tenant's threshold):
/// - `TRG1` (−40): the description's subject is the file name.
/// - `TRG2` (−30): the description is a list of quoted section names.
/// - `TRG3` (−10): the description carries fewer of the skill's key terms than its own first 400 characters.
/// - `TRG4` (−10): the description is under 120 characters, too little to route on.
/// - `OVR1` (−40): the overview is front matter (authors, affiliations, e-mail addresses, a contents list).
enum TriggerAgent {
    static let deductions = ["TRG1": 40, "TRG2": 30, "TRG3": 10, "TRG4": 10, "OVR1": 40]

    static func check(_ skill: SkillFiles) -> QAAgentResult {
        var findings: [QAFinding] = []
        guard let text = skill.text("SKILL.md"), case .success(let frontmatter) = Frontmatter.parse(text) else {
            return QAAgentResult(
                agent: "trigger",
                score: 0,
                passed: false,
                findings: [QAFinding("TRG0", .error, file: "SKILL.md", "no readable frontmatter to route on")]
            )
        }
        let description = frontmatter.string("description") ?? ""
        let lower = description.lowercased()
        if case .mapping(let metadata)? = frontmatter.value("metadata"), let source = metadata["source"] {
            let stem = source.lowercased().hasSuffix(".pdf") ? String(source.dropLast(4)) : source
            // The file name anywhere, or its stem as the whole subject the description opens with.
            let subject = lower.prefix { !".:(\u{2014}".contains($0) }
            if !stem.isEmpty,
                lower.contains(source.lowercased()) || spaced(String(subject)) == spaced(stem.lowercased())
            {
                findings.append(
                    QAFinding("TRG1", .error, file: "SKILL.md", line: 1, "the description names the file '\(source)'")
                )
            }
        }
        let quoted = description.filter { $0 == "\u{201C}" }.count
        if quoted >= 3 {
            findings.append(
                QAFinding(
                    "TRG2",
                    .error,
                    file: "SKILL.md",
                    line: 1,
                    "the description lists \(quoted) quoted section names"
                )
            )
        }
        let body = AgentFormats.stripFrontmatter(text)
        let terms = Set(KeyTerms.top(text: body, count: 10, known: []).map { $0.lowercased() })
        if terms.count >= 5 {
            let inDescription = terms.filter { lower.contains($0) }.count
            let inOpening = terms.filter { String(body.lowercased().prefix(400)).contains($0) }.count
            if inDescription < inOpening {
                findings.append(
                    QAFinding(
                        "TRG3",
                        .warning,
                        file: "SKILL.md",
                        line: 1,
                        "the description has \(inDescription) of the skill's 10 key terms, its first 400 characters \(inOpening)"
                    )
                )
            }
        }
        if description.unicodeScalars.count < 120 {
            findings.append(
                QAFinding(
                    "TRG4",
                    .warning,
                    file: "SKILL.md",
                    line: 1,
                    "the description has \(description.unicodeScalars.count) characters; under 120 is too little to route on"
                )
            )
        }
        if let overview = section("Overview", in: body), isFrontMatter(overview) {
            findings.append(
                QAFinding(
                    "OVR1",
                    .error,
                    file: "SKILL.md",
                    "the overview is front matter (authors, affiliations, contents)"
                )
            )
        }
        let score = max(0, 100 - Set(findings.map(\.rule)).reduce(0) { $0 + (deductions[$1] ?? 0) })
        return QAAgentResult(agent: "trigger", score: score, passed: false, findings: findings)
    }

    /// Letters and digits only, single spaces between words (`inv__Amazon-2014` → `inv amazon 2014`).
    static func spaced(_ text: String) -> String {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }

    /// The text under `## NAME` up to the next `##` heading.
    static func section(_ name: String, in markdown: String) -> String? {
        var lines: [Substring] = []
        var inside = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                if inside { break }
                inside = String(line.dropFirst(3)).trimmingWhitespace() == name
                continue
            }
            if inside { lines.append(line) }
        }
        return inside ? lines.joined(separator: "\n") : nil
    }

    /// Whether most of an overview's lines are author or affiliation lines, addresses or a contents list.
    static func isFrontMatter(_ overview: String) -> Bool {
        let lines = overview.split(separator: "\n").map(String.init).filter { !$0.trimmingWhitespace().isEmpty }
        guard !lines.isEmpty else { return false }
        let front = lines.filter { line in
            SkillDescription.isFrontMatter(line) || SkillDescription.isNameList(line) || isContentsLine(line)
        }
        return front.count * 2 > lines.count
    }

    /// `1.2 Methods .......... 7`: a heading followed by a page number.
    static func isContentsLine(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace()
        guard let last = trimmed.split(separator: " ").last, last.allSatisfy(\.isNumber) else { return false }
        return trimmed.contains("....") || trimmed.contains(". . .")
    }
}
