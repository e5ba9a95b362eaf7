/// A list item's marker at the start of a line: a bullet (`•`, `–`, `▪`, `»`, …) or an enumerator (`1.`, `2)`,
/// `(a)`, `iv.`, `[3]`, `Step 2:`).
public struct ListMarker: Sendable, Hashable {
    public var text: String
    public var isOrdered: Bool

    private static let bullets: Set<Character> = [
        "•", "◦", "▪", "▫", "●", "○", "■", "□", "–", "—", "-", "*", "»", "·", "➢", "➤", "►", "✓", "✔", "→", "⁃", "‣",
    ]

    /// The marker that starts `text` (followed by a space), if any.
    public static func parse(_ text: String) -> ListMarker? {
        // A marker is a short first word: reject long ones without splitting the string.
        guard let space = text.utf8.firstIndex(of: UInt8(ascii: " ")),
            text.utf8.distance(from: text.utf8.startIndex, to: space) <= 8 || text.hasPrefix("Step ")
                || text.hasPrefix("Schritt ") || text.hasPrefix("Étape ")
        else { return nil }
        guard let first = text.first else { return nil }
        let words = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard words.count >= 2 else { return nil }
        let head = String(words[0])
        if head.count == 1, bullets.contains(first) { return ListMarker(text: head, isOrdered: false) }
        if head == "Step" || head == "Schritt" || head == "Étape",
            let number = words.dropFirst().first, number.hasSuffix(":"), number.dropLast().allSatisfy(\.isNumber)
        {
            return ListMarker(text: head + " " + number, isOrdered: true)
        }
        return isEnumerator(head) ? ListMarker(text: head, isOrdered: true) : nil
    }

    /// A clause number such as `1.1` or `2.3.1` at the start of a line: a list item when the line is body text
    /// (in a bolder or larger style it is a section heading).
    public static func parseClause(_ text: String) -> ListMarker? {
        guard let firstByte = text.utf8.first, firstByte >= UInt8(ascii: "0"), firstByte <= UInt8(ascii: "9") else {
            return nil
        }
        guard let head = text.split(separator: " ", maxSplits: 1).first, text.contains(" ") else { return nil }
        let parts = head.split(separator: ".", omittingEmptySubsequences: false)
        let core = parts.last?.isEmpty == true ? parts.dropLast() : parts[...]
        guard core.count >= 2, core.count <= 4,
            core.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) })
        else { return nil }
        return ListMarker(text: String(head), isOrdered: true)
    }

    /// `1.`, `12)`, `(3)`, `a.`, `b)`, `(c)`, `iv.`, `[7]` — but not `1.1` or `2.3.` (section numbers).
    static func isEnumerator(_ token: String) -> Bool {
        var core = Substring(token)
        if core.hasPrefix("["), core.hasSuffix("]") {
            core = core.dropFirst().dropLast()
            return !core.isEmpty && core.count <= 3 && core.allSatisfy(\.isNumber)
        }
        if core.hasPrefix("("), core.hasSuffix(")") {
            core = core.dropFirst().dropLast()
        } else if core.hasSuffix(".") || core.hasSuffix(")") {
            core = core.dropLast()
        } else {
            return false
        }
        guard !core.isEmpty, !core.contains(".") else { return false }
        if core.count <= 3, core.allSatisfy(\.isNumber) { return true }
        if core.count == 1, let letter = core.first, letter.isLetter, letter.isLowercase { return true }
        return core.count <= 4 && core.allSatisfy { "ivx".contains($0) }
    }
}
