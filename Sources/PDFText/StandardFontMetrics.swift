/// Widths of the standard 14 fonts, for simple fonts that name one without giving `/Widths`.
enum StandardFontMetrics {
    private static let widths: [String: [UInt32: Double]] = {
        var result: [String: [UInt32: Double]] = [:]
        for (name, table) in sources {
            var map: [UInt32: Double] = [:]
            for pair in table.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let parts = pair.split(separator: ":")
                if parts.count == 2, let scalar = UInt32(parts[0], radix: 16), let width = Double(parts[1]) {
                    map[scalar] = width
                }
            }
            result[name] = map
        }
        return result
    }()

    /// The standard font that `baseFont` names or imitates (Arial → Helvetica, …), if any.
    static func standardName(for baseFont: String) -> String? {
        var name = baseFont
        if let plus = name.firstIndex(of: "+"), name.distance(from: name.startIndex, to: plus) == 6 {
            name = String(name[name.index(after: plus)...])
        }
        let lower = String(name.lowercased().filter { $0 != " " && $0 != "-" && $0 != "," })
        let bold = lower.contains("bold") || lower.contains("black") || lower.contains("heavy")
        let italic = lower.contains("italic") || lower.contains("oblique")
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
        if lower.hasPrefix("courier") || lower.contains("mono") {
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

    /// Width in glyph space (1/1000 em) of `scalar` in the standard font `name`.
    static func width(font name: String, scalar: UInt32) -> Double? {
        widths[name]?[scalar]
    }
}
