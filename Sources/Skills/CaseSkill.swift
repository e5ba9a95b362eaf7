import DocumentModel

/// What a case is called: its slug (the folder `inbox/<slug>/`), its name and the claim or matter number.
public struct CaseProfile: Sendable, Hashable {
    public var slug: String
    public var name: String
    public var claimNumber: String?

    public init(slug: String, name: String, claimNumber: String? = nil) {
        self.slug = slug
        self.name = name
        self.claimNumber = claimNumber
    }
}

/// The one skill of a case: what the case is, its parties, dates and amounts across documents, a timeline of the
/// documents by their own dates, one reference per document grouped by category, and the facts several documents
/// share.
///
/// A pure function of the case's profile and the *set* of its entries: the entries are ordered by their own date,
/// title and checksum, never by arrival, so the same documents give the same bytes whatever order they came in.
public enum CaseSkill {
    /// The skill's name: `case-<slug>`, at most 64 characters.
    public static func name(_ profile: CaseProfile) -> String {
        SkillPackager.skillName("case-" + profile.slug, fallback: "case")
    }

    /// The version for a case of `documents` documents: 1.0.0 for the first, one minor step per document after.
    public static func version(documents: Int) -> String { "1.\(max(0, documents - 1)).0" }

    /// Builds the skill for `entries` (any order).
    public static func build(_ profile: CaseProfile, entries: [CaseEntry], engineVersion: String) -> SkillBundle {
        let ordered = canonicalOrder(entries)
        let parts = CaseContinuation.join(ordered)
        let name = name(profile)
        let references = referencePaths(parts)
        let description = CaseSkill.description(profile, parts: parts)
        var files: [(path: String, bytes: [UInt8])] = []
        for (index, part) in parts.enumerated() {
            files.append((references[index], Array(referenceText(part).utf8)))
        }
        files.append(("references/facts.md", Array(CaseFacts.markdown(profile, parts: parts).utf8)))
        let metadata: [(String, String)] =
            [("case", profile.name)] + (profile.claimNumber.map { [("claim-number", $0)] } ?? []) + [
                ("documents", String(ordered.count)),
                ("source", ordered.map(\.fileName).joined(separator: ", ")),
                ("sha256", ordered.map(\.sha256).joined(separator: ", ")),
                ("engine", engineVersion), ("version", version(documents: ordered.count)), ("generator", "skillspool"),
            ]
        var lines = SkillPackager.frontmatter(name: name, description: description, metadata: metadata)
        lines += body(profile, parts: parts, references: references)
        files.append(("SKILL.md", Array((lines.joined(separator: "\n").trimmingTrailingBlankLines() + "\n").utf8)))
        return SkillBundle(
            name: name,
            description: description,
            version: version(documents: ordered.count),
            files: files,
            coverage: []
        )
    }

    /// By the document's own date (undated last), then title, then checksum: never by arrival; one entry per
    /// checksum.
    public static func canonicalOrder(_ entries: [CaseEntry]) -> [CaseEntry] {
        var seen = Set<String>()
        let unique = entries.filter { seen.insert($0.sha256).inserted }
        return unique.sorted { a, b in
            let keyA = [a.date ?? "~", a.title.lowercased(), a.sha256]
            let keyB = [b.date ?? "~", b.title.lowercased(), b.sha256]
            return keyA.lexicographicallyPrecedes(keyB) { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
    }

    /// One reference path per part, from its title, unique within the case.
    public static func referencePaths(_ parts: [CasePart]) -> [String] {
        var used = Set<String>()
        return parts.map { part in
            let base =
                SkillText.slug(part.head.title, limit: 48).isEmpty
                ? "document" : SkillText.slug(part.head.title, limit: 48)
            var path = "references/\(base).md"
            var counter = 1
            while used.contains(path) || path == "references/facts.md" {
                counter += 1
                path = "references/\(base)-\(counter).md"
            }
            used.insert(path)
            return path
        }
    }

    /// Each document's Markdown; a continuation follows the part it continues.
    static func referenceText(_ part: CasePart) -> String {
        var text = part.head.markdown.trimmingTrailingBlankLines()
        for next in part.continuations {
            text += "\n\n---\n\n*Continued in \u{201C}\(Document.inline(next.fileName))\u{201D}"
            if let mark = next.firstMark { text += " from page \(mark.number) of \(mark.total)" }
            text += ":*\n\n" + next.markdown.trimmingTrailingBlankLines()
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // A joined document over 100 lines gets one table of contents for all its parts.
        if !part.continuations.isEmpty, lines.count > 100 {
            let headings = lines.filter { $0.hasPrefix("## ") && $0 != "## Contents" }
            lines.removeAll { $0 == "## Contents" }
            let contents =
                ["## Contents", ""]
                + headings.map { heading -> String in
                    let title = String(heading.dropFirst(3))
                    return "- [\(title)](#\(SkillText.anchor(SkillMarkdown.unescape(title))))"
                } + [""]
            lines.insert(contentsOf: contents, at: min(2, lines.count))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What an agent reads before opening the skill: the case, its claim number, what its documents are and who
    /// they concern, then when to use it. At most ``descriptionLimit`` characters.
    static func description(_ profile: CaseProfile, parts: [CasePart]) -> String {
        let documents = parts.flatMap(\.documents)
        var opening = "Case \u{201C}\(profile.name)\u{201D}"
        if let claim = profile.claimNumber { opening += " (claim \(claim))" }
        opening += ": \(documents.count) document\(documents.count == 1 ? "" : "s")"
        let kinds = CaseFacts.kindCounts(documents)
        if !kinds.isEmpty { opening += " (" + kinds.joined(separator: ", ") + ")" }
        let usage = " Use when a task concerns this case or any of its documents."
        let parties = CaseFacts.parties(documents).prefix(3).map { thirdPerson($0.name) }
        var partyText = parties.isEmpty ? "" : " Parties: " + parties.joined(separator: ", ") + "."
        let budget = descriptionLimit - opening.unicodeScalars.count - usage.unicodeScalars.count - 4
        if partyText.unicodeScalars.count > budget / 3 { partyText = "" }
        // Each document is named by its label and, room permitting, the words that stand out in it; all share
        // what room is left, each cut at a word when they do not all fit.
        let room = budget - partyText.unicodeScalars.count
        let share = parts.isEmpty ? room : max(16, room / parts.count - 2)
        var items = parts.map { part -> String in
            let label = thirdPerson(SkillText.clean(part.head.title))
            let labelWords = Set(
                label.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            )
            let terms = part.documents.flatMap(\.terms).filter {
                !labelWords.contains($0.lowercased()) && !pronouns.contains($0.lowercased())
            }
            var item = label
            for term in terms where (item + ", " + term).unicodeScalars.count + (item == label ? 2 : 0) <= share {
                item += (item == label ? " (" : ", ") + term
            }
            if item != label { item += ")" }
            return cut(item, to: share)
        }
        var listed = items.joined(separator: "; ")
        while listed.unicodeScalars.count > room, !items.isEmpty {
            items.removeLast()
            listed = items.joined(separator: "; ") + "; \u{2026}"
        }
        var text = opening + (listed.isEmpty ? "." : " \u{2014} " + listed + ".") + partyText + usage
        text = text.replacing("<", with: "\u{2039}").replacing(">", with: "\u{203A}")
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(descriptionLimit)))
    }

    /// A case skill speaks for several documents, so its description may use the format's full 1,024 characters
    /// rather than the 500 a one-document skill aims for (QA's W8 notes it; measured in Scripts/case-routing.py).
    public static let descriptionLimit = 1_024

    /// Words QA reads as the first or second person (W6): a document's title may hold them ("Schedule I",
    /// "Your account"), the case's description does not.
    static let pronouns: Set<String> = ["i", "me", "my", "we", "us", "our", "you", "your"]

    static func thirdPerson(_ text: String) -> String {
        text.split(separator: " ").filter { word in
            !pronouns.contains(word.lowercased().filter(\.isLetter)) || word.contains(where: \.isNumber)
        }.joined(separator: " ")
    }

    static func cut(_ text: String, to limit: Int) -> String {
        guard text.unicodeScalars.count > limit else { return text }
        var words: [Substring] = []
        var length = 0
        for word in text.split(separator: " ") {
            guard length + word.unicodeScalars.count + (words.isEmpty ? 0 : 1) <= limit - 1 else { break }
            length += word.unicodeScalars.count + (words.isEmpty ? 0 : 1)
            words.append(word)
        }
        return words.isEmpty
            ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit - 1))) + "\u{2026}"
            : words.joined(separator: " ") + "\u{2026}"
    }
}
