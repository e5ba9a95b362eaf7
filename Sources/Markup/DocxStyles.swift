internal import CXML2

/// A Word file's paragraph styles, resolved through `basedOn`: what each style makes of a paragraph.
struct DocxStyles {
    /// What a paragraph style says about its paragraphs.
    struct Style {
        /// 1 for `heading 1` or outline level 0, …; nil for body text.
        var headingLevel: Int?
        var isTitle = false
        /// Numbering the style attaches (a `List Number` style): its `numId` and level.
        var numbering: (id: String, level: Int)?
        /// A code or preformatted style (`HTML Preformatted`, `Code`, `Source Text`).
        var isCode = false
    }

    private var styles: [String: Style] = [:]

    init(_ root: xmlNodePtr?) {
        guard let root else { return }
        var raw: [String: (name: String, basedOn: String?, outline: Int?, numbering: (String, Int)?)] = [:]
        for node in XMLPart.children(root, "style") where XMLPart.attribute(node, "type") == "paragraph" {
            guard let id = XMLPart.attribute(node, "styleId") else { continue }
            let properties = XMLPart.child(node, "pPr")
            let numbering = properties.flatMap { XMLPart.child($0, "numPr") }.flatMap { numPr -> (String, Int)? in
                guard let numId = XMLPart.value(numPr, "numId") else { return nil }
                return (numId, Int(XMLPart.value(numPr, "ilvl") ?? "0") ?? 0)
            }
            raw[id] = (
                name: (XMLPart.value(node, "name") ?? id).lowercased(),
                basedOn: XMLPart.value(node, "basedOn"),
                outline: XMLPart.value(properties, "outlineLvl").flatMap { Int($0) },
                numbering: numbering
            )
        }
        for id in raw.keys {
            var style = Style()
            var current: String? = id
            var seen = Set<String>()
            // The nearest definition wins, walking up `basedOn` (cycles cut).
            while let name = current, let entry = raw[name], seen.insert(name).inserted {
                if style.headingLevel == nil, !style.isTitle {
                    if entry.name == "title" {
                        style.isTitle = true
                    } else if let level = Self.headingLevel(named: entry.name) {
                        style.headingLevel = level
                    } else if let outline = entry.outline, (0...8).contains(outline) {
                        style.headingLevel = outline + 1
                    }
                }
                if style.numbering == nil, let numbering = entry.numbering { style.numbering = numbering }
                if ["code", "source text", "html preformatted", "preformatted text", "macro text"].contains(entry.name)
                {
                    style.isCode = true
                }
                current = entry.basedOn
            }
            styles[id] = style
        }
    }

    subscript(id id: String?) -> Style { id.flatMap { styles[$0] } ?? Style() }

    /// `heading 3` → 3: the built-in names Word stores in English whatever the user interface's language.
    static func headingLevel(named name: String) -> Int? {
        guard name.hasPrefix("heading "), let level = Int(name.dropFirst(8)), (1...9).contains(level) else {
            return nil
        }
        return level
    }
}

/// A Word file's numbering definitions and the counters of the lists met so far, in document order.
struct DocxNumbering {
    struct Level {
        var format: String
        var text: String
        var start: Int
    }

    /// `numId` → its abstract definition's levels (overrides of start values applied).
    private var levels: [String: [Int: Level]] = [:]
    /// Counters per abstract list, so that two `numId`s sharing one definition continue each other as Word does.
    private var counters: [String: [Int]] = [:]
    private var abstractOf: [String: String] = [:]

    init(_ root: xmlNodePtr?) {
        guard let root else { return }
        var abstracts: [String: [Int: Level]] = [:]
        for node in XMLPart.children(root, "abstractNum") {
            guard let id = XMLPart.attribute(node, "abstractNumId") else { continue }
            var definition: [Int: Level] = [:]
            for level in XMLPart.children(node, "lvl") {
                guard let index = XMLPart.attribute(level, "ilvl").flatMap({ Int($0) }) else { continue }
                definition[index] = Level(
                    format: XMLPart.value(level, "numFmt") ?? "decimal",
                    text: XMLPart.value(level, "lvlText") ?? "%\(index + 1).",
                    start: Int(XMLPart.value(level, "start") ?? "1") ?? 1
                )
            }
            abstracts[id] = definition
        }
        for node in XMLPart.children(root, "num") {
            guard let id = XMLPart.attribute(node, "numId"), let abstract = XMLPart.value(node, "abstractNumId"),
                var definition = abstracts[abstract]
            else { continue }
            for override in XMLPart.children(node, "lvlOverride") {
                if let index = XMLPart.attribute(override, "ilvl").flatMap({ Int($0) }),
                    let start = XMLPart.value(XMLPart.child(override, "startOverride"), "val").flatMap({ Int($0) })
                        ?? XMLPart.value(override, "startOverride").flatMap({ Int($0) })
                {
                    definition[index]?.start = start
                }
            }
            levels[id] = definition
            abstractOf[id] = abstract
        }
    }

    /// The marker of the next paragraph of list `id` at `level`; nil when the list is not defined or its level is
    /// not numbered (`numId` 0 switches numbering off).
    mutating func next(id: String, level: Int) -> (marker: String, ordered: Bool)? {
        guard id != "0", let definition = levels[id], let current = definition[level] ?? definition[0] else {
            return nil
        }
        if current.format == "none" { return nil }
        let key = abstractOf[id] ?? id
        var values = counters[key] ?? []
        while values.count <= level { values.append(0) }
        values[level] = values[level] == 0 ? (definition[level]?.start ?? 1) : values[level] + 1
        // A higher level's next item restarts the deeper ones.
        for deeper in (level + 1)..<max(values.count, level + 1) { values[deeper] = 0 }
        counters[key] = values
        if current.format == "bullet" { return ("•", false) }
        var marker = current.text
        for index in 0..<min(values.count, 9) {
            let format = definition[index]?.format ?? "decimal"
            let value = values[index] == 0 ? (definition[index]?.start ?? 1) : values[index]
            marker = marker.replacingAll("%\(index + 1)", with: Self.format(value, format))
        }
        return (marker.trimmed, true)
    }

    static func format(_ value: Int, _ format: String) -> String {
        switch format {
        case "lowerLetter": return ListNumbering.letters(value, upper: false)
        case "upperLetter": return ListNumbering.letters(value, upper: true)
        case "lowerRoman": return ListNumbering.roman(value).lowercased()
        case "upperRoman": return ListNumbering.roman(value)
        default: return "\(value)"
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced (Foundation-free).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
