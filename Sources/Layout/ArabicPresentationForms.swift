/// Arabic presentation forms (the shaped isolated, final, initial and medial glyphs some producers map text to)
/// back to the letters they show, as Unicode's compatibility decomposition (NFKC) does: users search and read the
/// letters, not their shapes.
enum ArabicPresentationForms {
    /// Presentation Forms-B from U+FE80: each letter's forms in a row, and how many forms it has.
    private static let formsB: [(letter: UInt32, forms: Int)] = [
        (0x0621, 1), (0x0622, 2), (0x0623, 2), (0x0624, 2), (0x0625, 2), (0x0626, 4), (0x0627, 2), (0x0628, 4),
        (0x0629, 2), (0x062A, 4), (0x062B, 4), (0x062C, 4), (0x062D, 4), (0x062E, 4), (0x062F, 2), (0x0630, 2),
        (0x0631, 2), (0x0632, 2), (0x0633, 4), (0x0634, 4), (0x0635, 4), (0x0636, 4), (0x0637, 4), (0x0638, 4),
        (0x0639, 4), (0x063A, 4), (0x0641, 4), (0x0642, 4), (0x0643, 4), (0x0644, 4), (0x0645, 4), (0x0646, 4),
        (0x0647, 4), (0x0648, 2), (0x0649, 2), (0x064A, 4),
    ]

    /// Lam-alef ligatures U+FEF5…U+FEFC (isolated and final form of each): lam and the alef they join.
    private static let lamAlef: [UInt32] = [0x0622, 0x0623, 0x0625, 0x0627]

    /// Letters of Presentation Forms-A that Persian and Urdu text uses, by their first form and count.
    private static let formsA: [(first: UInt32, letter: UInt32, forms: UInt32)] = [
        (0xFB56, 0x067E, 4), (0xFB7A, 0x0686, 4), (0xFB8A, 0x0698, 2), (0xFB8E, 0x06A9, 4), (0xFB92, 0x06AF, 4),
        (0xFBA4, 0x06C0, 2), (0xFBFC, 0x06CC, 4),
    ]

    /// Whether `value` is a presentation form this table maps.
    static func contains(_ value: UInt32) -> Bool {
        (0xFE80...0xFEFC).contains(value) || (0xFB50...0xFBFF).contains(value)
    }

    /// The letters a presentation form shows, or nil when it is not one this table knows.
    static func letters(of value: UInt32) -> [Unicode.Scalar]? {
        if (0xFEF5...0xFEFC).contains(value) {
            let alef = lamAlef[Int(value - 0xFEF5) / 2]
            return [Unicode.Scalar(0x0644)!, Unicode.Scalar(alef)!]
        }
        if (0xFE80...0xFEF4).contains(value) {
            var next: UInt32 = 0xFE80
            for entry in formsB {
                if value < next + UInt32(entry.forms) { return [Unicode.Scalar(entry.letter)!] }
                next += UInt32(entry.forms)
            }
            return nil
        }
        for entry in formsA where value >= entry.first && value < entry.first + entry.forms {
            return [Unicode.Scalar(entry.letter)!]
        }
        return nil
    }
}
