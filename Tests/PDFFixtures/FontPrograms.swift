/// Minimal font programs for testing the engine's fallbacks when a font has no ToUnicode CMap.
public enum FontPrograms {
    /// A TrueType file holding only a `cmap` table (format 4, platform 3 encoding 1) mapping each character of
    /// `characters` to glyph ids 1, 2, 3, … in order.
    public static func trueType(mapping characters: [Character]) -> [UInt8] {
        let scalars = characters.map { UInt16($0.unicodeScalars.first!.value) }
        // One segment per character plus the final 0xFFFF segment.
        let sorted = scalars.enumerated().sorted { $0.element < $1.element }
        let segments = sorted.count + 1
        var subtable: [UInt8] = []
        func u16(_ value: Int) { subtable += [UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)] }
        let length = 16 + segments * 8
        u16(4)
        u16(length)
        u16(0)
        u16(segments * 2)
        u16(2)
        u16(0)
        u16(segments * 2 - 2)
        for (_, scalar) in sorted { u16(Int(scalar)) }
        u16(0xFFFF)
        u16(0)
        for (_, scalar) in sorted { u16(Int(scalar)) }
        u16(0xFFFF)
        for (glyphIndex, scalar) in sorted { u16((glyphIndex + 1 - Int(scalar)) & 0xFFFF) }
        u16(1)
        for _ in 0..<segments { u16(0) }
        var cmap: [UInt8] = [0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12]
        cmap += subtable
        var font: [UInt8] = [0, 1, 0, 0, 0, 1, 0, 16, 0, 0, 0, 0]
        font += Array("cmap".utf8) + [0, 0, 0, 0]
        let offset = 12 + 16
        font += [0, 0, UInt8(offset >> 8), UInt8(offset & 0xFF)]
        font += [
            UInt8(cmap.count >> 24), UInt8((cmap.count >> 16) & 0xFF), UInt8((cmap.count >> 8) & 0xFF),
            UInt8(cmap.count & 0xFF),
        ]
        return font + cmap
    }

    /// The cleartext part of a Type 1 font whose built-in encoding maps `code` → `name` for each pair.
    public static func type1(encoding: [(UInt8, String)]) -> [UInt8] {
        var text = "%!PS-AdobeFont-1.0: Test 001\n/FontName /Test def\n/Encoding 256 array\n"
        text += "0 1 255 {1 index exch /.notdef put} for\n"
        for (code, name) in encoding { text += "dup \(code) /\(name) put\n" }
        text += "readonly def\ncurrentdict end\ncurrentfile eexec\n"
        return Array(text.utf8) + [0x00, 0x01, 0x02]
    }
}

extension FontPrograms {
    /// A bare CFF (Type 1C) font whose glyphs 1, 2, … are named `names` and whose built-in encoding maps
    /// `codes[i]` to glyph `i + 1`. Names that are not CFF standard strings go into the String INDEX.
    public static func cff(names: [(name: String, standardSID: Int?)], codes: [UInt8]) -> [UInt8] {
        func index(_ items: [[UInt8]]) -> [UInt8] {
            guard !items.isEmpty else { return [0, 0] }
            var result: [UInt8] = [UInt8(items.count >> 8), UInt8(items.count & 0xFF), 1]
            var offset = 1
            result.append(UInt8(offset))
            for item in items {
                offset += item.count
                result.append(UInt8(offset))
            }
            return result + items.flatMap { $0 }
        }
        func int32(_ value: Int) -> [UInt8] {
            [
                29, UInt8((value >> 24) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF),
                UInt8(value & 0xFF),
            ]
        }
        let header: [UInt8] = [1, 0, 4, 1]
        let nameIndex = index([Array("Test".utf8)])
        let custom = names.filter { $0.standardSID == nil }.map { Array($0.name.utf8) }
        let stringIndex = index(custom)
        let globalSubrs = index([])
        var nextCustom = 391
        var charset: [UInt8] = [0]
        for entry in names {
            let sid: Int
            if let standard = entry.standardSID {
                sid = standard
            } else {
                sid = nextCustom
                nextCustom += 1
            }
            charset += [UInt8(sid >> 8), UInt8(sid & 0xFF)]
        }
        let encoding: [UInt8] = [0, UInt8(codes.count)] + codes
        let charStrings = index(Array(repeating: [14], count: names.count + 1))
        let topDictSize = 18
        let topDictIndexSize = 2 + 1 + 2 + topDictSize
        let charsetOffset = header.count + nameIndex.count + topDictIndexSize + stringIndex.count + globalSubrs.count
        let encodingOffset = charsetOffset + charset.count
        let charStringsOffset = encodingOffset + encoding.count
        let topDict = int32(charsetOffset) + [15] + int32(encodingOffset) + [16] + int32(charStringsOffset) + [17]
        return header + nameIndex + index([topDict]) + stringIndex + globalSubrs + charset + encoding + charStrings
    }
}
