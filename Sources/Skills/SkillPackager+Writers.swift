import DocumentModel

extension SkillPackager {
    /// The frontmatter: name, a double-quoted description, and metadata as quoted strings.
    static func frontmatter(name: String, description: String, metadata: [(String, String)]) -> [String] {
        var lines = ["---", "name: \(name)", "description: \(SkillText.yamlQuoted(description))", "metadata:"]
        for (key, value) in metadata { lines.append("  \(key): \(SkillText.yamlQuoted(value))") }
        lines.append("---")
        return lines
    }

    static func metadata(_ sources: [SkillSource], options: PackageOptions, pages: String? = nil) -> [(String, String)]
    {
        var entries = [
            ("source", sources.map(\.fileName).joined(separator: ", ")),
            ("sha256", sources.map(\.sha256).joined(separator: ", ")),
            ("pages", pages ?? sources.map(\.pages).joined(separator: "; ")),
            ("document-type", sources.map(\.document.documentType.type).joined(separator: ", ")),
            (
                "language",
                sources.map { DocumentLanguage.of($0.outline)?.rawValue ?? "und" }.joined(separator: ", ")
            ),
            ("engine", options.engineVersion), ("version", options.version), ("generator", "skillspool"),
        ]
        // Text read by OCR may hold misread characters: an agent quoting figures from it should know.
        let scanned = sources.compactMap { source in
            source.document.meta.ocr.flatMap { ocr -> String? in
                guard !ocr.pages.isEmpty else { return nil }
                let confidence = ocr.confidences.reduce(0, +) / Double(ocr.confidences.count)
                return "\(source.fileName) pages \(ocr.pages.map(String.init).joined(separator: " ")) "
                    + "(\(ocr.engine), \(ocr.languages), confidence \(Int((confidence * 100).rounded()))%)"
            }
        }
        if !scanned.isEmpty { entries.append(("ocr", scanned.joined(separator: "; "))) }
        return entries
    }

    /// An extractive overview: the first sentences of the first substantial paragraphs, each cited — the abstract,
    /// summary or introduction first when the document has one, and never front matter (author and affiliation
    /// lines, addresses, e-mail).
    static func overview(_ items: [OutlineItem], sentences: Int = 3, paragraphs: Int = 2) -> [String] {
        // Start at the abstract, summary or introduction when there is one, else at the beginning.
        let leadHeading = items.firstIndex { item in
            guard case .heading(let text, _, _) = item else { return false }
            return leadHeadings.contains(SkillText.slug(SkillText.withoutNumbering(text)))
        }
        func candidates(from start: Int) -> [(text: String, page: Int)] {
            var found: [(text: String, page: Int)] = []
            for item in items[start...] {
                guard case .paragraph(let text, let page) = item, SkillText.words(text) >= 12,
                    !SkillDescription.isFrontMatter(text)
                else { continue }
                let kept = SkillText.sentenceList(text).filter { !SkillDescription.isNameList($0) }
                guard SkillText.words(kept.joined(separator: " ")) >= 12 else { continue }
                found.append((kept.prefix(sentences).joined(separator: " "), page))
                if found.count == paragraphs { break }
            }
            return found
        }
        var chosen = leadHeading.map { candidates(from: $0) } ?? []
        if chosen.isEmpty { chosen = candidates(from: items.startIndex) }
        var lines: [String] = []
        for candidate in chosen {
            lines += [Document.paragraph(candidate.text) + " " + SkillMarkdown.citation(candidate.page), ""]
        }
        if lines.isEmpty {
            for item in items {
                if case .paragraph(let text, let page) = item, !SkillDescription.isFrontMatter(text) {
                    lines += [Document.paragraph(text) + " " + SkillMarkdown.citation(page), ""]
                    break
                }
            }
        }
        if lines.isEmpty {
            // No prose to quote (a price list, a form): what the document is made of, by its top-level headings.
            let headings = items.compactMap { item -> (String, Int)? in
                guard case .heading(let text, let level, let page) = item, level == 1 else { return nil }
                return (text, page)
            }
            if let first = headings.first, let last = headings.last {
                let names = headings.prefix(8).map { "\u{201C}" + Document.inline($0.0) + "\u{201D}" }
                lines += [
                    "Sections: " + names.joined(separator: ", ") + ". "
                        + SkillMarkdown.citation(first.1, last.1),
                    "",
                ]
            }
        }
        return lines
    }

    /// Headings of the part that says what a document is about, in the languages the engine reads.
    static let leadHeadings: Set<String> = [
        "abstract", "summary", "executive-summary", "introduction", "overview", "zusammenfassung", "einleitung",
        "kurzfassung", "resume", "introduction-generale", "synthese", "resumen", "introduccion", "samenvatting",
        "inleiding", "riassunto", "introduzione", "sintesi",
    ]

    /// Key facts: key/value pairs, the first tables, the first numbered procedure.
    static func keyFacts(_ items: [OutlineItem], budget: Int) -> [String] {
        var lines: [String] = []
        let pairs = items.compactMap { item -> String? in
            guard case .keyValue(let key, let value, let page) = item else { return nil }
            return "- **" + Document.inline(key) + ":** " + Document.inline(value) + " " + SkillMarkdown.citation(page)
        }
        lines += pairs.prefix(20)
        var tables = 0
        for item in items where tables < 2 {
            guard case .table(let table, let page) = item, !table.columns.isEmpty, table.rows.count <= 15,
                table.columns.count <= 7
            else { continue }
            let rendered = Document.pipeTable(table)
            guard rendered.reduce(0, { $0 + $1.utf8.count }) < budget / 3 else { continue }
            if !lines.isEmpty { lines.append("") }
            lines += rendered + ["", "Table " + SkillMarkdown.citation(page)]
            tables += 1
        }
        var steps: [OutlineItem] = []
        for item in items {
            if item.isNumberedStep {
                steps.append(item)
            } else if steps.count >= 2 {
                break
            } else {
                steps = []
            }
        }
        if steps.count >= 2, let first = steps.first {
            if !lines.isEmpty { lines.append("") }
            lines += ["### Procedure " + SkillMarkdown.citation(first.page), ""]
            lines += SkillMarkdown.lines(Array(steps.prefix(15)), topLevel: 1)
        }
        let definitions = Self.definitions(items).prefix(8)
        if !definitions.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines += ["### Definitions", ""] + definitions
        }
        var total = 0
        var kept: [String] = []
        for line in lines {
            total += line.utf8.count + 1
            if total > budget { break }
            kept.append(line)
        }
        return kept
    }

    /// Sentences that define a term: "A router is a device that …", "Definition 2.3 (Kompaktheit) …", each as
    /// `- **term**: sentence (p. N)`.
    static func definitions(_ items: [OutlineItem]) -> [String] {
        var found: [String] = []
        for item in items {
            guard case .paragraph(let text, let page) = item else { continue }
            let sentence = SkillText.sentences(text, count: 1)
            let words = sentence.split(separator: " ").map(String.init)
            guard words.count >= 5, words.count <= 60 else { continue }
            var term: String?
            if ["Definition", "Definición", "Définition"].contains(words[0]) {
                term = words[0...1].joined(separator: " ")
            } else if let verb = words.prefix(6).firstIndex(where: { ["is", "are", "ist", "sind", "est"].contains($0) }
            ),
                verb >= 1, verb + 1 < words.count,
                ["a", "an", "the", "ein", "eine", "der", "die", "das", "un", "une"].contains(
                    words[verb + 1].lowercased()
                ),
                words[0].first?.isUppercase == true
            {
                term = words[..<verb].joined(separator: " ")
            }
            if let term {
                found.append(
                    "- **" + Document.inline(term) + "**: " + Document.inline(sentence) + " "
                        + SkillMarkdown.citation(page)
                )
            }
        }
        return found
    }

    /// One skill with a reference file per topic.
    static func single(
        _ name: String,
        title: String,
        sources: [SkillSource],
        plans: [TopicPlan],
        options: PackageOptions
    ) -> SkillBundle {
        let allItems = sources.flatMap(\.outline)
        let topics = plans.flatMap(\.topics)
        let description = SkillDescription.make(
            title: foundTitle(plans, title: title),
            kind: confidentKind(sources),
            items: plans.flatMap(\.preamble) + allItems,
            parts: sources.count == 1 ? SkillDescription.parts(of: sources[0]) : []
        )
        var files: [(String, [UInt8])] = []
        var body = ["# " + Document.inline(title), "", "## Overview", ""]
        body += overview(plans.flatMap(\.preamble) + allItems)
        let glance =
            sources.count == 1 ? DocumentShape.glance(allItems, type: sources[0].document.documentType.type) : []
        if !glance.isEmpty { body += ["## At a glance", ""] + glance + [""] }
        let facts = keyFacts(allItems, budget: 3_000)
        if !facts.isEmpty { body += ["## Key facts", ""] + facts + [""] }
        body += ["## Topics", ""]
        var used = Set<String>()
        for (plan, topic) in plans.flatMap({ plan in plan.topics.map { (plan, $0) } }) {
            var file = "references/\(topic.slug).md"
            var counter = 1
            while used.contains(file) {
                counter += 1
                file = "references/\(topic.slug)-\(counter).md"
            }
            used.insert(file)
            let reference = SkillMarkdown.reference(title: topic.name, items: topic.items, topLevel: plan.level ?? 1)
            files.append((file, Array(reference.utf8)))
            body.append(
                "- Read [\(file)](\(file)) when you need the details of \u{201C}\(Document.inline(topic.name))\u{201D} "
                    + SkillMarkdown.citation(topic.firstPage, topic.lastPage) + "."
            )
        }
        if topics.isEmpty { body.append("- The document has no text layer to reference.") }
        let skill =
            frontmatter(name: name, description: description, metadata: metadata(sources, options: options)) + body
        files.append(("SKILL.md", Array((skill.joined(separator: "\n").trimmingTrailingBlankLines() + "\n").utf8)))
        return SkillBundle(
            name: name,
            description: description,
            version: options.version,
            files: files,
            coverage: allItems
        )
    }

    /// One topic of a catalogue as a skill of its own.
    static func topicSkill(
        _ name: String,
        topic: Topic,
        source: SkillSource,
        title: String,
        options: PackageOptions
    ) -> SkillBundle {
        let description = SkillDescription.make(
            title: title,
            kind: confidentKind([source]),
            items: topic.items,
            scope: topic.name
        )
        let file = "references/\(topic.slug).md"
        let reference = SkillMarkdown.reference(title: topic.name, items: topic.items, topLevel: levelOf(topic) ?? 1)
        var body = ["# " + Document.inline(topic.name), "", "## Overview", ""]
        body += overview(topic.items)
        body.append(
            "Part of \u{201C}\(Document.inline(title))\u{201D} "
                + SkillMarkdown.citation(topic.firstPage, topic.lastPage) + "."
        )
        body.append("")
        let facts = keyFacts(topic.items, budget: 3_000)
        if !facts.isEmpty { body += ["## Key facts", ""] + facts + [""] }
        body += [
            "## Reference", "",
            "- Read [\(file)](\(file)) when you need the full text of \u{201C}\(Document.inline(topic.name))\u{201D} with its tables and lists "
                + SkillMarkdown.citation(topic.firstPage, topic.lastPage) + ".",
        ]
        let pages = topic.firstPage == topic.lastPage ? "\(topic.firstPage)" : "\(topic.firstPage)-\(topic.lastPage)"
        let skill =
            frontmatter(
                name: name,
                description: description,
                metadata: metadata([source], options: options, pages: pages)
            ) + body
        return SkillBundle(
            name: name,
            description: description,
            version: options.version,
            files: [(file, Array(reference.utf8)), ("SKILL.md", Array((skill.joined(separator: "\n") + "\n").utf8))],
            coverage: topic.items
        )
    }

    /// The master skill of a catalogue: what the document is and which topic skill to use when.
    static func index(
        _ name: String,
        title: String,
        sources: [SkillSource],
        plans: [TopicPlan],
        entries: [(name: String, topic: Topic)],
        options: PackageOptions
    ) -> SkillBundle {
        let description = SkillDescription.make(
            title: foundTitle(plans, title: title),
            kind: confidentKind(sources),
            items: plans.flatMap { $0.preamble + $0.topics.flatMap(\.items) }
        )
        var body = ["# " + Document.inline(title), "", "## Overview", ""]
        // The preamble (title page, short front matter) is small: it goes into the index whole.
        let preamble = plans.flatMap(\.preamble)
        let front = SkillMarkdown.lines(
            preamble.filter { if case .title = $0 { return false } else { return true } },
            topLevel: 1
        )
        body += front.isEmpty ? overview(entries.flatMap(\.topic.items)) : front + [""]
        body += [
            "## Topic skills", "",
            "This catalogue splits the document into skills of their own; use the one that matches the task:", "",
        ]
        for (skill, topic) in entries {
            // The heading as printed (with its number), so the index names what the source names.
            var heading = topic.name
            if case .heading(let text, _, _)? = topic.items.first { heading = text }
            body.append(
                "- `\(skill)` when the task concerns \u{201C}\(Document.inline(heading))\u{201D} "
                    + SkillMarkdown.citation(topic.firstPage, topic.lastPage) + "."
            )
        }
        let coverage = preamble + entries.compactMap { $0.topic.items.first }
        let skill =
            frontmatter(name: name, description: description, metadata: metadata(sources, options: options)) + body
        return SkillBundle(
            name: name,
            description: description,
            version: options.version,
            files: [("SKILL.md", Array((skill.joined(separator: "\n") + "\n").utf8))],
            coverage: coverage
        )
    }

    /// The title when the documents themselves give one; nil when it only comes from the file name.
    static func foundTitle(_ plans: [TopicPlan], title: String) -> String? {
        plans.allSatisfy(\.hasTitle) ? title : nil
    }

    /// The document type, when every document has the same one and the classifier is confident of it.
    static func confidentKind(_ sources: [SkillSource]) -> String? {
        let types = Set(sources.map(\.document.documentType.type))
        guard types.count == 1, let type = types.first, type != "unknown",
            sources.allSatisfy({ $0.document.documentType.confidence >= 0.6 })
        else { return nil }
        return type.replacing("_", with: " ")
    }

    static func levelOf(_ topic: Topic) -> Int? {
        if case .heading(_, let level, _)? = topic.items.first { return level }
        return nil
    }
}

extension String {
    func trimmingTrailingBlankLines() -> String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false)
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
