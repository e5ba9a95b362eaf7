/// The language a document is written in, among those the engine reads, told from its function words — the
/// articles, prepositions and conjunctions every sentence uses and no other of these languages spells the same way.
/// A task often names it ("the German lecture notes", "my French phone bill"), and an agent choosing between two
/// skills of the same kind can tell them apart by it.
public enum DocumentLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case german = "de"
    case french = "fr"
    case spanish = "es"
    case italian = "it"
    case dutch = "nl"

    /// The language's name in English.
    public var englishName: String {
        switch self {
        case .english: "English"
        case .german: "German"
        case .french: "French"
        case .spanish: "Spanish"
        case .italian: "Italian"
        case .dutch: "Dutch"
        }
    }

    /// Words frequent in running text of this language and not common words of the others: a word two of them
    /// share ("in", "de", "con", "is" in English and Dutch, "des" in French and German) is left out of both.
    var functionWords: [String] {
        switch self {
        case .english:
            [
                "the", "and", "to", "that", "for", "with", "are", "this", "be", "by", "or", "from", "which", "was",
                "have",
            ]
        case .german:
            [
                "der", "und", "den", "das", "ist", "nicht", "mit", "sich", "auf", "für", "dem", "ein", "eine", "wird",
                "sind",
            ]
        case .french:
            ["les", "et", "est", "une", "pour", "dans", "du", "sur", "qui", "par", "au", "sont", "pas", "avec", "aux"]
        case .spanish:
            [
                "el", "los", "las", "y", "para", "por", "como", "más", "pero", "este", "esta", "sobre", "también",
                "cuando", "hasta",
            ]
        case .italian:
            [
                "il", "della", "di", "che", "per", "sono", "gli", "nel", "delle", "alla", "è", "dei", "questo", "anche",
                "degli",
            ]
        case .dutch:
            [
                "het", "een", "van", "zijn", "voor", "niet", "op", "dat", "wordt", "aan", "bij", "ook", "naar",
                "worden", "deze",
            ]
        }
    }

    /// Each function word and its language.
    private static let index: [String: DocumentLanguage] = Dictionary(
        allCases.flatMap { language in language.functionWords.map { ($0, language) } },
        uniquingKeysWith: { first, _ in first }
    )

    /// Words of the Latin placeholder text ("Lorem ipsum dolor sit amet, … sed do eiusmod …") that templates and
    /// samples are filled with: it shares "et" and "est" with French but is no language a task would name.
    private static let latin: Set<String> = [
        "lorem", "ipsum", "dolor", "sit", "amet", "sed", "ut", "nec", "vel", "quis", "nisi", "eget", "vitae", "ac",
        "aliquam", "consectetur", "adipiscing", "elit", "tempor", "magna",
    ]

    /// The language of `words` (lowercased running text, in order), or nil when the text is too short or too
    /// mixed to tell: at least 6 function words, and the leading language at least twice as frequent as the next
    /// (and as placeholder Latin).
    public static func of(words: some Sequence<Substring>) -> DocumentLanguage? {
        var counts: [DocumentLanguage: Int] = [:]
        var latinCount = 0
        var seen = 0
        for word in words {
            seen += 1
            if seen > 20_000 { break }
            let text = String(word)
            if let language = index[text] { counts[language, default: 0] += 1 }
            if latin.contains(text) { latinCount += 1 }
        }
        let ranked = allCases.map { ($0, counts[$0] ?? 0) }.sorted { $0.1 > $1.1 }
        guard let first = ranked.first, first.1 >= 6, first.1 >= 2 * max(ranked[1].1, latinCount) else { return nil }
        return first.0
    }

    /// The language of the prose of `items` (paragraphs and list items; tables and labels say too little).
    static func of(_ items: [OutlineItem]) -> DocumentLanguage? {
        var text: [Substring] = []
        for item in items {
            switch item {
            case .paragraph(let value, _), .listItem(let value, _, _, _), .heading(let value, _, _):
                text += value.lowercased().split(whereSeparator: { !$0.isLetter })
            case .keyValue(let key, let value, _):
                text += (key + " " + value).lowercased().split(whereSeparator: { !$0.isLetter })
            case .title, .table:
                continue
            }
            if text.count > 20_000 { break }
        }
        return of(words: text)
    }
}
