import DocumentModel
import Layout
import SpoolConfig

/// Sorts a document into one of the tenant's own categories (Sky AI) and names its outputs by the category's
/// naming convention.
enum CategoryClassifier {
    /// The best-scoring category: a key topic found in the text counts 2, a recognition tip 1, a tip naming the
    /// document type 3. Ties go to the earlier category; without any evidence the fallback category applies.
    static func classify(
        _ document: Document,
        text: String,
        categories: [TenantConfiguration.Category]
    )
        -> TenantConfiguration.Category?
    {
        guard !categories.isEmpty else { return nil }
        let haystack = " " + normalize(text) + " "
        var best: (category: TenantConfiguration.Category, score: Int)?
        for category in categories {
            var score = 0
            for topic in category.keyTopics where contains(haystack, topic) { score += 2 }
            for tip in category.recognitionTips {
                if tip.lowercased() == document.documentType.type {
                    score += 3
                } else if contains(haystack, tip) {
                    score += 1
                }
            }
            if score > 0, score > (best?.score ?? 0) { best = (category, score) }
        }
        return best?.category ?? categories.first(where: \.isFallback)
    }

    /// Applies a pattern like `INV-[Date]-[Type]`: `[Date]` is the document's first date (ISO), `[Type]` its type,
    /// `[Category]` the category, `[Name]` the source file's stem, `[Reference]` the manifest's reference. The
    /// result keeps letters, digits, `.`, `_` and `-` only.
    static func name(
        pattern: String,
        document: Document,
        category: String,
        stem: String,
        reference: String?
    )
        -> String
    {
        var result = pattern
        let values = [
            ("[Date]", firstDate(document) ?? "undated"), ("[Type]", document.documentType.type),
            ("[Category]", category), ("[Name]", stem), ("[Reference]", reference ?? "noref"),
        ]
        for (token, value) in values { result = result.replacing(token, with: value) }
        let cleaned = String(
            result.unicodeScalars.map { scalar -> Character in
                let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
                return allowed || scalar == "." || scalar == "_" || scalar == "-" ? Character(scalar) : "-"
            }
        )
        return cleaned.isEmpty || cleaned.hasPrefix(".") ? "document" + cleaned : cleaned
    }

    /// The first date in the document: a tagged key/value first, then any table cell or line that is a date.
    static func firstDate(_ document: Document) -> String? {
        for section in document.sections {
            for block in section.blocks {
                switch block {
                case .cluster(let cluster):
                    for entry in cluster.entries {
                        if entry.semantic == "date", let normalized = entry.normalized { return normalized }
                        if let value = SemanticTagger.tag(entry.value ?? entry.text), value.kind == "date" {
                            return value.normalized
                        }
                    }
                case .table(let table):
                    for cell in table.rows.joined() {
                        if let value = SemanticTagger.tag(cell), value.kind == "date" { return value.normalized }
                    }
                }
            }
        }
        return nil
    }

    private static func normalize(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " })
            .split(separator: " ").joined(separator: " ")
    }

    private static func contains(_ haystack: String, _ phrase: String) -> Bool {
        let needle = normalize(phrase)
        return !needle.isEmpty && haystack.contains(" " + needle + " ")
    }
}
