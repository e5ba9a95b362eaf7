/// QA's structure agent: the error rules E1–E13 (any error scores 0) and the warning rules of skill-formats.md.
enum StructureAgent {
    static let allowedKeys: Set<String> = [
        "name", "description", "license", "compatibility", "metadata", "allowed-tools",
    ]
    static let reservedWords = ["claude", "anthropic"]
    static let vagueNames: Set<String> = [
        "helper", "helpers", "utils", "tools", "documents", "data", "files", "misc", "stuff", "skill",
    ]
    static let junk = ["__pycache__", "node_modules", ".DS_Store"]

    static func check(_ skill: SkillFiles) -> [QAFinding] {
        var findings: [QAFinding] = []
        guard let text = skill.text("SKILL.md") else {
            return [QAFinding("E1", .error, file: "SKILL.md", "SKILL.md is missing from the skill folder")]
        }
        var body = text
        var bodyStart = 1
        switch Frontmatter.parse(text) {
        case .failure(let failure):
            findings.append(
                QAFinding("E2", .error, file: "SKILL.md", line: failure.line, "frontmatter: \(failure.message)")
            )
        case .success(let frontmatter):
            findings += checkFrontmatter(frontmatter, folder: skill.folderName)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            body = lines.dropFirst(frontmatter.closingLine).joined(separator: "\n")
            bodyStart = frontmatter.closingLine + 1
        }
        if let zip = skill.zip { findings += checkZip(zip, folder: skill.folderName) }
        findings += checkLinks(skill)
        findings += checkBody(body, bodyStart: bodyStart, skill: skill)
        return findings
    }

    static func score(_ findings: [QAFinding]) -> Int {
        if findings.contains(where: { $0.severity == .error }) { return 0 }
        let warnings = Set(findings.filter { $0.severity == .warning }.map(\.rule))
        return max(0, 100 - 8 * warnings.count)
    }

    private static func checkFrontmatter(_ frontmatter: Frontmatter, folder: String) -> [QAFinding] {
        var findings: [QAFinding] = []
        func error(_ rule: String, _ message: String) {
            findings.append(QAFinding(rule, .error, file: "SKILL.md", line: 1, message))
        }
        func warning(_ rule: String, _ message: String) {
            findings.append(QAFinding(rule, .warning, file: "SKILL.md", line: 1, message))
        }
        for (key, _) in frontmatter.fields where !allowedKeys.contains(key) {
            error(
                "E3",
                "frontmatter key '\(key)' is not allowed (only \(allowedKeys.sorted().joined(separator: ", ")))"
            )
        }
        for (key, value) in frontmatter.fields {
            if case .unsupported(let raw) = value {
                error("E2", "'\(key)' holds a flow collection or tag the strict parser rejects: \(raw.prefix(40))")
            }
        }
        let name = frontmatter.string("name") ?? ""
        if name.isEmpty {
            error("E4", "name is missing or empty")
        } else {
            let valid =
                name.unicodeScalars.count <= 64 && !name.hasPrefix("-") && !name.hasSuffix("-") && !name.contains("--")
                && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            if !valid { error("E4", "name '\(name)' must be 1–64 characters of a-z, 0-9 and single inner dashes") }
            if name != folder { error("E5", "name '\(name)' differs from the folder '\(folder)'") }
            for word in reservedWords where name.contains(word) {
                error("E6", "name '\(name)' contains the reserved word '\(word)'")
            }
            if vagueNames.contains(name) { warning("W9", "name '\(name)' is vague") }
        }
        let description = frontmatter.string("description") ?? ""
        let scalars = description.unicodeScalars.count
        if scalars == 0 || scalars > 1024 { error("E7", "description has \(scalars) characters; 1–1024 allowed") }
        if description.contains("<") || description.contains(">") { error("E8", "description contains < or >") }
        if scalars > 500 { warning("W8", "description has \(scalars) characters; aim for at most 500") }
        let lower = description.lowercased()
        if !lower.contains("when") { warning("W4", "description does not say when to use the skill (\"Use when …\")") }
        if SkillText.words(description) < 8 { warning("W5", "description has fewer than 8 words") }
        let pronouns: Set<String> = ["i", "me", "my", "we", "us", "our", "you", "your"]
        if let pronoun = lower.split(whereSeparator: { !$0.isLetter }).first(where: { pronouns.contains(String($0)) }) {
            warning("W6", "description uses the first or second person ('\(pronoun)'); write in the third person")
        }
        let vague = ["helps with", "various things", "stuff", "miscellaneous", "general purpose", "does things"]
        if let phrase = vague.first(where: { lower.contains($0) }) {
            warning("W7", "description is vague ('\(phrase)')")
        }
        if let value = frontmatter.value("compatibility") {
            guard case .string(let text) = value, text.unicodeScalars.count <= 500 else {
                error("E9", "compatibility must be a string of at most 500 characters")
                return findings
            }
        }
        if let value = frontmatter.value("metadata"), case .string = value {
            error("E9", "metadata must be a mapping of strings")
        }
        if let value = frontmatter.value("allowed-tools"), case .mapping = value {
            error("E9", "allowed-tools must be a space-separated string")
        }
        return findings
    }

    private static func checkZip(_ zip: SkillFiles.ZipLayout, folder: String) -> [QAFinding] {
        var findings: [QAFinding] = []
        func error(_ rule: String, _ message: String) {
            findings.append(QAFinding(rule, .error, file: "\(folder).zip", message))
        }
        let roots = Set(zip.paths.compactMap { $0.split(separator: "/").first.map(String.init) })
        if roots.count != 1 || zip.paths.contains(where: { !$0.contains("/") }) {
            error(
                "E10",
                "the zip root must hold exactly one folder; it holds \(roots.sorted().joined(separator: ", "))"
            )
        }
        let skillFiles = zip.paths.filter { $0 == "SKILL.md" || $0.hasSuffix("/SKILL.md") }
        if skillFiles.count > 1 {
            error("E10", "the zip holds \(skillFiles.count) SKILL.md files: \(skillFiles.joined(separator: ", "))")
        }
        if !skillFiles.contains("\(folder)/SKILL.md") {
            error("E10", "SKILL.md is not directly inside the root folder")
        }
        for path in zip.paths {
            let parts = path.split(separator: "/")
            if parts.contains(where: { junk.contains(String($0)) }) || path.hasSuffix(".pyc") {
                error("E10", "junk member \(path)")
            }
        }
        for odd in zip.oddMembers { error("E10", "member \(odd) is a link or special file") }
        if zip.byteCount >= 8 << 20 { error("E11", "the zip has \(zip.byteCount) bytes; it must stay under 8 MB") }
        return findings
    }

    /// Markdown links `[text](target)` of a line.
    static func links(in line: Substring) -> [String] {
        var targets: [String] = []
        var rest = line[...]
        while let close = rest.firstRange(of: "](") {
            let after = rest[close.upperBound...]
            guard let end = after.firstIndex(of: ")") else { break }
            // `\](` is an escaped bracket in text, not a link.
            let escaped = close.lowerBound > rest.startIndex && rest[rest.index(before: close.lowerBound)] == "\\"
            if !escaped { targets.append(String(after[..<end])) }
            rest = after[after.index(after: end)...]
        }
        return targets
    }

    private static func checkLinks(_ skill: SkillFiles) -> [QAFinding] {
        var findings: [QAFinding] = []
        let paths = Set(skill.files.map(\.path))
        var linkedFromSkill = Set<String>()
        for (file, text) in skill.markdownFiles {
            let folder = file.split(separator: "/").dropLast().joined(separator: "/")
            var inFence = false
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.hasPrefix("```") { inFence.toggle() }
                if inFence { continue }
                for raw in links(in: line) {
                    let target =
                        String(raw.split(separator: " ").first ?? "").split(
                            separator: "#",
                            maxSplits: 1,
                            omittingEmptySubsequences: false
                        ).first.map(String.init) ?? ""
                    if target.isEmpty || target.contains("://") || target.hasPrefix("mailto:") { continue }
                    if target.contains("\\") {
                        findings.append(
                            QAFinding("E13", .error, file: file, line: index + 1, "link '\(raw)' uses a backslash")
                        )
                        continue
                    }
                    var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
                    var escapes = target.hasPrefix("/")
                    for part in target.split(separator: "/") {
                        if part == "." { continue }
                        if part == ".." {
                            if parts.isEmpty { escapes = true } else { parts.removeLast() }
                        } else {
                            parts.append(String(part))
                        }
                    }
                    let resolved = parts.joined(separator: "/")
                    if escapes || !paths.contains(resolved) {
                        findings.append(
                            QAFinding(
                                "E12",
                                .error,
                                file: file,
                                line: index + 1,
                                "link '\(raw)' does not resolve to a file inside the skill"
                            )
                        )
                        continue
                    }
                    if file == "SKILL.md" {
                        linkedFromSkill.insert(resolved)
                        if !line.lowercased().contains("when") {
                            findings.append(
                                QAFinding(
                                    "W13",
                                    .warning,
                                    file: file,
                                    line: index + 1,
                                    "link to \(resolved) does not say when to read it"
                                )
                            )
                        }
                    }
                }
            }
        }
        for path in paths.sorted() where path != "SKILL.md" {
            if path.contains("\\") { findings.append(QAFinding("E13", .error, file: path, "path uses a backslash")) }
            if !linkedFromSkill.contains(path) {
                findings.append(QAFinding("W11", .warning, file: path, "not linked from SKILL.md (orphan file)"))
            }
            if path.split(separator: "/").count > 2 {
                findings.append(QAFinding("W10", .warning, file: path, "more than one level below the skill folder"))
            }
            let name = String(path.split(separator: "/").last ?? "")
            let stem = name.split(separator: ".").first.map(String.init) ?? name
            let generic = ["doc", "file", "untitled", "document", "page", "ref", "reference", "section", "part", "new"]
            if generic.contains(where: {
                stem.lowercased().hasPrefix($0)
                    && stem.dropFirst($0.count).allSatisfy { $0.isNumber || $0 == "-" || $0 == "_" }
            }) {
                findings.append(
                    QAFinding("W20", .warning, file: path, "file name '\(name)' does not say what it holds")
                )
            }
        }
        for (file, text) in skill.markdownFiles where file != "SKILL.md" {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.count > 100 {
                let head = lines.prefix(30).map { $0.lowercased() }
                let hasContents = head.contains {
                    $0.hasPrefix("#") && ($0.contains("contents") || $0.contains("inhalt"))
                }
                if !hasContents {
                    findings.append(
                        QAFinding(
                            "W12",
                            .warning,
                            file: file,
                            line: 1,
                            "\(lines.count) lines without a table of contents"
                        )
                    )
                }
            }
        }
        return findings
    }

    private static func checkBody(_ body: String, bodyStart: Int, skill: SkillFiles) -> [QAFinding] {
        var findings: [QAFinding] = []
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > 500 {
            findings.append(
                QAFinding("W1", .warning, file: "SKILL.md", "body has \(lines.count) lines; keep it under 500")
            )
        }
        let tokens = body.count / 4
        if tokens > 5_000 {
            findings.append(
                QAFinding("W2", .warning, file: "SKILL.md", "body has about \(tokens) tokens; keep it under 5,000")
            )
        }
        let bytes = skill.files.first { $0.path == "SKILL.md" }?.bytes.count ?? 0
        if bytes > 8_000 {
            findings.append(
                QAFinding("W3", .warning, file: "SKILL.md", "SKILL.md has \(bytes) bytes; keep it under 8,000")
            )
        }
        if lines.filter({ $0.hasPrefix("## ") }).count < 2 {
            findings.append(QAFinding("W22", .warning, file: "SKILL.md", "fewer than two ## sections"))
        }
        let timeWords = ["as of ", "currently", "recently", "right now", "this year", "next year", "last year"]
        for (index, line) in lines.enumerated() {
            let lower = line.lowercased()
            if let word = timeWords.first(where: { lower.contains($0) }) {
                findings.append(
                    QAFinding(
                        "W14",
                        .warning,
                        file: "SKILL.md",
                        line: bodyStart + index,
                        "time-sensitive wording '\(word.trimmingWhitespace())'"
                    )
                )
                break
            }
        }
        var inProcedure = false
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("#") {
                let lower = line.lowercased()
                inProcedure = lower.contains("procedure") || lower.contains("steps") || lower.contains("how to")
            } else if inProcedure, line.hasPrefix("- ") {
                findings.append(
                    QAFinding(
                        "W17",
                        .warning,
                        file: "SKILL.md",
                        line: bodyStart + index,
                        "a procedure listed with bullets instead of numbered steps"
                    )
                )
                inProcedure = false
            }
        }
        for (file, text) in skill.markdownFiles {
            let fileLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            var fences = 0
            for (index, line) in fileLines.enumerated() {
                let trimmed = line.drop { $0 == " " }
                if trimmed.hasPrefix("```") {
                    fences += 1
                    if fences % 2 == 1, trimmed.dropFirst(3).allSatisfy(\.isWhitespace) {
                        findings.append(
                            QAFinding("W16", .warning, file: file, line: index + 1, "code fence without a language")
                        )
                    }
                }
                let lower = line.lowercased()
                if lower.contains("lorem ipsum") || line.contains("TODO") || line.contains("TBD")
                    || line.contains("FIXME")
                {
                    findings.append(QAFinding("W18", .warning, file: file, line: index + 1, "placeholder text"))
                }
                if line.unicodeScalars.contains(where: { SkillText.invisible.contains($0.value) }) {
                    findings.append(
                        QAFinding("W23", .warning, file: file, line: index + 1, "invisible Unicode character")
                    )
                }
            }
            if fences % 2 == 1 { findings.append(QAFinding("W19", .warning, file: file, "unbalanced code fences")) }
        }
        return findings
    }
}
