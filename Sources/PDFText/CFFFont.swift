/// What an embedded CFF (Type 1C / CIDFontType0C) font program says about its glyphs: names by glyph id,
/// the built-in encoding, and the glyph id ↔ CID charset of CID-keyed fonts.
///
/// Every read is bounds-checked; a damaged program yields nil.
package struct CFFFont: Sendable {
    /// Glyph names by glyph id (nil for CID-keyed fonts).
    private(set) var glyphNames: [String] = []
    /// Built-in encoding: code → glyph id.
    private(set) var encoding: [UInt8: Int] = [:]
    /// CID-keyed fonts: CID → glyph id.
    private(set) var glyphByCID: [UInt32: Int] = [:]
    private(set) var isCIDKeyed = false

    /// A DICT operand used as an offset into the font: operands are reals, so a hostile font can give NaN, an
    /// infinity or 1e300, which `Int(_:)` would trap on.
    static func offset(_ operand: Double?) -> Int? {
        guard let operand, operand.isFinite, operand >= 0, operand <= Double(Int32.max) else { return nil }
        return Int(operand)
    }

    package init?(data: [UInt8]) {
        let reader = BinaryReader(data)
        guard let headerSize = reader.u8(2), let major = reader.u8(0), major == 1 else { return nil }
        guard let names = Self.index(reader, at: Int(headerSize)),
            let topDicts = Self.index(reader, at: names.end),
            let strings = Self.index(reader, at: topDicts.end),
            let topRange = topDicts.items.first
        else { return nil }
        let top = Self.dict(reader, topRange)
        guard let charStringsOffset = Self.offset(top[17]?.first),
            let charStrings = Self.index(reader, at: charStringsOffset)
        else { return nil }
        let glyphCount = charStrings.items.count
        guard glyphCount > 0, glyphCount < 70_000 else { return nil }
        isCIDKeyed = top[1230] != nil

        func string(_ sid: Int) -> String {
            if sid < CFFStandardStrings.all.count { return CFFStandardStrings.all[sid] }
            let index = sid - CFFStandardStrings.all.count
            guard index < strings.items.count,
                let bytes = reader.bytes(strings.items[index].lowerBound, strings.items[index].count)
            else { return "" }
            return String(decoding: bytes, as: UTF8.self)
        }

        // charset: glyph id → SID (or CID)
        var sids = [Int](repeating: 0, count: glyphCount)
        let charsetOffset = Self.offset(top[15]?.first) ?? 0
        if charsetOffset > 2, let format = reader.u8(charsetOffset) {
            var position = charsetOffset + 1
            var glyph = 1
            switch format {
            case 0:
                while glyph < glyphCount, let sid = reader.u16(position) {
                    sids[glyph] = Int(sid)
                    glyph += 1
                    position += 2
                }
            case 1, 2:
                let leftSize = format == 1 ? 1 : 2
                while glyph < glyphCount, let first = reader.u16(position),
                    let left = reader.uint(position + 2, size: leftSize)
                {
                    for offset in 0...Int(left) where glyph < glyphCount {
                        sids[glyph] = Int(first) + offset
                        glyph += 1
                    }
                    position += 2 + leftSize
                }
            default:
                break
            }
        } else if charsetOffset == 0 {
            for glyph in 0..<glyphCount { sids[glyph] = glyph }  // ISOAdobe: SIDs follow glyph ids
        }

        if isCIDKeyed {
            for (glyph, cid) in sids.enumerated() { glyphByCID[UInt32(cid)] = glyph }
            return
        }
        glyphNames = sids.map { string($0) }

        let encodingOffset = Self.offset(top[16]?.first) ?? 0
        if encodingOffset == 0 {
            for code in 0..<256 {
                if let name = BaseEncoding.standard.glyphName(for: UInt8(code)),
                    let glyph = glyphNames.firstIndex(of: name)
                {
                    encoding[UInt8(code)] = glyph
                }
            }
        } else if encodingOffset > 1, let rawFormat = reader.u8(encodingOffset) {
            var position = encodingOffset + 1
            switch rawFormat & 0x7F {
            case 0:
                let count = Int(reader.u8(position) ?? 0)
                for glyph in 1...max(1, count) where glyph <= count {
                    if let code = reader.u8(position + glyph) { encoding[code] = glyph }
                }
                position += 1 + count
            case 1:
                let ranges = Int(reader.u8(position) ?? 0)
                var glyph = 1
                for range in 0..<ranges {
                    guard let first = reader.u8(position + 1 + range * 2),
                        let left = reader.u8(position + 2 + range * 2)
                    else { break }
                    for offset in 0...Int(left) where Int(first) + offset < 256 {
                        encoding[UInt8(Int(first) + offset)] = glyph
                        glyph += 1
                    }
                }
                position += 1 + ranges * 2
            default:
                break
            }
            if rawFormat & 0x80 != 0, let supplements = reader.u8(position) {
                for index in 0..<Int(supplements) {
                    guard let code = reader.u8(position + 1 + index * 3), let sid = reader.u16(position + 2 + index * 3)
                    else { break }
                    if let glyph = glyphNames.firstIndex(of: string(Int(sid))) { encoding[code] = glyph }
                }
            }
        }
    }

    /// The built-in encoding as code → glyph name.
    var encodingNames: [UInt8: String] {
        var result: [UInt8: String] = [:]
        for (code, glyph) in encoding where glyph < glyphNames.count { result[code] = glyphNames[glyph] }
        return result
    }

    private struct Index {
        var items: [Range<Int>]
        var end: Int
    }

    private static func index(_ reader: BinaryReader, at offset: Int) -> Index? {
        guard let count = reader.u16(offset) else { return nil }
        if count == 0 { return Index(items: [], end: offset + 2) }
        guard let offSize = reader.u8(offset + 2), (1...4).contains(offSize) else { return nil }
        let base = offset + 3 + (Int(count) + 1) * Int(offSize) - 1
        var items: [Range<Int>] = []
        items.reserveCapacity(Int(count))
        var previous = Int(reader.uint(offset + 3, size: Int(offSize)) ?? 1)
        for item in 1...Int(count) {
            guard let next = reader.uint(offset + 3 + item * Int(offSize), size: Int(offSize)), Int(next) >= previous
            else { return nil }
            items.append((base + previous)..<(base + Int(next)))
            previous = Int(next)
        }
        guard base + previous <= reader.data.count else { return nil }
        return Index(items: items, end: base + previous)
    }

    /// A DICT: operator (escaped operators as 1200 + second byte) → operands.
    private static func dict(_ reader: BinaryReader, _ range: Range<Int>) -> [Int: [Double]] {
        var result: [Int: [Double]] = [:]
        var operands: [Double] = []
        var position = range.lowerBound
        while position < range.upperBound, let byte = reader.u8(position) {
            switch byte {
            case 0...21:
                var op = Int(byte)
                if byte == 12, let second = reader.u8(position + 1) {
                    op = 1200 + Int(second)
                    position += 1
                }
                result[op] = operands
                operands.removeAll()
                position += 1
            case 28:
                guard let value = reader.u16(position + 1) else { return result }
                operands.append(Double(Int16(bitPattern: value)))
                position += 3
            case 29:
                guard let value = reader.u32(position + 1) else { return result }
                operands.append(Double(Int32(bitPattern: value)))
                position += 5
            case 30:
                position += 1
                var text = ""
                reading: while let nibbles = reader.u8(position) {
                    position += 1
                    for nibble in [nibbles >> 4, nibbles & 0xF] {
                        switch nibble {
                        case 0...9: text.append(Character(String(nibble)))
                        case 0xA: text.append(".")
                        case 0xB: text.append("E")
                        case 0xC: text.append("E-")
                        case 0xE: text.append("-")
                        case 0xF: break reading
                        default: break
                        }
                    }
                }
                operands.append(Double(text) ?? 0)
            case 32...246:
                operands.append(Double(Int(byte) - 139))
                position += 1
            case 247...250:
                guard let next = reader.u8(position + 1) else { return result }
                operands.append(Double((Int(byte) - 247) * 256 + Int(next) + 108))
                position += 2
            case 251...254:
                guard let next = reader.u8(position + 1) else { return result }
                operands.append(Double(-(Int(byte) - 251) * 256 - Int(next) - 108))
                position += 2
            default:
                position += 1
            }
        }
        return result
    }
}
