/// QA's completeness and accuracy agents: how much of the source the skill carries, and that nothing in it is
/// invented.
enum ContentAgents {
    /// Lowercased, markdown escapes and emphasis removed, white space collapsed.
    static func normalize(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var escaped = false
        for character in text.lowercased() {
            if character == "\\", !escaped {
                escaped = true
                continue
            }
            if !escaped, character == "*" || character == "`" { continue }
            escaped = false
            out.append(character.isWhitespace ? " " : character)
        }
        return out.split(separator: " ").joined(separator: " ")
    }

    /// Share of the source's headings, tables, key/values and procedure steps found in the skill's Markdown.
    static func completeness(_ skill: SkillFiles, coverage: [OutlineItem]) -> QAAgentResult {
        let haystack = normalize(skill.markdownFiles.map(\.text).joined(separator: "\n"))
        var total = 0
        var found = 0
        var findings: [QAFinding] = []
        for item in coverage {
            let needle: String?
            let what: String
            switch item {
            case .heading(let text, _, let page):
                (needle, what) = (text, "heading \u{201C}\(text)\u{201D} (p. \(page))")
            case .keyValue(let key, let value, let page):
                (needle, what) = (value.isEmpty ? key : value, "value of \u{201C}\(key)\u{201D} (p. \(page))")
            case .table(let table, let page):
                (needle, what) = (table.columns.first { !$0.isEmpty } ?? table.rows.first?.first, "table (p. \(page))")
            case .listItem(let text, _, _, let page) where item.isNumberedStep:
                (needle, what) = (text, "step \u{201C}\(text.prefix(40))\u{201D} (p. \(page))")
            default: continue
            }
            guard let needle, !needle.isEmpty else { continue }
            total += 1
            if haystack.contains(normalize(needle)) {
                found += 1
            } else if findings.count < 50 {
                findings.append(QAFinding("CMP1", .warning, "missing from the skill: \(what)"))
            }
        }
        let score = total == 0 ? 100 : Int((100 * Double(found) / Double(total)).rounded(.down))
        if total == 0 {
            findings.append(
                QAFinding("CMP0", .info, "the source has no headings, tables, key/values or steps to check")
            )
        }
        return QAAgentResult(agent: "completeness", score: score, passed: false, findings: findings)
    }

    /// Numbers in `text`: runs of digits with `.`, `,` or `'` between them (`1.234,56`, `2026-03-14` gives three).
    static func numbers(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var previous: Character = " "
        for character in text {
            if character.isASCII, character.isNumber {
                current.append(character)
            } else if !current.isEmpty, ".,'".contains(character), previous.isNumber {
                current.append(character)
            } else {
                if !current.isEmpty { result.append(trim(current)) }
                current = ""
            }
            previous = character
        }
        if !current.isEmpty { result.append(trim(current)) }
        return result
    }

    private static func trim(_ number: String) -> String {
        var number = number
        while let last = number.last, !last.isNumber { number.removeLast() }
        return number
    }

    /// Removes what the packager writes itself: page citations `(p. 3)`/`(pp. 3–9)`, ordered-list numbers, the
    /// frontmatter.
    static func ownText(_ path: String, _ text: String) -> [(line: Int, text: String)] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var start = 0
        if path == "SKILL.md", case .success(let frontmatter) = Frontmatter.parse(text) {
            start = frontmatter.closingLine
        }
        var result: [(Int, String)] = []
        for index in start..<lines.count {
            // Markdown escapes (`29\.6`) are not part of the number.
            var line = lines[index].replacing("\\", with: "")
            // Link targets (file names, anchors) are the packager's, not statements.
            while let open = line.firstRange(of: "]("), let close = line[open.upperBound...].firstIndex(of: ")") {
                line.removeSubrange(line.index(after: open.lowerBound)...close)
            }
            for marker in ["(pp. ", "(p. "] {
                while let range = line.firstRange(of: marker), let close = line[range.upperBound...].firstIndex(of: ")")
                {
                    line.removeSubrange(range.lowerBound...close)
                }
            }
            let trimmed = line.drop { $0 == " " }
            let digits = trimmed.prefix { $0.isNumber }
            if !digits.isEmpty, trimmed.dropFirst(digits.count).hasPrefix(". ") {
                line = String(trimmed.dropFirst(digits.count + 2))
            }
            result.append((index + 1, line))
        }
        lines = []
        return result
    }

    /// Every number in the skill must occur in the source (as printed, or with its separators removed).
    static func accuracy(_ skill: SkillFiles, sourceText: String?) -> QAAgentResult {
        guard let sourceText else {
            return .notMeasured("accuracy", rule: "ACC0", reason: "no source given: numbers not checked")
        }
        let printed = Set(numbers(sourceText))
        // As printed, without separators, and each group of digits (a file name's `2305.03393` may be slugged).
        var bare = Set(printed.map { $0.filter(\.isNumber) })
        for number in printed { bare.formUnion(number.split(whereSeparator: { !$0.isNumber }).map(String.init)) }
        var total = 0
        var verified = 0
        var findings: [QAFinding] = []
        for (path, text) in skill.markdownFiles {
            for (line, content) in ownText(path, text) {
                for number in numbers(content) {
                    total += 1
                    if printed.contains(number) || bare.contains(number.filter(\.isNumber)) {
                        verified += 1
                    } else if findings.count < 100 {
                        findings.append(
                            QAFinding(
                                "ACC1",
                                .error,
                                file: path,
                                line: line,
                                "the number \(number) does not occur in the source"
                            )
                        )
                    }
                }
            }
        }
        // A source read by OCR is what the engine made of the scan: a misread digit is in both and passes.
        if let ocr = skill.metadata("ocr") {
            findings.insert(
                QAFinding(
                    "ACC2",
                    .warning,
                    file: "SKILL.md",
                    "text read by OCR (\(ocr)): \(total) numbers checked against what OCR read, not against the scan"
                ),
                at: 0
            )
        }
        let score = total == 0 ? 100 : Int((100 * Double(verified) / Double(total)).rounded(.down))
        return QAAgentResult(agent: "accuracy", score: score, passed: false, findings: findings)
    }
}
