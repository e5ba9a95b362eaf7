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
        font += [UInt8(cmap.count >> 24), UInt8((cmap.count >> 16) & 0xFF), UInt8((cmap.count >> 8) & 0xFF), UInt8(cmap.count & 0xFF)]
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
