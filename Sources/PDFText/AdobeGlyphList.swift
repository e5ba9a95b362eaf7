#if canImport(Glibc)
    import Glibc
#endif

/// Glyph name → Unicode, following the Adobe Glyph List specification.
///
/// Handles list names (`Aacute`), `uniXXXX[XXXX…]`, `uXXXX[XX]`, suffixes (`a.sc`) and ligature names joined
/// with underscores (`f_f_i`).
enum AdobeGlyphList {
    /// The list's bytes: one `name HEX[ HEX…]` line per glyph, sorted by name (byte order).
    private static let bytes: [UInt8] = Array(source.utf8)

    /// Where each line starts; found once, then names are looked up by binary search without building a
    /// dictionary of 4,000 strings at every process start.
    private static let lineStarts: [Int] = bytes.withUnsafeBufferPointer { buffer in
        var starts = [0]
        starts.reserveCapacity(4400)
        guard let base = buffer.baseAddress else { return starts }
        // memchr: a byte-by-byte Swift loop over the list's 80 KB was 2% of a one-page conversion.
        var offset = 0
        while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
            let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if newline + 1 < buffer.count { starts.append(newline + 1) }
            offset = newline + 1
        }
        return starts
    }

    private static let extras: [String: [Unicode.Scalar]] = [
        "ff": ["\u{FB00}"], "fi": ["\u{FB01}"], "fl": ["\u{FB02}"], "ffi": ["\u{FB03}"], "ffl": ["\u{FB04}"],
        "dotlessj": ["\u{0237}"], "nbspace": ["\u{00A0}"], "sfthyphen": ["\u{00AD}"], "minus": ["\u{2212}"],
        "Delta": ["\u{2206}"], "Omega": ["\u{2126}"], "mu": ["\u{00B5}"],
    ]

    /// The list's entry for exactly `name`.
    private static func lookup(_ name: String) -> [Unicode.Scalar]? {
        let key = Array(name.utf8)
        var lower = 0
        var upper = lineStarts.count
        while lower < upper {
            let middle = (lower + upper) / 2
            let start = lineStarts[middle]
            var end = start
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            let comparison = compare(key, start, end)
            if comparison == 0 { return scalars(from: end + 1) }
            if comparison < 0 { upper = middle } else { lower = middle + 1 }
        }
        return extras[name]
    }

    /// Compares `key` with `bytes[start..<end]` in byte order.
    private static func compare(_ key: [UInt8], _ start: Int, _ end: Int) -> Int {
        let length = end - start
        for index in 0..<min(key.count, length) where key[index] != bytes[start + index] {
            return key[index] < bytes[start + index] ? -1 : 1
        }
        return key.count == length ? 0 : (key.count < length ? -1 : 1)
    }

    private static func scalars(from start: Int) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        var value: UInt32 = 0
        var digits = 0
        var position = start
        while position <= bytes.count {
            let byte = position < bytes.count ? bytes[position] : 0x0A
            if let nibble = ContentLexer.hexValue(byte) {
                value = value << 4 | UInt32(nibble)
                digits += 1
            } else {
                if digits > 0, let scalar = Unicode.Scalar(value) { result.append(scalar) }
                value = 0
                digits = 0
                if byte == 0x0A { break }
            }
            position += 1
        }
        return result
    }

    /// The scalars a glyph name stands for, or nil when the name carries no Unicode meaning.
    static func scalars(for name: String) -> [Unicode.Scalar]? {
        if let direct = lookup(name) { return direct }
        var base = Substring(name)
        if let dot = base.firstIndex(of: ".") {
            base = base[..<dot]
            if base.isEmpty { return nil }
        }
        if base.contains("_") {
            var result: [Unicode.Scalar] = []
            for part in base.split(separator: "_") {
                guard let scalars = component(String(part)) else { return nil }
                result.append(contentsOf: scalars)
            }
            return result.isEmpty ? nil : result
        }
        return component(String(base))
    }

    private static func component(_ name: String) -> [Unicode.Scalar]? {
        if let direct = lookup(name) { return direct }
        let utf8 = Array(name.utf8)
        if utf8.count >= 7, name.hasPrefix("uni"), (utf8.count - 3) % 4 == 0 {
            var result: [Unicode.Scalar] = []
            var index = 3
            while index < utf8.count {
                guard let value = UInt32(String(decoding: utf8[index..<index + 4], as: UTF8.self), radix: 16),
                    !(0xD800...0xDFFF).contains(value), let scalar = Unicode.Scalar(value)
                else { return nil }
                result.append(scalar)
                index += 4
            }
            return result
        }
        if utf8.count >= 5, utf8.count <= 7, utf8[0] == UInt8(ascii: "u"),
            let value = UInt32(String(decoding: utf8[1...], as: UTF8.self), radix: 16),
            !(0xD800...0xDFFF).contains(value), let scalar = Unicode.Scalar(value)
        {
            return [scalar]
        }
        return nil
    }
}
