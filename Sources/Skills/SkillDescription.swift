import DocumentModel

/// What an agent reads before it opens a skill: the document's subject, its opening text, its key values and when
/// to use it, in the document's own words, within the 500 characters QA aims for.
///
/// An agent routes on `name` + `description` alone, so the description carries the words a user's task would
/// share with the document — its subject, the lead of its body and the identifying values (parties, numbers,
/// dates, totals) — rather than section names or the file name.
enum SkillDescription {
    /// Characters a description aims for at most (QA rule W8).
    static let limit = 500

    /// The description of a skill over `items`; `title` is the document's title when one was found (nil when only
    /// the file name names it), `kind` the document type when the classifier is confident.
    static func make(
        title: String?,
        kind: String?,
        items: [OutlineItem],
        scope: String? = nil,
        parts: [String] = []
    ) -> String {
        let subject = title ?? leadSubject(items) ?? "This document"
        var opening = subject
        // An invoice's or a letter's issuer stands above its title; a task names it ("the invoice from …").
        let issuer = SkillName.letterhead(items, title: title, kind: kind)
        if let issuer { opening += " from " + issuer }
        if let scope { opening += " \u{2014} " + scope }
        // A task names a document's language when it is not English ("the German lecture notes").
        let documentLanguage = DocumentLanguage.of(items)
        let language = documentLanguage.flatMap { $0 == .english ? nil : "in " + $0.englishName }
        let aside = [kind, language].compactMap { $0 }
        if !aside.isEmpty { opening += " (" + aside.joined(separator: ", ") + ")" }
        opening += "."
        // A file holding several documents (a bundle) names the others: a task may ask for any of them.
        if !parts.isEmpty { opening += " Also in this file: " + parts.joined(separator: "; ") + "." }
        var facts = keyValues(items, budget: 150)
        // A task about a bill asks what it comes to: its grand total leads its facts.
        if let kind, totalledKinds.contains(kind), let total = total(items), !facts.contains(total.value) {
            facts = total.label + ": " + total.value + (facts.isEmpty ? "." : "; " + facts)
        }
        let known = Set(
            (opening + " " + facts).lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(
                String.init
            )
        )
        let terms = KeyTerms.top(items, count: 10, known: known)
        // English for a document in another language: a task written in English shares these words with it. A
        // document known to be English gets none (its "camera" is no Italian chamber).
        let english =
            documentLanguage == .english
            ? [] : EnglishTerms.of(items, known: words(of: items).union(known), also: terms)
        let termText =
            (english.isEmpty ? "" : " In English: " + english.joined(separator: ", ") + ".")
            + (terms.isEmpty ? "" : " Key terms: " + terms.joined(separator: ", ") + ".")
        let usage = " Use when a task needs facts, figures or tables from it."
        var text = opening
        let room =
            limit - opening.unicodeScalars.count - usage.unicodeScalars.count - termText.unicodeScalars.count
            - (facts.isEmpty ? 0 : facts.unicodeScalars.count + 1)
        if room > 40, let lead = lead(items, excluding: [subject] + (issuer.map { [$0] } ?? []), budget: room - 1) {
            text += " " + lead
        }
        if !facts.isEmpty { text += " " + facts }
        text += termText + usage
        return fitted(text)
    }

    /// Every word of `items`, lowercased.
    static func words(of items: [OutlineItem]) -> Set<String> {
        var result = Set<String>()
        for item in items {
            let texts: [String]
            switch item {
            case .title(let text, _), .heading(let text, _, _), .paragraph(let text, _), .listItem(let text, _, _, _):
                texts = [text]
            case .keyValue(let key, let value, _): texts = [key, value]
            case .table(let table, _): texts = table.columns + table.rows.prefix(50).flatMap { $0 }
            }
            for text in texts {
                for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) { result.insert(String(word)) }
            }
        }
        return result
    }

    /// The first words of the body's first substantial sentence, for a document without a title; for one without
    /// prose, its first line of any kind (a short paragraph, a list item, a table's header).
    static func leadSubject(_ items: [OutlineItem]) -> String? {
        // A short line of words opening the document names it or its issuer ("Acme Widgets Inc."), unlike an
        // address or a number.
        for item in items.prefix(3) {
            guard case .paragraph(let text, _) = item else { continue }
            if isName(text) { return opening(of: text) }
        }
        for item in items {
            guard case .paragraph(let text, _) = item, SkillText.words(text) >= 6, !isFrontMatter(text) else {
                continue
            }
            return opening(of: SkillText.sentences(text, count: 1))
        }
        for item in items {
            switch item {
            case .paragraph(let text, _), .listItem(let text, _, _, _):
                if SkillText.words(text) >= 2, !isFrontMatter(text) { return opening(of: text) }
            case .table(let table, _):
                let header = table.columns.filter { !$0.isEmpty }
                if header.count >= 2 { return opening(of: header.joined(separator: ", ")) }
            default:
                continue
            }
        }
        return nil
    }

    /// 2–10 words, not opening with a digit, mostly letters, at least two real words.
    static func isName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...10).contains(words.count), words.first?.first?.isNumber == false, !isFrontMatter(text),
            !SkillText.isGarbled(text)
        else {
            return false
        }
        let letters = text.filter(\.isLetter).count
        let visible = text.filter { !$0.isWhitespace }.count
        return letters * 10 >= visible * 6 && words.filter { $0.filter(\.isLetter).count >= 3 }.count >= 2
    }

    /// At most the first 12 words, without trailing punctuation.
    private static func opening(of text: String) -> String {
        let words = text.split(separator: " ").prefix(12).joined(separator: " ")
        return words.trimmingTrailing(".,;:")
    }

    /// The opening of the body (an abstract, summary or first paragraphs), whole sentences within `budget`
    /// characters, front matter (addresses, e-mail, affiliations) left out.
    static func lead(_ items: [OutlineItem], excluding names: [String], budget: Int) -> String? {
        var sentences: [String] = []
        var used = 0
        for item in items {
            guard case .paragraph(let text, _) = item, SkillText.words(text) >= 8, !isFrontMatter(text),
                !isTitleRun(text)
            else { continue }
            for sentence in SkillText.sentenceList(text).map(withoutRepeat)
            where !names.contains(where: { sentence.hasPrefix($0) }) && !isNameList(sentence)
                && !sentences.contains(sentence)
            {
                let length = sentence.unicodeScalars.count + (sentences.isEmpty ? 0 : 1)
                if used + length > budget {
                    if sentences.isEmpty { return sentence.clipped(to: budget) }
                    return sentences.joined(separator: " ")
                }
                sentences.append(sentence)
                used += length
            }
            if used > budget / 2 { break }
        }
        return sentences.isEmpty ? nil : sentences.joined(separator: " ")
    }

    /// The first short key/value pairs (`Invoice number: 42; Date: 2026-11-02`), within `budget` characters. A key
    /// needs a word and the pair no mathematical sign (formulas split at a colon are no pairs); a run of pairs whose
    /// values are rising page numbers is a table of contents, a long key that comes back with a higher number a running
    /// head.
    static func keyValues(_ items: [OutlineItem], budget: Int) -> String {
        var pairs: [(key: String, value: String)] = []
        for item in items {
            guard case .keyValue(let key, let value, _) = item, !key.isEmpty, !value.isEmpty,
                key.unicodeScalars.count <= 40, value.unicodeScalars.count <= 60,
                key.split(whereSeparator: { !$0.isLetter }).contains(where: { $0.count >= 3 }),
                !(key + value).unicodeScalars.contains(where: isFormulaSign)
            else { continue }
            pairs.append((key, value))
        }
        let pageNumbers = pairs.map { Int($0.value) }
        var contents = Set<Int>()
        for index in pageNumbers.indices.dropFirst(2) {
            if let a = pageNumbers[index - 2], let b = pageNumbers[index - 1], let c = pageNumbers[index], a < b, b < c
            {
                contents.formUnion([index - 2, index - 1, index])
            }
        }
        // A running head with its page number ("Chapter 2: Parsing  7") read as a pair: a key of three words or
        // more that comes again with a higher number.
        var folios: [String: [Int]] = [:]
        for (index, pair) in pairs.enumerated() where pair.key.split(separator: " ").count >= 3 {
            if let number = pageNumbers[index] { folios[pair.key, default: []].append(number) }
        }
        let runningHeads = Set(
            folios.filter { $0.value.count >= 2 && zip($0.value, $0.value.dropFirst()).allSatisfy { $0 < $1 } }.keys
        )
        var parts: [String] = []
        var used = 0
        for (index, pair) in pairs.enumerated() where !contents.contains(index) && !runningHeads.contains(pair.key) {
            let part = pair.key.trimmingTrailing(": ") + ": " + pair.value
            guard used + part.unicodeScalars.count + 2 <= budget else { break }
            parts.append(part)
            used += part.unicodeScalars.count + 2
        }
        return parts.isEmpty ? "" : parts.joined(separator: "; ") + "."
    }

    /// The documents of a bundle after its first: each segment's type with its title (its first title or heading)
    /// or, for a bill or a letter without one, its issuer (the short line of words opening it).
    static func parts(of source: SkillSource) -> [String] {
        let segments = source.document.meta.segments
        guard segments.count >= 2 else { return [] }
        let outline = source.outline
        return segments.dropFirst().map { segment in
            let items = outline.filter { (segment.firstPage...segment.lastPage).contains($0.page) }
            for item in items {
                switch item {
                case .title(let text, _), .heading(let text, _, _):
                    return text + " (" + segment.type + ")"
                case .paragraph(let text, _) where isName(text):
                    return segment.type + " from " + SkillName.partyName(text)
                default:
                    continue
                }
            }
            return segment.type
        }
    }

    /// The kinds of document that come to a total.
    static let totalledKinds: Set<String> = ["invoice", "receipt", "statement"]

    /// The grand total of a bill: the last total row of its last table that has them (the engine sets totals,
    /// subtotals and taxes under the items as footers), as its label and its amount.
    static func total(_ items: [OutlineItem]) -> (label: String, value: String)? {
        for item in items.reversed() {
            guard case .table(let table, _) = item, let last = table.footers.last else { continue }
            guard let value = last.cells.last(where: { !$0.isEmpty && $0 != last.label }),
                value.contains(where: \.isNumber), !last.label.isEmpty
            else { return nil }
            return (last.label.trimmingTrailing(": "), value)
        }
        return nil
    }

    /// Mathematical operators and arrows: a "pair" holding them is a formula split at a colon.
    static func isFormulaSign(_ scalar: Unicode.Scalar) -> Bool {
        (0x2190...0x22FF).contains(scalar.value) || (0x27C0...0x27FF).contains(scalar.value)
    }

    /// Lines of a title page or a paper's author block, and the licence notice of software documentation, which say
    /// nothing about the subject.
    static func isFrontMatter(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.contains("@") || lower.contains("http://") || lower.contains("https://") { return true }
        if licenceOpenings.contains(where: { lower.hasPrefix($0) }) { return true }
        let markers = [
            "university", "universit\u{E4}t", "universit\u{E9}", "institute", "department", "copyright", "\u{A9}",
        ]
        return SkillText.words(text) < 40 && markers.contains { lower.contains($0) }
    }

    /// Titles run together (a table of contents or a web page's navigation read as one paragraph): no sentence ends
    /// in it and most of its words are capitalised.
    static func isTitleRun(_ text: String) -> Bool {
        guard !text.contains(where: { ".!?".contains($0) }) else { return false }
        let words = text.split(separator: " ").filter { $0.contains(where: \.isLetter) }
        let capitalised = words.filter { $0.first(where: \.isLetter)?.isUppercase == true }.count
        return words.count >= 8 && capitalised * 10 >= words.count * 6
    }

    /// How a licence or copyright notice opens, in the languages the engine reads.
    static let licenceOpenings = [
        "permission is hereby granted", "permission is granted to copy", "copyright", "\u{A9}",
        "this program is free software", "this library is free software", "redistribution and use in source",
        "licensed under", "all rights reserved", "the software is provided", "this document is licensed",
        "alle rechte vorbehalten", "tous droits r\u{E9}serv\u{E9}s", "todos los derechos reservados",
        "tutti i diritti riservati", "alle rechten voorbehouden",
    ]

    /// A line printed twice in a row (a running header caught in the body) once: `A · B A · B` → `A · B`.
    static func withoutRepeat(_ sentence: String) -> String {
        let words = sentence.split(separator: " ")
        guard words.count >= 4, words.count % 2 == 0 else { return sentence }
        let half = words.count / 2
        return words[..<half] == words[half...] ? words[..<half].joined(separator: " ") : sentence
    }

    /// A line of names (authors, their organisations): mostly capitalised words between commas, no sentence.
    static func isNameList(_ sentence: String) -> Bool {
        let words = sentence.split(separator: " ")
        guard words.count >= 4, sentence.filter({ $0 == "," }).count >= 2 else { return false }
        let capitalised = words.filter { $0.first?.isUppercase == true }.count
        return capitalised * 10 >= words.count * 7
    }

    /// `text` as plain prose within ``limit``, cut at a word: no `<` or `>` (QA rule E8), no Markdown link syntax
    /// (`](`), and runs of one punctuation mark (a `-----` rule line, `*****`) shortened to two, because skill
    /// loaders find the end of the frontmatter by the first `---` anywhere.
    static func fitted(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar != "<" && scalar != ">" {
            let isMark = !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " ")
            if isMark, scalars.count >= 2, scalars.last == scalar,
                scalars[scalars.index(before: scalars.endIndex)] == scalar,
                scalars[scalars.index(scalars.endIndex, offsetBy: -2)] == scalar
            {
                continue
            }
            if scalar == "(", scalars.last == "]" { scalars.append(" ") }
            scalars.append(scalar)
        }
        let clean = String(scalars)
        return clean.unicodeScalars.count <= limit ? clean : clean.clipped(to: limit - 2) + " \u{2026}"
    }
}
