/// The tables of an embedded TrueType/OpenType font program that say what its glyphs are: `cmap` and `post`.
///
/// Used only when a PDF font has no usable ToUnicode CMap. Every read is bounds-checked: a truncated or hostile
/// font yields empty tables, never a trap.
package struct TrueTypeFont: Sendable {
    /// Subtables of `cmap`: (platform, encoding) → character code → glyph id.
    private(set) var cmaps: [(platform: UInt16, encoding: UInt16, map: [UInt32: UInt16])] = []
    /// Glyph names from `post` format 1/2, indexed by glyph id.
    private(set) var glyphNames: [String?] = []

    package init?(data: [UInt8]) {
        let reader = BinaryReader(data)
        guard let tableCount = reader.u16(4), tableCount < 200 else { return nil }
        var tables: [String: (Int, Int)] = [:]
        for index in 0..<Int(tableCount) {
            let record = 12 + index * 16
            guard let tag = reader.tag(record), let offset = reader.u32(record + 8),
                let length = reader.u32(record + 12)
            else { return nil }
            tables[tag] = (Int(offset), Int(length))
        }
        if let (offset, length) = tables["cmap"] { parseCmap(reader, offset: offset, length: length) }
        if let (offset, _) = tables["post"] { parsePost(reader, offset: offset) }
        if cmaps.isEmpty && glyphNames.isEmpty { return nil }
    }

    /// The subtable for (platform, encoding), if present.
    func cmap(platform: UInt16, encoding: UInt16) -> [UInt32: UInt16]? {
        cmaps.first { $0.platform == platform && $0.encoding == encoding }?.map
    }

    /// Glyph id → Unicode from the font's Unicode cmap (inverted; the lowest code wins for shared glyphs).
    func unicodeByGlyph() -> [UInt16: UInt32] {
        guard
            let map = cmap(platform: 3, encoding: 10) ?? cmap(platform: 3, encoding: 1) ?? cmap(
                platform: 0,
                encoding: 3
            )
                ?? cmap(platform: 0, encoding: 4) ?? cmaps.first(where: { $0.platform == 0 })?.map
        else { return [:] }
        var result: [UInt16: UInt32] = [:]
        for (code, glyph) in map where glyph != 0 {
            if let existing = result[glyph], existing <= code { continue }
            result[glyph] = code
        }
        return result
    }

    /// Codes all subtables of one `cmap` may map together. Segments and groups may overlap: a hostile table of
    /// 32,767 segments each spanning every code would take billions of steps, while an embedded font maps a few
    /// thousand codes and a full CJK font well under this.
    static let codeBudget = 0x4_0000

    private mutating func parseCmap(_ reader: BinaryReader, offset: Int, length: Int) {
        guard let count = reader.u16(offset + 2), count < 64 else { return }
        var budget = Self.codeBudget
        for index in 0..<Int(count) {
            let record = offset + 4 + index * 8
            guard let platform = reader.u16(record), let encoding = reader.u16(record + 2),
                let subOffset = reader.u32(record + 4)
            else { return }
            if let map = parseSubtable(reader, at: offset + Int(subOffset), budget: &budget) {
                cmaps.append((platform, encoding, map))
            }
        }
    }

    private func parseSubtable(_ reader: BinaryReader, at start: Int, budget: inout Int) -> [UInt32: UInt16]? {
        guard let format = reader.u16(start) else { return nil }
        var map: [UInt32: UInt16] = [:]
        switch format {
        case 0:
            for code in 0..<256 {
                if let glyph = reader.u8(start + 6 + code), glyph != 0 { map[UInt32(code)] = UInt16(glyph) }
            }
        case 4:
            guard let segX2 = reader.u16(start + 6) else { return nil }
            let segments = Int(segX2) / 2
            let ends = start + 14
            let starts = ends + segments * 2 + 2
            let deltas = starts + segments * 2
            let rangeOffsets = deltas + segments * 2
            for segment in 0..<segments {
                guard let end = reader.u16(ends + segment * 2), let first = reader.u16(starts + segment * 2),
                    let delta = reader.u16(deltas + segment * 2),
                    let rangeOffset = reader.u16(rangeOffsets + segment * 2), first <= end
                else { continue }
                for code in UInt32(first)...UInt32(end) where code != 0xFFFF {
                    budget -= 1
                    if budget < 0 { return map }
                    var glyph: UInt16
                    if rangeOffset == 0 {
                        glyph = UInt16(truncatingIfNeeded: code &+ UInt32(delta))
                    } else {
                        let address = rangeOffsets + segment * 2 + Int(rangeOffset) + Int(code - UInt32(first)) * 2
                        guard let raw = reader.u16(address), raw != 0 else { continue }
                        glyph = UInt16(truncatingIfNeeded: UInt32(raw) &+ UInt32(delta))
                    }
                    if glyph != 0 { map[code] = glyph }
                }
            }
        case 6:
            guard let first = reader.u16(start + 6), let count = reader.u16(start + 8) else { return nil }
            for index in 0..<Int(count) {
                if let glyph = reader.u16(start + 10 + index * 2), glyph != 0 {
                    map[UInt32(first) + UInt32(index)] = glyph
                }
            }
        case 12:
            guard let groups = reader.u32(start + 12), groups < 100_000 else { return nil }
            for index in 0..<Int(groups) {
                let group = start + 16 + index * 12
                guard let first = reader.u32(group), let last = reader.u32(group + 4),
                    let glyph = reader.u32(group + 8), last >= first, last - first < 0x11_0000
                else { continue }
                budget -= Int(last - first) + 1
                if budget < 0 { return map }
                for code in first...last {
                    map[code] = UInt16(truncatingIfNeeded: glyph &+ (code - first))
                }
            }
        default:
            return nil
        }
        return map
    }

    private mutating func parsePost(_ reader: BinaryReader, offset: Int) {
        guard let version = reader.u32(offset) else { return }
        if version == 0x0001_0000 {
            glyphNames = MacGlyphNames.all.map { Optional($0) }
            return
        }
        guard version == 0x0002_0000, let count = reader.u16(offset + 32) else { return }
        var indexes: [UInt16] = []
        for glyph in 0..<Int(count) {
            guard let index = reader.u16(offset + 34 + glyph * 2) else { return }
            indexes.append(index)
        }
        var custom: [String] = []
        var position = offset + 34 + Int(count) * 2
        while let length = reader.u8(position), custom.count < 65536 {
            guard let bytes = reader.bytes(position + 1, Int(length)) else { break }
            custom.append(String(decoding: bytes, as: UTF8.self))
            position += 1 + Int(length)
        }
        glyphNames = indexes.map { index in
            if index < 258 { return MacGlyphNames.all[Int(index)] }
            let customIndex = Int(index) - 258
            return customIndex < custom.count ? custom[customIndex] : nil
        }
    }
}
