import DocumentModel

/// The `styles` table: each distinct (font, size, weight, slant, monospace) gets an id in order of first use.
struct StyleRegistry {
    private(set) var styles: [TextStyle] = []
    private var ids: [TextStyle: Int] = [:]

    /// The 1-based id of `style`, added when new.
    mutating func id(for style: TextStyle) -> Int {
        if let id = ids[style] { return id }
        styles.append(style)
        ids[style] = styles.count
        return styles.count
    }

    /// The style most of a block's characters are set in (sizes to half a point).
    static func dominant(_ block: TextBlock, fontNames: [String]) -> TextStyle? {
        var weights: [TextStyle: Int] = [:]
        var order: [TextStyle] = []
        for line in block.lines {
            for word in line.words {
                let font = word.fontIndex >= 0 && word.fontIndex < fontNames.count ? fontNames[word.fontIndex] : ""
                let style = TextStyle(
                    font: font,
                    size: (word.fontSize * 2).rounded() / 2,
                    bold: word.isBold,
                    italic: word.isItalic,
                    monospace: word.isMonospace
                )
                if weights[style] == nil { order.append(style) }
                weights[style, default: 0] += word.text.count
            }
        }
        // Ties go to the style seen first, so the choice does not depend on hashing.
        return order.max { weights[$0, default: 0] < weights[$1, default: 0] }.flatMap { best in
            order.first { weights[$0, default: 0] == weights[best, default: 0] }
        }
    }
}
