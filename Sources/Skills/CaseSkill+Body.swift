import DocumentModel

extension CaseSkill {
    /// SKILL.md's body: overview, timeline, shared references, continuations, documents by category.
    static func body(_ profile: CaseProfile, parts: [CasePart], references: [String]) -> [String] {
        // The timeline names each document; the links (with when to read them) are under "Documents by category".
        let documents = parts.flatMap(\.documents)
        var lines = ["# " + Document.inline(profile.name), "", "## Overview", ""]
        var overview = "The case \u{201C}\(Document.inline(profile.name))\u{201D}"
        if let claim = profile.claimNumber { overview += " (claim number \(Document.inline(claim)))" }
        overview += " holds \(documents.count) document\(documents.count == 1 ? "" : "s")"
        let kinds = CaseFacts.kindCounts(documents)
        if !kinds.isEmpty { overview += ": " + kinds.joined(separator: ", ") }
        let dated = documents.compactMap(\.date).sorted()
        if let first = dated.first, let last = dated.last {
            overview += first == last ? ", dated \(first)" : ", dated \(first) to \(last)"
        }
        lines += [overview + ".", ""]
        let parties = CaseFacts.parties(documents)
        if !parties.isEmpty {
            lines.append(
                "Parties: "
                    + parties.prefix(8).map { party in
                        Document.inline(party.name)
                            + (party.documents.count > 1 ? " (\(party.documents.count) documents)" : "")
                    }.joined(separator: "; ") + "."
            )
            lines.append("")
        }
        lines += ["## Timeline", ""]
        for part in parts {
            var line = "- " + (part.head.date ?? "undated") + " \u{2014} "
            line += Document.inline(part.head.title)
            line += " (" + describe(part) + ")"
            lines.append(line)
        }
        lines.append("")
        let shared = CaseFacts.sharedReferences(documents)
        if !shared.isEmpty {
            lines += ["## Shared across documents", ""]
            for reference in shared.prefix(12) {
                lines.append(
                    "- \(Document.inline(reference.code)) appears in \(reference.documents.count) documents: "
                        + reference.documents.map {
                            "\(Document.inline($0.fileName)) (\(Document.inline($0.key)), p. \($0.page))"
                        }
                        .joined(separator: "; ")
                )
            }
            lines.append("")
        }
        let joined = parts.filter { !$0.continuations.isEmpty }
        if !joined.isEmpty {
            lines += ["## Continued documents", ""]
            for part in joined {
                for next in part.continuations {
                    var line = "- \(Document.inline(next.fileName)) continues \(Document.inline(part.head.fileName))"
                    if let mark = next.firstMark { line += " from page \(mark.number) of \(mark.total)" }
                    lines.append(line + "; both are read as one document.")
                }
            }
            lines.append("")
        }
        lines += ["## Documents by category", ""]
        var groups: [String: [Int]] = [:]
        for (index, part) in parts.enumerated() {
            groups[(part.head.category ?? part.head.kind).replacing("_", with: " "), default: []].append(index)
        }
        for group in groups.keys.sorted() {
            lines += ["### " + Document.inline(group.prefix(1).uppercased() + group.dropFirst()), ""]
            for index in groups[group] ?? [] {
                let part = parts[index]
                lines.append(
                    "- Read [\(references[index])](\(references[index])) when you need \u{201C}"
                        + Document.inline(part.head.title) + "\u{201D} ("
                        + part.documents.map { Document.inline($0.fileName) }
                        .joined(separator: " + ") + ")."
                )
            }
            lines.append("")
        }
        lines += [
            "## Facts",
            "",
            "- Read [references/facts.md](references/facts.md) when you need a party, amount, reference number or "
                + "date the documents state, with its page.",
        ]
        return lines
    }

    /// `invoice, 2 pages, INV-204`.
    static func describe(_ part: CasePart) -> String {
        var details: [String] = []
        let kind = (part.head.category ?? part.head.kind).replacing("_", with: " ")
        if kind != "unknown" { details.append(kind) }
        let pages = part.documents.reduce(0) { $0 + $1.pageCount }
        details.append("\(pages) page\(pages == 1 ? "" : "s")")
        if let code = part.head.identifiers.first?.value { details.append(Document.inline(code)) }
        if let total = part.head.amounts.last { details.append(Document.inline(total.key + " " + total.value)) }
        return details.joined(separator: ", ")
    }
}
