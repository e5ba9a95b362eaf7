extension TableDetector {
    /// A column name: no figures but a year ("2005"); "18,18" or "Up to $3,790" is a value.
    static func isName(_ text: String) -> Bool {
        !text.contains(where: \.isNumber) || TableHeaderJoin.isYear(text)
    }

    /// A figure: digits with at most signs, separators and marks around them ("*–1,353"; "(X)" is none).
    static func isFigure(_ text: String) -> Bool {
        text.contains(where: \.isNumber)
            && text.allSatisfy { $0.isNumber || ",.%*()–-+$€£ \u{A0}\u{202F}\u{2009}".contains($0) }
    }

    /// Three digits, perhaps a decimal part and a mark after them: the group after a thousands' space ("918",
    /// "234,5", "364*").
    static func isThousandsGroup(_ word: String) -> Bool {
        let digits = word.prefix { $0.isNumber }
        guard digits.count == 3 else { return false }
        let rest = word.dropFirst(3)
        return rest.isEmpty || rest.count <= 4 && rest.allSatisfy { $0.isNumber || ",.*%)".contains($0) }
    }

    /// Whether the space between `left` and `right` parts the thousands of one figure ("51 918", "1 898,47"): a group
    /// of three digits after a figure's last group, no wider apart than a wide word space.
    static func isThousandsSpace(_ left: String, _ right: String, gap: Double, size: Double) -> Bool {
        gap < 0.6 * size && isThousandsGroup(right) && endsInDigitGroup(left)
    }

    /// A group label line of a table ("Education", "Sex, by age group — Men"): one piece, no figures.
    static func isLabelLine(_ row: Row) -> Bool {
        row.segments.count == 1 && !row.segments[0].text.contains(where: \.isNumber)
    }

    /// A figure so far whose last space-parted group can be followed by another ("51", "-1", "(12 345").
    static func endsInDigitGroup(_ word: String) -> Bool {
        let digits = word.reversed().prefix { $0.isNumber }
        return (1...3).contains(digits.count) && word.allSatisfy { $0.isNumber || "-–(+$€£ ".contains($0) }
    }
}
