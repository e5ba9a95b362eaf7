import PDFText

/// Key/value pairs: `Label: value` lines, a short label and its value on one row with a wide gap between them,
/// a one-row table of labels over values, and a label line directly above its value in another style.
enum KeyValueDetector {
    /// The pair a single line states, if any.
    static func pair(in line: TextLine) -> (key: String, value: String)? {
        let text = line.text
        // Cheap rejections first: this runs for every line of every page.
        let hasColon = text.utf8.contains(UInt8(ascii: ":"))
        let hasGap = zip(line.words, line.words.dropFirst()).contains {
            $1.bounds.x - $0.bounds.maxX > max(1.0 * line.fontSize, 6)
        }
        guard hasColon || hasGap else { return nil }
        // "Label    value": two segments split by a wide gap.
        let segments = self.segments(of: line)
        if segments.count == 2, let pair = labelled(segments[0], segments[1]) {
            // A value that states its own label ("Recipient      Tel.: +41 44 …") is that pair, set beside a heading.
            return colonPair(pair.value) ?? pair
        }
        // "Label: value" on one line, short and no sentence.
        if let pair = colonPair(text), pair.value.split(separator: " ").count <= 8,
            !pair.value.hasSuffix(".") || pair.value.count < 20
        {
            return pair
        }
        return nil
    }

    /// The line's words joined into the runs a wide gap (a font size or more) sets apart.
    private static func segments(of line: TextLine) -> [String] {
        var segments: [String] = []
        var last: Word?
        for word in line.words {
            if let previous = last, word.bounds.x - previous.bounds.maxX <= max(1.0 * line.fontSize, 6) {
                segments[segments.count - 1] += " " + word.text
            } else {
                segments.append(word.text)
            }
            last = word
        }
        return segments
    }

    /// `Label: value` (a colon and a space, so a time such as 08:00 is no label), if the label is plausible.
    private static func colonPair(_ text: String) -> (key: String, value: String)? {
        guard let colon = text.firstIndex(of: ":"), text[text.index(after: colon)...].hasPrefix(" ") else { return nil }
        return labelled(String(text[..<colon]), String(text[text.index(colon, offsetBy: 2)...].drop { $0 == " " }))
    }

    /// Pairs set side by side on one line, each stating its own label, apart by wide gaps: `Issue date: 2021-04-26
    /// ␣␣␣ Sale date: 2021-04-26` gives two pairs; empty unless every run is one.
    static func sideBySide(in line: TextLine) -> [(key: String, value: String)] {
        let segments = segments(of: line)
        guard segments.count >= 2 else { return [] }
        let pairs = segments.compactMap(colonPair)
        return pairs.count == segments.count ? pairs : []
    }

    /// A plausible label (short, starts with a letter, mostly words) and a non-empty value.
    private static func labelled(_ rawKey: String, _ value: String) -> (key: String, value: String)? {
        var key = rawKey
        if key.hasSuffix(":") { key.removeLast() }
        key = String(key.drop { $0 == " " })
        guard let first = key.first, first.isLetter || first == "№", first.isUppercase || first == "№", key.count <= 40,
            key.split(separator: " ").count <= 6, !value.isEmpty, value.count <= 80, !key.contains(","),
            !captionWords.contains(where: { key.hasPrefix($0) }), !TableDetector.isCaption(key),
            !isBlank(value)
        else { return nil }
        let letters = key.filter(\.isLetter).count
        guard letters * 2 >= key.filter({ !$0.isWhitespace }).count else { return nil }
        return (key, value)
    }

    /// Captions ("Table 1: …", "Tabla 2: …") read like pairs but are not.
    private static let captionWords = ["Table", "Figure", "Fig.", "Tabelle", "Abbildung", "Tableau", "Listing", "Note"]

    /// A line to write on ("Signature: ________", "Date: .........."): a field with nothing in it yet.
    private static func isBlank(_ value: String) -> Bool {
        value.allSatisfy { $0 == "_" || $0 == "." || $0 == "…" || $0 == " " || $0 == "-" }
    }

    /// A label directly above its value: same left edge, close below, a different size or weight.
    static func stacked(_ label: TextBlock, _ value: TextBlock) -> (key: String, value: String)? {
        guard label.lines.count == 1, value.lines.count == 1 else { return nil }
        let top = label.lines[0]
        let bottom = value.lines[0]
        let size = max(top.fontSize, bottom.fontSize)
        // The value may sit a little inside its box, but never left of the label.
        let inset = bottom.bounds.x - top.bounds.x
        guard inset >= -2, inset <= 0.8 * size, bottom.bounds.y - top.bounds.maxY < 1.2 * size,
            bottom.bounds.y > top.bounds.y
        else { return nil }
        let topBold = top.words.allSatisfy(\.isBold)
        let bottomBold = bottom.words.allSatisfy(\.isBold)
        guard abs(top.fontSize - bottom.fontSize) >= 0.5 || topBold != bottomBold else { return nil }
        let key = top.text.hasSuffix(":") ? String(top.text.dropLast()) : top.text
        // A lone lower-case word ("and" between two parties of a contract) joins sentences; it labels nothing.
        guard key.split(separator: " ").count <= 5, key.contains(where: \.isLetter), !key.hasSuffix("."),
            key.contains(" ") || key.first?.isLowercase != true
        else {
            return nil
        }
        return (key, bottom.text)
    }

    /// Identifiers listed after one label, each with its own short label: `Bank details: IBAN DE44 5001 0517 5407
    /// 3249 31 · BIC INGDDEFFXXX` gives `IBAN` and `BIC`. Parts are set apart by `·`, `|` or `•`; each is a label
    /// (one word, capital first, at most 12 characters) and a value that holds a digit or is a code in capitals.
    static func listedIdentifiers(in line: TextLine) -> [(key: String, value: String)] {
        let text = line.text
        guard text.contains(where: { $0 == "·" || $0 == "|" || $0 == "•" }) else { return [] }
        var body = Substring(text)
        if let colon = text.firstIndex(of: ":"), text.index(after: colon) < text.endIndex,
            text[text.index(after: colon)] == " ", labelled(String(text[..<colon]), "x") != nil
        {
            body = text[text.index(after: colon)...]
        }
        let parts = body.split(whereSeparator: { $0 == "·" || $0 == "|" || $0 == "•" })
            .map { $0.split(separator: " ").joined(separator: " ") }.filter { !$0.isEmpty }
        guard parts.count >= 2 else { return [] }
        var pairs: [(key: String, value: String)] = []
        for part in parts {
            let words = part.split(separator: " ", maxSplits: 1)
            guard words.count == 2, let first = words[0].first, first.isUppercase, words[0].count <= 12,
                words[0].allSatisfy({ $0.isLetter || $0 == "." || $0 == "-" || $0 == ":" })
            else { return [] }
            let value = String(words[1])
            let isCode = value.count >= 4 && value.allSatisfy { $0.isUppercase || $0.isNumber }
            guard value.contains(where: \.isNumber) || isCode, value.count <= 40 else { return [] }
            let key = words[0].hasSuffix(":") ? String(words[0].dropLast()) : String(words[0])
            pairs.append((key, value))
        }
        return pairs
    }
}
