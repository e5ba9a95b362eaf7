/// Minimal bidirectional handling: lines whose letters are mostly right-to-left are put into logical order.
///
/// Glyphs are collected in visual (left-to-right) order; for a right-to-left line the word order is reversed and
/// the characters of each right-to-left run are reversed, while left-to-right runs (digits, Latin) keep theirs.
public enum Bidi {
    static func isStrongRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: true
        default: false
        }
    }

    static func isStrongLeftToRight(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && !isStrongRightToLeft(scalar)
    }

    static func isRightToLeft(_ words: [Word]) -> Bool { isRightToLeft(texts: words.lazy.map(\.text)) }

    /// Whether right-to-left letters outnumber left-to-right ones in `texts`.
    static func isRightToLeft(texts: some Sequence<String>) -> Bool {
        var rtl = 0
        var ltr = 0
        for text in texts {
            for scalar in text.unicodeScalars {
                if isStrongRightToLeft(scalar) {
                    rtl += 1
                } else if scalar.value < 0x80 {
                    if (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) { ltr += 1 }
                } else if scalar.value >= 0xC0 {
                    ltr += 1  // outside ASCII and the RTL blocks: count it as a left-to-right letter
                }
            }
        }
        return rtl > ltr
    }

    static func logicalOrder(_ words: [Word]) -> [Word] {
        words.reversed().map { word in
            var copy = word
            copy.text = reverseRightToLeftRuns(word.text)
            return copy
        }
    }

    /// Reverses the characters of the word, then restores the order inside left-to-right runs.
    public static func reverseRightToLeftRuns(_ text: String) -> String {
        let characters = Array(text.reversed())
        var result: [Character] = []
        var run: [Character] = []
        for character in characters {
            let keepsOrder = character.unicodeScalars.contains {
                isStrongLeftToRight($0) || $0.properties.numericType != nil
            }
            if keepsOrder {
                run.append(character)
            } else {
                result.append(contentsOf: run.reversed())
                run.removeAll()
                result.append(character)
            }
        }
        result.append(contentsOf: run.reversed())
        return String(result)
    }
}
