/// Joins the lines of a block into running text, undoing end-of-line hyphenation.
public enum LineJoiner {
    public static func join(_ lines: [String]) -> String {
        var result = ""
        for line in lines {
            guard !line.isEmpty else { continue }
            if result.isEmpty {
                result = line
                continue
            }
            if let last = result.last, last == "\u{AD}" {
                result.removeLast()
                result += line
            } else if let last = result.last, last == "-" || last == "\u{2010}", endsHyphenatedWord(result),
                let first = line.first, first.isLetter
            {
                // A word broken at the line end is joined again; before a capital (a German compound such as
                // "Schwarz-Weiß") the hyphen is part of the word and stays.
                if first.isLowercase { result.removeLast() }
                result += line
            } else {
                result += " " + line
            }
        }
        return result.replacingSoftHyphens()
    }

    private static func endsHyphenatedWord(_ text: String) -> Bool {
        let characters = text.dropLast().suffix(2)
        return characters.count == 2 && characters.allSatisfy(\.isLetter)
    }
}

extension String {
    fileprivate func replacingSoftHyphens() -> String {
        // U+00AD is C2 AD in UTF-8; scanning bytes avoids grapheme breaking on every block.
        var previous: UInt8 = 0
        for byte in utf8 {
            if previous == 0xC2 && byte == 0xAD { return String(filter { $0 != "\u{AD}" }) }
            previous = byte
        }
        return self
    }
}
