/// Widths of the standard 14 fonts, for simple fonts that name one without giving `/Widths`.
enum StandardFontMetrics {
    /// Widths of one standard font in glyph space (1/1000 em) by Unicode scalar, parsed on demand with a byte
    /// loop: parsing all fourteen tables at start-up cost more than converting a small PDF.
    static func widths(font name: String) -> [UInt32: Double]? {
        guard let table = sources.first(where: { $0.0 == name })?.1 else { return nil }
        var map: [UInt32: Double] = [:]
        map.reserveCapacity(320)
        var scalar: UInt32 = 0
        var width = 0
        var inWidth = false
        for byte in table.utf8 {
            switch byte {
            case UInt8(ascii: ":"):
                inWidth = true
            case UInt8(ascii: " "), 0x0A:
                if inWidth { map[scalar] = Double(width) }
                scalar = 0
                width = 0
                inWidth = false
            default:
                if inWidth {
                    width = width * 10 + Int(byte &- UInt8(ascii: "0"))
                } else if let nibble = ContentLexer.hexValue(byte) {
                    scalar = scalar << 4 | UInt32(nibble)
                }
            }
        }
        if inWidth { map[scalar] = Double(width) }
        return map
    }

    /// The standard font that `baseFont` names or imitates (Arial → Helvetica, …), if any.
    static func standardName(for baseFont: String) -> String? {
        var name = baseFont
        if let plus = name.firstIndex(of: "+"), name.distance(from: name.startIndex, to: plus) == 6 {
            name = String(name[name.index(after: plus)...])
        }
        let lower = String(name.lowercased().filter { $0 != " " && $0 != "-" && $0 != "," })
        let bold = lower.includes("bold") || lower.includes("black") || lower.includes("heavy")
        let italic = lower.includes("italic") || lower.includes("oblique")
        func styled(_ family: String, italicWord: String, regular: String) -> String {
            switch (bold, italic) {
            case (true, true): "\(family)-Bold\(italicWord)"
            case (true, false): "\(family)-Bold"
            case (false, true): "\(family)-\(italicWord)"
            case (false, false): regular
            }
        }
        if lower.hasPrefix("symbol") { return "Symbol" }
        if lower.hasPrefix("zapfdingbats") || lower.hasPrefix("dingbats") { return "ZapfDingbats" }
        if lower.hasPrefix("courier") || lower.includes("mono") {
            return styled("Courier", italicWord: "Oblique", regular: "Courier")
        }
        if lower.hasPrefix("helvetica") || lower.hasPrefix("arial") || lower.hasPrefix("liberationsans") {
            return styled("Helvetica", italicWord: "Oblique", regular: "Helvetica")
        }
        if lower.hasPrefix("times") || lower.hasPrefix("liberationserif") || lower.hasPrefix("timesnewroman") {
            return styled("Times", italicWord: "Italic", regular: "Times-Roman")
        }
        return nil
    }
}
