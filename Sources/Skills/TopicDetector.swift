/// A part of a document that deserves its own reference file (or, in a catalogue, its own skill).
public struct Topic: Sendable {
    /// The heading, without its section number.
    public var name: String
    /// A file and skill name part: `^[a-z0-9]+(-[a-z0-9]+)*$`, unique within the document.
    public var slug: String
    /// What the topic covers, from its own first sentences.
    public var description: String
    public var wordCount: Int
    public var firstPage: Int
    public var lastPage: Int
    /// The topic's content, its heading first.
    public var items: [OutlineItem]

    /// Whether the topic is apparatus around the content — an abstract, references, contents, an index,
    /// acknowledgements — which a catalogue folds into a neighbour rather than making a skill nobody would ask for.
    public var isApparatus: Bool {
        let key = SkillText.slug(name, limit: 64)
        return Self.apparatusSlugs.contains(key)
    }

    /// The slugs of apparatus headings, in the languages the engine reads.
    static let apparatusSlugs: Set<String> = [
        "abstract", "references", "bibliography", "contents", "table-of-contents", "index",
        "acknowledgements", "acknowledgments", "acknowledgement", "acknowledgment", "literatur",
        "literaturverzeichnis", "inhalt", "inhaltsverzeichnis", "zusammenfassung", "danksagung", "resume",
        "references-bibliographiques", "bibliographie", "table-des-matieres", "sommaire", "remerciements",
        "resumen", "referencias", "bibliografia", "indice", "agradecimientos", "samenvatting", "referenties",
        "literatuur", "inhoud", "inhoudsopgave", "dankwoord", "riassunto", "riferimenti", "ringraziamenti",
    ]

    /// This topic with `other`'s content added (after it, or before it when `before` is set).
    func absorbing(_ other: Topic, before: Bool = false) -> Topic {
        var merged = self
        merged.items = before ? other.items + items : items + other.items
        merged.wordCount += other.wordCount
        merged.firstPage = min(firstPage, other.firstPage)
        merged.lastPage = max(lastPage, other.lastPage)
        return merged
    }
}

/// The topics of one document (Smidge's detect-topics).
public struct TopicPlan: Sendable {
    /// The document's title (its title entry, first heading or file name).
    public var title: String
    /// Whether the document itself gave the title (false when it comes from the file name).
    public var hasTitle = true
    /// What comes before the first topic.
    public var preamble: [OutlineItem]
    public var topics: [Topic]
    public var totalWords: Int
    /// The heading level the topics were cut at; nil when the document has no usable headings.
    public var level: Int?
    /// Long enough, with several substantial topics, to be served as one skill per topic plus an index.
    public var shouldCatalogue: Bool
}

/// Cuts a document into topics along its heading tree.
public enum TopicDetector {
    /// A section needs this many words to stand as a topic; smaller ones join the topic before them.
    public static let substantialWords = 150
    /// A catalogue needs this many words in all and at least ``catalogueTopics`` substantial topics: a paper or a
    /// short report is one skill, whose references an agent finds from its one SKILL.md.
    public static let catalogueWords = 20_000
    public static let catalogueTopics = 3
    /// At most this many topics; beyond, neighbours are merged.
    public static let maxTopics = 24

    /// The level whose sections cover the most of the document with at least three substantial sections (the
    /// shallower one when two cover about as much), then one topic per section at that level.
    public static func plan(_ source: SkillSource) -> TopicPlan {
        let items = source.outline
        let totalWords = items.reduce(0) { $0 + $1.wordCount }
        let metadataTitle = source.document.meta.title
        let found = documentTitle(items, metadataTitle: metadataTitle, fallback: "")
        let title = found.isEmpty ? documentTitle(items, metadataTitle: metadataTitle, fallback: source.stem) : found
        let levels = Set(
            items.compactMap { item -> Int? in
                if case .heading(_, let level, _) = item { return level }
                return nil
            }
        ).sorted()
        var best: (level: Int, coverage: Double)?
        for level in levels {
            let sections = cut(items, level: level).sections
            let substantial = sections.filter { words($0) >= substantialWords }
            guard substantial.count >= catalogueTopics else { continue }
            let coverage = Double(substantial.reduce(0) { $0 + words($1) }) / Double(max(totalWords, 1))
            if best == nil || coverage > best!.coverage + 0.1 { best = (level, coverage) }
        }
        guard let level = best?.level else {
            let topic = makeTopic(items, name: title, wordCount: totalWords)
            return TopicPlan(
                title: title,
                hasTitle: !found.isEmpty,
                preamble: [],
                topics: topic.map { [$0] } ?? [],
                totalWords: totalWords,
                level: nil,
                shouldCatalogue: false
            )
        }
        var (preamble, sections) = cut(items, level: level)
        // Small sections join the one before them (or the next, at the start).
        var merged: [[OutlineItem]] = []
        for section in sections {
            if words(section) < substantialWords, !merged.isEmpty {
                merged[merged.count - 1] += section
            } else {
                merged.append(section)
            }
        }
        if merged.count > 1, words(merged[0]) < substantialWords {
            merged[1] = merged[0] + merged[1]
            merged.removeFirst()
        }
        while merged.count > maxTopics {
            let smallest =
                (0..<merged.count - 1).min {
                    words(merged[$0]) + words(merged[$0 + 1]) < words(merged[$1]) + words(merged[$1 + 1])
                } ?? 0
            merged[smallest] += merged[smallest + 1]
            merged.remove(at: smallest + 1)
        }
        if words(preamble) >= substantialWords {
            merged.insert(preamble, at: 0)
            preamble = []
        }
        var topics: [Topic] = []
        var slugs = Set<String>()
        for section in merged {
            let name = sectionName(section) ?? "Introduction"
            guard var topic = makeTopic(section, name: name, wordCount: words(section)) else { continue }
            var slug = topic.slug
            var counter = 1
            while slugs.contains(slug) {
                counter += 1
                slug = "\(topic.slug)-\(counter)"
            }
            slugs.insert(slug)
            topic.slug = slug
            topics.append(topic)
        }
        let substantial = topics.filter { $0.wordCount >= substantialWords && !$0.isApparatus }.count
        return TopicPlan(
            title: title,
            hasTitle: !found.isEmpty,
            preamble: preamble,
            topics: topics,
            totalWords: totalWords,
            level: level,
            shouldCatalogue: totalWords >= catalogueWords && substantial >= catalogueTopics
        )
    }

    /// The topics a catalogue makes skills of: apparatus (abstract, references, …) joins its neighbour — the one
    /// after it when it comes first, the one before it otherwise — so nothing is lost from the catalogue.
    public static func catalogueSkillTopics(_ topics: [Topic]) -> [Topic] {
        var kept: [Topic] = []
        var pending: [Topic] = []
        for topic in topics {
            if topic.isApparatus {
                if let last = kept.popLast() { kept.append(last.absorbing(topic)) } else { pending.append(topic) }
            } else {
                kept.append(pending.reversed().reduce(topic) { $0.absorbing($1, before: true) })
                pending = []
            }
        }
        if kept.isEmpty { return topics }
        return kept
    }

    private static func cut(_ items: [OutlineItem], level: Int) -> (preamble: [OutlineItem], sections: [[OutlineItem]])
    {
        var preamble: [OutlineItem] = []
        var sections: [[OutlineItem]] = []
        for item in items {
            if case .heading(_, let headingLevel, _) = item, headingLevel <= level {
                if headingLevel == level {
                    sections.append([item])
                    continue
                }
                // A shallower heading closes the current section; its text joins the preamble or the last section.
            }
            if sections.isEmpty { preamble.append(item) } else { sections[sections.count - 1].append(item) }
        }
        return (preamble, sections)
    }

    private static func words(_ items: [OutlineItem]) -> Int { items.reduce(0) { $0 + $1.wordCount } }

    private static func sectionName(_ items: [OutlineItem]) -> String? {
        for item in items {
            if case .heading(let text, _, _) = item { return SkillText.withoutNumbering(text) }
        }
        return nil
    }

    /// The title that names the document: its title entry, else the title its metadata gives (a PDF's `Title`,
    /// unless it is a file name or a producer's placeholder), else its first heading that names it, else `fallback`.
    static func documentTitle(_ items: [OutlineItem], metadataTitle: String? = nil, fallback: String) -> String {
        for item in items {
            if case .title(let text, _) = item, SkillText.words(text) <= 16, names(text) { return text }
        }
        if let metadataTitle, SkillText.words(metadataTitle) <= 16, names(metadataTitle),
            !isPlaceholderTitle(metadataTitle)
        {
            return metadataTitle
        }
        for (index, item) in items.prefix(40).enumerated() {
            guard case .heading(let text, _, _) = item, SkillText.words(text) <= 16 else { continue }
            // A heading that labels the name ("NAME" over "grep - print lines that match patterns") gives its line.
            if titleLabelSlugs.contains(SkillText.slug(text, limit: 64)), index + 1 < items.count,
                case .paragraph(let value, _) = items[index + 1], SkillText.words(value) <= 16, names(value)
            {
                return value
            }
            if names(text) { return SkillText.withoutNumbering(text) }
        }
        return SkillText.clean(fallback.replacing("_", with: " ").replacing("-", with: " "))
    }

    /// Whether a title candidate has a word to name something by — an account number or a date alone does not —
    /// and names the document rather than a page of it ("Front cover", "Contents") or its publisher's web address
    /// ("ibm.com/redbooks").
    private static func names(_ text: String) -> Bool {
        let slug = SkillText.slug(SkillText.withoutNumbering(text), limit: 64)
        guard !Topic.apparatusSlugs.contains(slug), !pageLabelSlugs.contains(slug), !sectionLabelSlugs.contains(slug),
            !titleLabelSlugs.contains(slug)
        else { return false }
        let isAddress = text.split(separator: " ").contains { word in
            word.hasPrefix("www.") || word.hasPrefix("http")
                || webDomains.contains { word.contains($0 + "/") || word.hasSuffix($0) }
        }
        return !isAddress && !SkillText.isGarbled(text)
            && text.split(whereSeparator: { !$0.isLetter }).contains { $0.count >= 3 }
    }

    /// Slugs of headings that label a page of the document, not the document, in the languages the engine reads, and
    /// the navigation of a web page printed.
    static let pageLabelSlugs: Set<String> = [
        "front-cover", "cover", "cover-page", "back-cover", "title-page", "copyright", "notices", "imprint",
        "deckblatt", "titelblatt", "titelseite", "impressum", "couverture", "page-de-titre", "page-de-garde",
        "portada", "contraportada", "copertina", "frontespizio", "voorblad", "titelpagina", "colofon",
        // A web page printed: its navigation.
        "home", "homepage", "home-page", "startseite", "accueil", "inicio", "menu", "navigation", "main-menu",
        "skip-to-content", "skip-to-main-content",
    ]

    /// A metadata title a producer wrote for want of one: a file name (`report_final.docx`, `Microsoft Word -
    /// Offer.docx`, `10811.exe`), an identifier without spaces (`indictb1h_14`), or only words such as "Untitled",
    /// "Document", "Template", "Sample".
    static func isPlaceholderTitle(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace)
        let fileName = words.contains { word in
            guard let dot = word.lastIndex(of: "."), word.index(after: dot) < word.endIndex else { return false }
            return fileExtensions.contains(String(word[word.index(after: dot)...]))
        }
        let identifier = words.count == 1 && text.contains { $0 == "_" || $0.isNumber }
        return fileName || identifier || words.allSatisfy { placeholderWords.contains(String($0)) }
    }

    private static let fileExtensions: Set<String> = [
        "pdf", "doc", "docx", "odt", "rtf", "txt", "md", "tex", "dvi", "ps", "eps", "xls", "xlsx", "ods", "csv", "ppt",
        "pptx", "odp", "htm", "html", "indd", "qxd", "pub", "pages", "key", "exe",
    ]

    private static let placeholderWords: Set<String> = [
        "untitled", "document", "documents", "new", "template", "sample", "example", "test", "draft", "copy", "file",
        "pdf", "title", "page", "slide", "presentation", "microsoft", "word", "-", "1", "2", "unbenannt", "dokument",
        "sans", "titre", "naamloos", "sin", "título", "senza", "titolo", "activereports",
    ]

    /// Slugs of headings that open a part of any document ("Introduction", "Synopsis", "Overview") and so name none,
    /// in the languages the engine reads.
    static let sectionLabelSlugs: Set<String> = [
        "introduction", "overview", "summary", "executive-summary", "synopsis", "description", "preface", "foreword",
        "background", "scope", "purpose", "einleitung", "einfuehrung", "ueberblick", "uebersicht", "vorwort",
        "beschreibung", "apercu", "presentation", "avant-propos", "inleiding", "overzicht", "voorwoord",
        "beschrijving", "introduccion", "descripcion", "prologo", "prefacio", "introduzione", "panoramica",
        "sommario", "prefazione", "descrizione", "premessa",
    ]

    /// Slugs of headings that label the document's name, which the line under them gives.
    static let titleLabelSlugs: Set<String> = [
        "name", "title", "subject", "titel", "betreff", "nom", "titre", "objet", "naam", "onderwerp", "nombre",
        "titulo", "asunto", "nome", "titolo", "oggetto",
    ]

    /// Top-level domains that mark a heading as a web address.
    private static let webDomains = [".com", ".org", ".net", ".gov", ".edu", ".int", ".eu", ".de", ".fr", ".uk"]

    private static func makeTopic(_ items: [OutlineItem], name: String, wordCount: Int) -> Topic? {
        guard let first = items.first, let last = items.last else { return nil }
        let slug = SkillText.slug(name, limit: 40)
        let firstParagraph = items.lazy.compactMap { item -> String? in
            if case .paragraph(let text, _) = item, SkillText.words(text) >= 6 { return text }
            return nil
        }.first
        return Topic(
            name: name,
            slug: slug.isEmpty ? "section" : slug,
            description: firstParagraph.map { SkillText.sentences($0, count: 1) } ?? name,
            wordCount: wordCount,
            firstPage: first.page,
            lastPage: max(first.page, last.page),
            items: items
        )
    }
}
