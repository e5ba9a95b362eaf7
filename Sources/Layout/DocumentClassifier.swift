import DocumentModel

#if canImport(Glibc)
    import Glibc
#endif

/// Rule-based document type: weighted keywords (English, German, French, Dutch, Spanish, Italian; ``rules``)
/// counted in the body text, with extra weight in the title and on the first page; the evidence is kept as
/// signals. The subtype comes from the type's own word lists (``subtypeRules``).
public enum DocumentClassifier {
    /// Classifies a document from its title and the text of its first pages.
    ///
    /// - Parameter tableShare: the share of `text` that stands in tables (0–1), which tells data tables from
    ///   prose among reports.
    public static func classify(title: String?, firstPage: String, text: String, tableShare: Double = 0) -> DocumentType
    {
        let body = Array((" " + text.lowercased() + " ").utf8)
        let head = Array((" " + ((title ?? "") + " " + firstPage.prefix(600)).lowercased() + " ").utf8)
        let titleBytes = Array((" " + (title ?? "").lowercased() + " ").utf8)
        let index = WordIndex(body)
        var scored: [(type: String, score: Double, signals: [String])] = []
        for rule in rules {
            var score = 0.0
            var ownWord = false
            var signals: [String] = []
            for (keyword, weight) in rule.keywords {
                // A naming word of seven letters or more also ends compounds ("Personeelshandboek",
                // "Mitarbeiterhandbuch", "Stromrechnung").
                let compound = weight >= 3 && keyword.utf8.count >= 7 && keyword.allSatisfy(\.isLetter)
                guard compound || index.mayContain(keyword) else { continue }
                let heading = headingWords.contains(keyword)
                var count =
                    heading
                    ? headingOccurrences(of: keyword, in: body, limit: 3)
                    : occurrences(of: keyword, in: body, limit: 3, compound: compound)
                guard count > 0 else { continue }
                let inHead =
                    (heading
                        ? headingOccurrences(of: keyword, in: head, limit: 1)
                        : occurrences(of: keyword, in: head, limit: 1, compound: compound)) > 0
                if headWords.contains(keyword) {
                    guard
                        occurrences(of: keyword, in: titleBytes, limit: 1) > 0
                            || headingOccurrences(of: keyword, in: head, limit: 1, orWords: true) > 0
                    else { continue }
                    count = 1
                }
                score += weight * (Double(count) + (inHead ? 2 : 0))
                signals.append(inHead ? "\(keyword) (title)" : keyword)
                if weight >= 2 { ownWord = true }
            }
            // A manual's "server", "change" and "table" make no receipt.
            if rule.needsOwnWord, !ownWord { score = 0 }
            scored.append((rule.type, score, signals))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.type < $1.type }
        guard let best = scored.first, best.score >= 3 else {
            return DocumentType(type: "unknown", confidence: 0)
        }
        let total = scored.reduce(0) { $0 + $1.score }
        let confidence = (best.score / max(total, 1) * 100).rounded() / 100
        let alternatives = scored.dropFirst().prefix(3).filter { $0.score > 0 }.map {
            (type: $0.type, score: ($0.score / max(total, 1) * 100).rounded() / 100)
        }
        return DocumentType(
            type: best.type,
            subtype: subtype(
                best.type,
                title: Array((" " + (title ?? "").lowercased() + " ").utf8),
                body: body,
                index: index,
                tableShare: tableShare
            ),
            confidence: confidence,
            alternatives: Array(alternatives),
            signals: Array(best.signals.prefix(8))
        )
    }

    /// Whether `text` holds a word that names `type` or a label only it prints (a keyword of weight 2 or more).
    static func names(_ type: String, in text: String) -> Bool {
        let bytes = Array((" " + text.lowercased() + " ").utf8)
        return rules.first { $0.type == type }?.keywords.contains { keyword, weight in
            weight >= 2
                && (headingWords.contains(keyword)
                    ? headingOccurrences(of: keyword, in: bytes, limit: 1)
                    : occurrences(of: keyword, in: bytes, limit: 1))
                    > 0
        } ?? false
    }

    /// Words that speak for a type only as a section heading, alone on their line or before its punctuation
    /// ("Abstract", "Keywords: …"), not in running text ("abstract syntax", "reserved keywords").
    static let headingWords: Set<String> = [
        "abstract", "keywords", "synopsis", "references", "bibliography", "bibliographie", "literaturverzeichnis",
    ]

    /// Words that speak for a type only in the title ("Application Form") or opening a line at the top of the first
    /// page ("Form 1040-NR"), being common in running text ("in the form of", MIME types such as `application/pdf`).
    static let headWords: Set<String> = ["form", "application", "modulo"]

    /// Occurrences of `keyword` opening a line of `haystack` and followed by the line's end or punctuation (`:`,
    /// `.`, a dash) — with `orWords`, or by a space and more words — counting at most `limit`.
    static func headingOccurrences(of keyword: String, in haystack: [UInt8], limit: Int, orWords: Bool = false) -> Int {
        let needle = Array(keyword.utf8)
        var count = 0
        var lineStart = 0
        while lineStart < haystack.count, count < limit {
            var start = lineStart
            while start < haystack.count, haystack[start] == 0x20 { start += 1 }
            let end = haystack[start...].firstIndex(of: 0x0A) ?? haystack.count
            if end - start >= needle.count, haystack[start..<start + needle.count].elementsEqual(needle) {
                let next = start + needle.count < end ? haystack[start + needle.count] : 0x0A
                // Line end, ":", ".", "-", or the first byte of an en or em dash.
                if next == 0x0A || next == 0x20 && (orWords || end == start + needle.count + 1) || next == 0x3A
                    || next == 0x2E || next == 0x2D || next == 0xE2
                {
                    count += 1
                }
            }
            lineStart = end + 1
        }
        return count
    }

    /// Occurrences of `keyword` as a whole word (or phrase) in `text`, searched on UTF-8 bytes (`memchr` finds the
    /// candidates), counting at most `limit`.
    /// With `compound`, an occurrence may also end a longer word.
    static func occurrences(of keyword: String, in haystack: [UInt8], limit: Int = .max, compound: Bool = false) -> Int
    {
        let needle = Array(keyword.utf8)
        guard let first = needle.first, needle.count <= haystack.count else { return 0 }
        return haystack.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { word in
                guard let base = text.baseAddress else { return 0 }
                var count = 0
                var index = 0
                let last = text.count - word.count
                while index <= last, count < limit {
                    guard let hit = memchr(base + index, Int32(first), last - index + 1) else { break }
                    index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + index, word.baseAddress!, word.count) == 0 {
                        let before = index > 0 ? text[index - 1] : 0x20
                        let after = index + word.count < text.count ? text[index + word.count] : 0x20
                        if (compound || !isWordByte(first) || !isWordByte(before))
                            && (!isWordByte(word[word.count - 1]) || !isWordByte(after))
                        {
                            count += 1
                            index += word.count
                            continue
                        }
                    }
                    index += 1
                }
                return count
            }
        }
    }
}
