/// What a reader found in a source: its own title (HTML's `<title>`, Word's core title), if any, and its blocks in
/// reading order.
public struct MarkupSource: Sendable, Equatable {
    public var title: String?
    public var blocks: [MarkupBlock]

    public init(title: String?, blocks: [MarkupBlock]) {
        self.title = title
        self.blocks = blocks
    }
}

/// Ordered-list markers by the list's numbering style: `1.`, `a.`, `A.`, `i.`, `I.`.
struct ListNumbering {
    var style: String

    func marker(_ number: Int) -> String {
        switch style {
        case "a": return Self.letters(number, upper: false) + "."
        case "A": return Self.letters(number, upper: true) + "."
        case "i": return Self.roman(number).lowercased() + "."
        case "I": return Self.roman(number) + "."
        default: return "\(number)."
        }
    }

    /// 1 → a, 26 → z, 27 → aa (spreadsheet style); numbers below 1 are printed as digits.
    static func letters(_ number: Int, upper: Bool) -> String {
        guard number >= 1 else { return "\(number)" }
        var value = number
        var result = ""
        while value > 0 {
            value -= 1
            let scalar = Unicode.Scalar(UInt8((upper ? 65 : 97) + value % 26))
            result = String(Character(scalar)) + result
            value /= 26
        }
        return result
    }

    /// Roman numerals up to 3,999; other numbers as digits.
    static func roman(_ number: Int) -> String {
        guard (1...3_999).contains(number) else { return "\(number)" }
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var value = number
        var result = ""
        for (amount, numeral) in table {
            while value >= amount {
                result += numeral
                value -= amount
            }
        }
        return result
    }
}

extension StringProtocol {
    /// Runs of white space (no-break spaces included) as one space, trimmed.
    var collapsingWhitespace: String {
        split(whereSeparator: { $0.isWhitespace || $0 == "\u{00A0}" || $0 == "\u{200B}" }).joined(separator: " ")
    }

    var trimmed: String { collapsingWhitespace }

    var nonEmpty: String? { isEmpty ? nil : String(self) }
}

extension String {
    /// Without the line breaks at its end.
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while let last = text.last, last.isNewline { text = text.dropLast() }
        return String(text)
    }
}
