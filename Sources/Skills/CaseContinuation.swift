/// A document of a case with the later drops that continue it (one letter sent in two scans).
public struct CasePart: Sendable, Hashable {
    public var head: CaseEntry
    /// Documents whose first page continues the previous one's last page, in page order.
    public var continuations: [CaseEntry] = []

    public var documents: [CaseEntry] { [head] + continuations }

    /// The earliest date of its documents.
    public var date: String? { documents.compactMap(\.date).min() }
}

/// Continuation analysis: a document whose first page is numbered as the page after another document's last page
/// (`Page 3 of 5` after `Page 2 of 5`) and which shares its reference — a reference number both carry, or the same
/// title — continues that document.
public enum CaseContinuation {
    /// Groups `entries` (in canonical order) into parts; the result keeps that order for the heads.
    public static func join(_ entries: [CaseEntry]) -> [CasePart] {
        var parts = entries.map { CasePart(head: $0) }
        var joined = true
        // Each round attaches one document to the part it continues; a chain of three scans takes two rounds.
        while joined {
            joined = false
            outer: for index in parts.indices {
                guard let first = parts[index].head.firstMark, first.number > 1 else { continue }
                for target in parts.indices where target != index {
                    guard let last = parts[target].documents.last?.lastMark, last.total == first.total,
                        last.number + 1 == first.number,
                        sharesReference(parts[target].documents, parts[index].head)
                    else { continue }
                    parts[target].continuations += parts[index].documents
                    parts.remove(at: index)
                    joined = true
                    break outer
                }
            }
        }
        return parts
    }

    static func sharesReference(_ earlier: [CaseEntry], _ later: CaseEntry) -> Bool {
        let codes = Set(earlier.flatMap(\.identifiers).map(\.normalized))
        if later.identifiers.contains(where: { codes.contains($0.normalized) }) { return true }
        let titles = Set(earlier.map { $0.title.lowercased() })
        return titles.contains(later.title.lowercased()) && !later.title.isEmpty
    }
}
