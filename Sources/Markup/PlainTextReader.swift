/// Reads plain text as people write it: paragraphs between blank lines (hard-wrapped lines joined), headings
/// underlined with `===`/`---`, written with `#`, numbered (`2.3 Scope`) or in capitals on a line of their own,
/// bulleted and numbered lists with indented levels, `Key: value` lines, and tables as tab-separated,
/// pipe-separated or space-aligned columns.
public enum PlainTextReader {
    public static func read(_ bytes: [UInt8]) throws -> MarkupSource {
        guard let text = TextDecoding.decode(bytes) else {
            throw MarkupError(.unsupported, "the file is not text in UTF-8, UTF-16 or Windows-1252 (binary data)")
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        var groups: [[String]] = [[]]
        for line in lines {
            if line.allSatisfy(\.isWhitespace) {
                if !(groups.last?.isEmpty ?? true) { groups.append([]) }
            } else {
                groups[groups.count - 1].append(line)
            }
        }
        var title: String?
        if let index = groups.firstIndex(where: { !$0.isEmpty }), let centred = centredTitle(groups[index]) {
            title = centred.title
            groups[index] = centred.rest
        }
        var blocks: [MarkupBlock] = []
        var underlines = Underlines()
        for group in groups where !group.isEmpty { blocks += TextGroup(lines: group).blocks(&underlines) }
        // A short line alone at the top, not a sentence and not a label, is the title (a letterhead's two lines
        // are not).
        if title == nil, let first = groups.first(where: { !$0.isEmpty }), first.count == 1,
            case .paragraph(let text)? = blocks.first,
            text.count <= 100, let last = text.last, !".:;,".contains(last), blocks.count > 1,
            KeyValueLine.split(text) == nil
        {
            title = text
            blocks.removeFirst()
        }
        return MarkupSource(title: title, blocks: blocks)
    }

    /// A title set in the middle of the line at the top of the file, with up to three more centred lines under it
    /// (a version, a date, an address): every line indented by eight spaces or more and centred, none a sentence or
    /// a label.
    /// The first line is the title; the others stay as text.
    static func centredTitle(_ group: [String]) -> (title: String, rest: [String])? {
        guard (2...4).contains(group.count),
            group.allSatisfy({ line in
                let text = line.trimmed
                let indent = line.prefix(while: { $0 == " " }).count
                // Centred on a page 60 to 90 characters wide, not pushed right as a letterhead is.
                return indent >= 8 && (1...70).contains(text.count) && (60...90).contains(2 * indent + text.count)
                    && !";,".contains(text.last ?? ";")
            }),
            let first = group.first?.trimmed, first.contains(where: \.isLetter), first.last != ".",
            first.last != ":", KeyValueLine.split(first) == nil
        else { return nil }
        return (first, Array(group.dropFirst()))
    }
}

/// Lines between two blank lines and what they are.
struct TextGroup {
    var lines: [String]

    func blocks(_ underlines: inout Underlines) -> [MarkupBlock] {
        let keyValues = lines.compactMap(Self.keyValue)
        if lines.count >= 2, keyValues.count == lines.count {
            return keyValues.map { .keyValue(key: $0.key, value: $0.value) }
        }
        if let table = TextTable.parse(lines) { return [.table(table)] }
        var blocks: [MarkupBlock] = []
        var paragraph: [String] = []
        func endParagraph() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " ").collapsingWhitespace)) }
            paragraph = []
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let next = index + 1 < lines.count ? lines[index + 1].trimmed : ""
            if let level = underlines.level(of: next, under: line) {
                endParagraph()
                blocks.append(.heading(level: level, text: line.trimmed))
                index += 2
                continue
            }
            if let heading = Self.hashHeading(line) {
                endParagraph()
                blocks.append(heading)
            } else if lines.count == 1, let heading = Self.standaloneHeading(line) {
                // Alone between blank lines, `3. Payment` is a numbered heading rather than a one-item list.
                blocks.append(heading)
            } else if let item = TextListItem(line) {
                endParagraph()
                blocks.append(.listItem(level: item.level, marker: item.marker, text: item.text))
            } else if case .listItem(let level, let marker, let text)? = blocks.last, paragraph.isEmpty,
                line.first?.isWhitespace == true
            {
                // An indented line under an item continues it.
                blocks[blocks.count - 1] = .listItem(level: level, marker: marker, text: text + " " + line.trimmed)
            } else {
                paragraph.append(line)
            }
            index += 1
        }
        endParagraph()
        return blocks
    }

    /// `# Title` … `###### Title`, as Markdown habits carry into text files.
    static func hashHeading(_ line: String) -> MarkupBlock? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.first == " " else { return nil }
        let text = rest.trimmingCharacters(in: " #")
        return text.isEmpty ? nil : .heading(level: hashes, text: text)
    }

    /// A line alone between blank lines that reads as a heading: numbered like a section (`4.2 Scope`,
    /// `3. Payment`), or short and in capitals; never a sentence (ending in `.`, `,`, `;`).
    static func standaloneHeading(_ line: String) -> MarkupBlock? {
        let text = line.trimmed
        guard (2...90).contains(text.count), let last = text.last, !".,;".contains(last),
            text.contains(where: \.isLetter)
        else { return nil }
        let words = text.split(separator: " ")
        if let number = words.first, words.count >= 2, words.count <= 9, Self.isSectionNumber(number),
            words[1].first?.isUppercase == true
        {
            let levels = number.split(separator: ".").count
            return .heading(level: min(levels, 6), text: text)
        }
        let letters = text.filter(\.isLetter)
        if words.count <= 10, letters.count >= 3, letters.allSatisfy({ $0.isUppercase }) {
            return .heading(level: 1, text: text)
        }
        return nil
    }

    /// `2`, `2.`, `2.3`, `2.3.1` (at most 4 levels, each at most 3 digits).
    static func isSectionNumber(_ word: Substring) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        let numbers = word.hasSuffix(".") ? parts.dropLast() : parts[...]
        return !numbers.isEmpty && numbers.count <= 4
            && numbers.allSatisfy {
                !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber)
            }
            && (numbers.count > 1 || word.hasSuffix("."))
    }

    /// `Key: value` with a short key that is not a sentence and a value on the same line.
    static func keyValue(_ line: String) -> (key: String, value: String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmed
        let value = line[line.index(after: colon)...].trimmed
        guard !key.isEmpty, !value.isEmpty, key.count <= 40, key.split(separator: " ").count <= 5,
            key.first?.isLetter == true, !value.hasPrefix("//")
        else { return nil }
        return (key, value)
    }
}

/// Headings underlined as Markdown (`===`, `---`) and reStructuredText (any of ``= - ~ ^ " ' ` # * + : .``) write
/// them: levels go by the order in which underline characters first appear, as reStructuredText defines them.
struct Underlines {
    private var order: [Character] = []

    /// The heading level `underline` gives the line above it; nil when it is not an underline (too short, mixed
    /// characters, or under nothing).
    mutating func level(of underline: String, under line: String) -> Int? {
        guard let character = underline.first, "=-~^\"'`#*+:._".contains(character), underline.count >= 3,
            underline.allSatisfy({ $0 == character }), !line.trimmed.isEmpty,
            underline.count * 2 >= line.trimmed.count, TextListItem(line) == nil
        else { return nil }
        if !order.contains(character) { order.append(character) }
        return min((order.firstIndex(of: character) ?? 0) + 1, 6)
    }
}

/// A bulleted or numbered line: `- x`, `* x`, `• x`, `1. x`, `2) x`, `a) x`, indented by level.
struct TextListItem {
    var level: Int
    var marker: String
    var text: String

    init?(_ line: String) {
        let indent = line.prefix { $0 == " " }.count
        let body = line.dropFirst(indent)
        guard let space = body.firstIndex(of: " ") else { return nil }
        let marker = String(body[..<space])
        let text = body[space...].trimmed
        guard !text.isEmpty else { return nil }
        let bullets: Set<String> = ["-", "*", "+", "•", "◦", "▪", "‣", "–", "·"]
        let ordered =
            marker.count >= 2 && marker.count <= 4 && (marker.last == "." || marker.last == ")")
            && (marker.dropLast().allSatisfy(\.isNumber)
                || (marker.count == 2 && marker.first?.isLetter == true && marker.first?.isLowercase == true))
        guard bullets.contains(marker) || ordered else { return nil }
        self.level = indent / 2 + 1
        self.marker = marker
        self.text = text
    }
}
