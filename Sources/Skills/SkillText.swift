/// Text helpers shared by the skill writers and QA.
public enum SkillText {
    /// Words separated by white space.
    public static func words(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }

    /// Collapses white space and drops control and invisible characters.
    public static func clean(_ text: String) -> String {
        let visible = text.unicodeScalars.filter { scalar in
            !(scalar.value < 0x20 && scalar != "\n" && scalar != "\t") && !invisible.contains(scalar.value)
        }
        return String(String.UnicodeScalarView(visible)).split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }

    /// Zero-width and bidirectional control characters (QA rule W23).
    public static let invisible: Set<UInt32> = [
        0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x00AD,
    ]

    /// A slug `^[a-z0-9]+(-[a-z0-9]+)*$` of at most `limit` characters: letters transliterated (ä → ae, é → e),
    /// everything else a separator. Empty when nothing usable is left.
    public static func slug(_ text: String, limit: Int = 64) -> String {
        var out = ""
        var pendingDash = false
        for character in text.lowercased() {
            let mapped = transliterate(character)
            if mapped.isEmpty {
                pendingDash = !out.isEmpty
                continue
            }
            if pendingDash { out += "-" }
            pendingDash = false
            out += mapped
        }
        if out.count > limit {
            out = String(out.prefix(limit))
            if let dash = out.lastIndex(of: "-"), out.distance(from: out.startIndex, to: dash) > limit / 2 {
                out = String(out[..<dash])
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    private static func transliterate(_ character: Character) -> String {
        if character.isASCII {
            return character.isLetter || character.isNumber ? String(character) : ""
        }
        switch character {
        case "ä", "æ": return "ae"
        case "ö", "ø", "œ": return "oe"
        case "ü": return "ue"
        case "ß": return "ss"
        case "à", "á", "â", "ã", "å", "ā", "ą", "ă": return "a"
        case "ç", "ć", "č": return "c"
        case "ď", "đ": return "d"
        case "è", "é", "ê", "ë", "ē", "ę", "ě": return "e"
        case "ì", "í", "î", "ï", "ī": return "i"
        case "ł", "ľ", "ĺ": return "l"
        case "ñ", "ń", "ň": return "n"
        case "ò", "ó", "ô", "õ", "ō", "ő": return "o"
        case "ř", "ŕ": return "r"
        case "ś", "š", "ş": return "s"
        case "ť", "ţ": return "t"
        case "ù", "ú", "û", "ū", "ů", "ű": return "u"
        case "ý", "ÿ": return "y"
        case "ź", "ż", "ž": return "z"
        default: return ""
        }
    }

    /// The first `count` sentences of `text` (a sentence ends with `.`, `!` or `?` before a space and a capital).
    public static func sentences(_ text: String, count: Int) -> String {
        var result = ""
        var taken = 0
        var characters = Array(text)
        var index = 0
        while index < characters.count, taken < count {
            result.append(characters[index])
            if ".!?".contains(characters[index]), index + 2 < characters.count, characters[index + 1] == " ",
                characters[index + 2].isUppercase
            {
                taken += 1
            }
            index += 1
        }
        characters = []
        return result.trimmingWhitespace()
    }

    /// The sentences of `text`, split where ``sentences(_:count:)`` splits them, in one pass.
    public static func sentenceList(_ text: String) -> [String] {
        let characters = Array(text)
        var list: [String] = []
        var current = ""
        for index in characters.indices {
            current.append(characters[index])
            if ".!?".contains(characters[index]), index + 2 < characters.count, characters[index + 1] == " ",
                characters[index + 2].isUppercase
            {
                list.append(current.trimmingWhitespace())
                current = ""
            }
        }
        let rest = current.trimmingWhitespace()
        if !rest.isEmpty { list.append(rest) }
        return list.filter { !$0.isEmpty }
    }

    /// A YAML double-quoted scalar.
    public static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Whether `text` is garbled: drawn in a decorative font whose codes map to the wrong letters
    /// ("ÉÇÉÜtuÄx VöÅtÜt wx W|ÑâàtwÉá"), which no reader would call a name. In the languages the engine reads at
    /// most about one letter in ten carries a diacritic; in such text, a third or more do, or a bar or a trade
    /// mark sits inside a word. Vietnamese, which the engine does not read, would look garbled too.
    public static func isGarbled(_ text: String) -> Bool {
        var letters = 0
        var marked = 0
        for character in text where character.isLetter {
            letters += 1
            if character.unicodeScalars.count > 1 || (character.unicodeScalars.first.map { $0.value > 0x7F } ?? false) {
                marked += 1
            }
        }
        let innerSymbol = text.split(separator: " ").contains { word in
            word.dropFirst().dropLast().contains { $0 == "|" || $0 == "™" }
        }
        // Short texts say too little ("Été à Évian" is French).
        return letters >= 6 && innerSymbol || letters >= 12 && marked * 3 >= letters
    }

    /// The heading's text without its section number (`2.3 Stetigkeit` → `Stetigkeit`).
    public static func withoutNumbering(_ text: String) -> String {
        let parts = text.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, let first = parts.first,
            first.allSatisfy({ $0.isNumber || $0 == "." }) && first.contains(where: \.isNumber)
        else { return text }
        return String(parts[1])
    }

    /// A GitHub heading anchor.
    public static func anchor(_ heading: String) -> String {
        var out = ""
        for character in heading.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                out.append(character)
            } else if character == " " {
                out.append("-")
            }
        }
        return out
    }
}

extension String {
    /// The text without white space at either end.
    public func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    /// The text without any of `characters` at its end (`"Total:"` → `"Total"`).
    func trimmingTrailing(_ characters: String) -> String {
        String(reversed().drop { characters.contains($0) }.reversed())
    }

    /// At most `budget` Unicode scalars, cut back to the last whole word.
    func clipped(to budget: Int) -> String {
        var cut = String(String.UnicodeScalarView(unicodeScalars.prefix(max(0, budget))))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut
    }
}
