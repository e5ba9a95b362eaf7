/// Builds ``PDFFont`` values from font dictionaries, reading ToUnicode CMaps, encodings, widths and, when nothing
/// else says what a glyph is, the embedded font program.
struct FontLoader {
    let document: PDFDocument

    func load(_ dictionary: PDFDictionary) -> PDFFont {
        let subtype = dictionary["Subtype"]?.name ?? "Type1"
        let baseFont = document.resolve(dictionary["BaseFont"]).name ?? (subtype == "Type3" ? "Type3" : "Unknown")
        switch subtype {
        case "Type0":
            return loadComposite(dictionary, baseFont: baseFont)
        case "Type3":
            return loadSimple(dictionary, baseFont: baseFont, kind: .type3)
        default:
            return loadSimple(dictionary, baseFont: baseFont, kind: .simple)
        }
    }

    // MARK: - Shared

    private func toUnicode(_ dictionary: PDFDictionary) -> CMap? {
        guard case .stream(_, let id) = document.resolve(dictionary["ToUnicode"]),
            let data = try? document.streamData(id)
        else { return nil }
        let cmap = CMap(parsing: data)
        return cmap.hasUnicode ? cmap : nil
    }

    private func applyDescriptor(_ descriptor: PDFDictionary?, to font: PDFFont, baseFont: String) {
        let flags = document.resolve(descriptor?["Flags"]).int ?? 0
        let weight = document.resolve(descriptor?["FontWeight"]).number ?? 0
        let lowerName = baseFont.lowercased()
        font.isBold =
            flags & (1 << 18) != 0 || weight >= 600
            || ["bold", "black", "heavy", "semibold", "demibold", ",bd", "-bd"].contains { lowerName.contains($0) }
        font.isItalic =
            flags & (1 << 6) != 0 || (document.resolve(descriptor?["ItalicAngle"]).number ?? 0) != 0
            || lowerName.includes("italic") || lowerName.includes("oblique")
        font.isMonospace = flags & 1 != 0 || lowerName.includes("courier") || lowerName.includes("mono")
        if let ascent = document.resolve(descriptor?["Ascent"]).number, ascent > 100, ascent < 2000 {
            font.ascent = ascent / 1000
        }
        if let descent = document.resolve(descriptor?["Descent"]).number, descent < 0, descent > -1000 {
            font.descent = descent / 1000
        }
    }

    private enum Program {
        case trueType([UInt8])
        case cff([UInt8])
        case type1([UInt8])
    }

    private func program(_ descriptor: PDFDictionary?) -> Program? {
        guard let descriptor else { return nil }
        if case .stream(_, let id) = document.resolve(descriptor["FontFile2"]), let data = try? document.streamData(id)
        {
            return .trueType(data)
        }
        if case .stream(_, let id) = document.resolve(descriptor["FontFile3"]), let data = try? document.streamData(id)
        {
            if data.first == 1 { return .cff(data) }
            if data.starts(with: Array("OTTO".utf8)), let cff = Self.openTypeTable(data, tag: "CFF ") {
                return .cff(cff)
            }
            return .trueType(data)
        }
        if case .stream(_, let id) = document.resolve(descriptor["FontFile"]), let data = try? document.streamData(id) {
            return .type1(data)
        }
        return nil
    }

    /// The bytes of one table of an OpenType container.
    private static func openTypeTable(_ data: [UInt8], tag: String) -> [UInt8]? {
        let reader = BinaryReader(data)
        guard let count = reader.u16(4) else { return nil }
        for index in 0..<Int(min(count, 200)) {
            let record = 12 + index * 16
            if reader.tag(record) == tag, let offset = reader.u32(record + 8), let length = reader.u32(record + 12),
                let bytes = reader.bytes(Int(offset), Int(length))
            {
                return Array(bytes)
            }
        }
        return nil
    }

    // MARK: - Simple fonts

    private func loadSimple(_ dictionary: PDFDictionary, baseFont: String, kind: PDFFont.Kind) -> PDFFont {
        let font = PDFFont(name: baseFont, kind: kind)
        let descriptor = document.dictionary(dictionary, "FontDescriptor")
        applyDescriptor(descriptor, to: font, baseFont: baseFont)
        let flags = document.resolve(descriptor?["Flags"]).int ?? 0
        let standardName = StandardFontMetrics.standardName(for: baseFont)
        let isSymbolic = flags & 4 != 0 && flags & 32 == 0
        let program = kind == .simple ? program(descriptor) : nil

        if kind == .type3, let matrix = document.resolve(dictionary["FontMatrix"]).array?.compactMap(\.number),
            matrix.count == 6
        {
            font.fontMatrix = Matrix(a: matrix[0], b: matrix[1], c: matrix[2], d: matrix[3], e: matrix[4], f: matrix[5])
        }

        // Glyph names per code: base encoding, then Differences.
        var names = [String?](repeating: nil, count: 256)
        let encodingObject = document.resolve(dictionary["Encoding"])
        var baseEncoding: BaseEncoding?
        var builtIn: [UInt8: String]?
        switch encodingObject {
        case .name(let name):
            baseEncoding = BaseEncoding.named(name)
        case .dictionary(let encodingDictionary):
            baseEncoding = encodingDictionary["BaseEncoding"]?.name.flatMap(BaseEncoding.named)
        default:
            break
        }
        // The program's own encoding names the glyph a code draws where the PDF's encoding names none.
        switch program {
        case .type1(let data): builtIn = Type1FontProgram.builtInEncoding(data)
        case .cff(let data): builtIn = CFFFont(data: data)?.encodingNames
        default: break
        }
        if baseEncoding == nil {
            if let builtIn, !builtIn.isEmpty {
                for (code, name) in builtIn { names[Int(code)] = name }
            } else if standardName == "Symbol" {
                baseEncoding = .symbol
            } else if standardName == "ZapfDingbats" {
                baseEncoding = .zapfDingbats
            } else if !(isSymbolic && program != nil) {
                baseEncoding = .standard
            }
        }
        if let baseEncoding {
            for code in 0..<256 where names[code] == nil { names[code] = baseEncoding.names[code] }
        }
        var hasDifferences = [Bool](repeating: false, count: 256)
        if case .dictionary(let encodingDictionary) = encodingObject,
            let differences = document.resolve(encodingDictionary["Differences"]).array
        {
            var code = 0
            for item in differences {
                if let number = item.int {
                    code = number
                } else if let name = item.name, code >= 0, code < 256 {
                    names[code] = name
                    hasDifferences[code] = true
                    code += 1
                }
            }
        }

        // Unicode per code.
        let toUnicode = toUnicode(dictionary)
        var trueType: TrueTypeFont?
        if case .trueType(let data) = program { trueType = TrueTypeFont(data: data) }
        let unicodeByGlyph = trueType?.unicodeByGlyph() ?? [:]
        for code in 0..<256 {
            // A ligature the ToUnicode map leaves out or maps to a space ("T_h", "f_i", "l_l") reads by its name.
            // Looked up only when needed: most codes have a usable mapping that is not blank.
            func named() -> String? {
                for name in [names[code], builtIn?[UInt8(code)]].compactMap({ $0 }) {
                    if let scalars = AdobeGlyphList.scalars(for: name) {
                        return String(String.UnicodeScalarView(scalars))
                    }
                }
                return nil
            }
            if let mapped = toUnicode?.unicode(for: UInt32(code)), PDFFont.isUsable(mapped) {
                font.simpleText[code] =
                    mapped.allSatisfy(\.isWhitespace) ? PDFFont.preferringLetters(mapped, over: named()) : mapped
                continue
            }
            let named = named()
            if let named {
                font.simpleText[code] = named
                continue
            }
            if let trueType,
                let text = Self.trueTypeText(
                    trueType,
                    unicodeByGlyph: unicodeByGlyph,
                    code: UInt8(code),
                    glyphName: names[code]
                )
            {
                font.simpleText[code] = text
                continue
            }
            if names[code] == nil, !hasDifferences[code], program == nil || !isSymbolic, code >= 32, code < 127 {
                font.simpleText[code] = String(UnicodeScalar(UInt8(code)))
            }
        }

        // Widths.
        let firstChar = document.resolve(dictionary["FirstChar"]).int ?? 0
        let widths = document.resolve(dictionary["Widths"]).array
        let missingWidth = document.resolve(descriptor?["MissingWidth"]).number ?? 0
        let standardWidths = standardName.flatMap(StandardFontMetrics.widths(font:))
        let scale = kind == .type3 ? font.fontMatrix.a : 0.001
        for code in 0..<256 {
            var width: Double?
            if let widths, code >= firstChar, code - firstChar < widths.count {
                width = document.resolve(widths[code - firstChar]).number
            }
            if width == nil, let standardWidths, let text = font.simpleText[code],
                let scalar = text.unicodeScalars.first
            {
                width = standardWidths[scalar.value]
            }
            if width == nil, widths == nil, standardName == nil, kind == .simple {
                width = 500
            }
            font.simpleWidths[code] = (width ?? missingWidth) * scale
        }
        if standardName?.hasPrefix("Courier") == true { font.isMonospace = true }
        return font
    }

    /// Text for a code of a simple TrueType font through the program's own cmap and post tables.
    private static func trueTypeText(
        _ font: TrueTypeFont,
        unicodeByGlyph: [UInt16: UInt32],
        code: UInt8,
        glyphName: String?
    ) -> String? {
        var glyph: UInt16?
        if let glyphName, glyphName.hasPrefix("g") || glyphName.hasPrefix("glyph"),
            let number = UInt16(glyphName.drop { !$0.isNumber })
        {
            glyph = number
        }
        if glyph == nil, let symbolMap = font.cmap(platform: 3, encoding: 0) {
            glyph = symbolMap[0xF000 + UInt32(code)] ?? symbolMap[UInt32(code)] ?? symbolMap[0xF100 + UInt32(code)]
        }
        if glyph == nil, let macMap = font.cmap(platform: 1, encoding: 0) {
            glyph = macMap[UInt32(code)]
        }
        guard let glyph else { return nil }
        if let unicode = unicodeByGlyph[glyph], unicode >= 0x20, !(0xE000...0xF8FF).contains(unicode),
            let scalar = Unicode.Scalar(unicode)
        {
            return String(scalar)
        }
        if Int(glyph) < font.glyphNames.count, let name = font.glyphNames[Int(glyph)],
            let scalars = AdobeGlyphList.scalars(for: name)
        {
            return String(String.UnicodeScalarView(scalars))
        }
        return nil
    }

    // MARK: - Composite fonts

    private func loadComposite(_ dictionary: PDFDictionary, baseFont: String) -> PDFFont {
        let font = PDFFont(name: baseFont, kind: .composite)
        let descendant =
            document.resolve(dictionary["DescendantFonts"]).array?.first.map { document.resolve($0).dictionary }
            ?? nil
        let descriptor = document.dictionary(descendant, "FontDescriptor")
        applyDescriptor(descriptor, to: font, baseFont: baseFont)

        switch document.resolve(dictionary["Encoding"]) {
        case .name(let name):
            configurePredefined(font, cmapName: name)
        case .stream(let streamDictionary, let id):
            var cmap = (try? document.streamData(id)).map { CMap(parsing: $0) } ?? CMap()
            if let parent = cmap.parentName, !cmap.hasCIDs {
                configurePredefined(font, cmapName: parent)
            } else {
                font.identityEncoding = !cmap.hasCIDs
            }
            if cmap.codespaces.isEmpty, cmap.hasCIDs == false { cmap = CMap() }
            font.encodingCMap = cmap
            if cmap.writingMode == 1 || streamDictionary["WMode"]?.int == 1 { font.isVertical = true }
        default:
            break
        }
        font.toUnicode = toUnicode(dictionary)

        // Widths.
        font.defaultWidth = (document.resolve(descendant?["DW"]).number ?? 1000) / 1000
        if let array = document.resolve(descendant?["W"]).array {
            parseWidths(array.map { document.resolve($0) }) { cid, values in font.cidWidths[cid] = values[0] / 1000 }
        }
        if font.isVertical {
            if let dw2 = document.resolve(descendant?["DW2"]).array?.compactMap({ document.resolve($0).number }),
                dw2.count == 2
            {
                font.defaultVerticalAdvance = dw2[1] / 1000
            }
            if let array = document.resolve(descendant?["W2"]).array {
                parseWidths(array.map { document.resolve($0) }, group: 3) { cid, values in
                    font.verticalAdvances[cid] = values[0] / 1000
                }
            }
        }

        // When ToUnicode is missing or partial: CID → glyph → Unicode from the embedded program.
        if !font.unicodeEncoding, font.legacyCharset == nil {
            font.programText = programText(descendant: descendant, descriptor: descriptor)
        }
        return font
    }

    private func configurePredefined(_ font: PDFFont, cmapName: String) {
        if cmapName == "V" || cmapName.hasSuffix("-V") { font.isVertical = true }
        if cmapName.hasPrefix("Identity") {
            font.identityEncoding = true
            font.codeLength = 2
        } else if cmapName.hasPrefix("Uni"), cmapName.includes("UCS2") || cmapName.includes("UTF16") {
            font.unicodeEncoding = true
            font.codeLength = 2
        } else if let charset = LegacyCharset(cmapName: cmapName) {
            font.legacyCharset = charset
        } else {
            font.identityEncoding = true
        }
    }

    /// Walks a `W`/`W2` array: `c [v…]` lists and `cFirst cLast v…` ranges, `group` numbers per CID.
    private func parseWidths(_ items: [PDFObject], group: Int = 1, _ set: (UInt32, [Double]) -> Void) {
        var index = 0
        var assigned = 0
        while index < items.count, assigned < 200_000 {
            guard let first = items[index].int, first >= 0 else {
                index += 1
                continue
            }
            if index + 1 < items.count, let list = items[index + 1].array {
                let values = list.compactMap { document.resolve($0).number }
                var cid = UInt32(first)
                var offset = 0
                while offset + group <= values.count {
                    set(cid, Array(values[offset..<offset + group]))
                    cid += 1
                    offset += group
                    assigned += 1
                }
                index += 2
            } else if index + 1 + group < items.count + 0, let last = items[index + 1].int, last >= first {
                let values = items[(index + 2)..<min(items.count, index + 2 + group)].compactMap(\.number)
                if values.count == group, last - first < 70_000 {
                    for cid in first...last {
                        set(UInt32(cid), values)
                        assigned += 1
                    }
                }
                index += 2 + group
            } else {
                index += 1
            }
        }
    }

    private func programText(descendant: PDFDictionary?, descriptor: PDFDictionary?) -> ((UInt32) -> String?)? {
        switch program(descriptor) {
        case .trueType(let data):
            guard let trueType = TrueTypeFont(data: data) else { return nil }
            let byGlyph = trueType.unicodeByGlyph()
            let glyphNames = trueType.glyphNames
            // Two bytes per CID, the glyph id; without a map CIDs are glyph ids.
            var gidMap: [UInt8]?
            if case .stream(_, let id) = document.resolve(descendant?["CIDToGIDMap"]) {
                gidMap = try? document.streamData(id)
            }
            return { cid in
                let glyph: UInt16
                if let map = gidMap {
                    let offset = Int(cid) * 2
                    guard offset + 1 < map.count else { return nil }
                    glyph = UInt16(map[offset]) << 8 | UInt16(map[offset + 1])
                } else {
                    guard cid <= 0xFFFF else { return nil }
                    glyph = UInt16(cid)
                }
                if let unicode = byGlyph[glyph], unicode >= 0x20, let scalar = Unicode.Scalar(unicode),
                    !(0xE000...0xF8FF).contains(unicode)
                {
                    return String(scalar)
                }
                if Int(glyph) < glyphNames.count, let name = glyphNames[Int(glyph)],
                    let scalars = AdobeGlyphList.scalars(for: name)
                {
                    return String(String.UnicodeScalarView(scalars))
                }
                return nil
            }
        case .cff(let data):
            guard let cff = CFFFont(data: data), !cff.isCIDKeyed else { return nil }
            let names = cff.glyphNames
            return { cid in
                guard Int(cid) < names.count, let scalars = AdobeGlyphList.scalars(for: names[Int(cid)]) else {
                    return nil
                }
                return String(String.UnicodeScalarView(scalars))
            }
        default:
            return nil
        }
    }
}
