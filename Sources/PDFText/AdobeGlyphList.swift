/// Glyph name → Unicode, following the Adobe Glyph List specification.
///
/// Handles list names (`Aacute`), `uniXXXX[XXXX…]`, `uXXXX[XX]`, suffixes (`a.sc`) and ligature names joined
/// with underscores (`f_f_i`).
enum AdobeGlyphList {
    private static let table: [String: [Unicode.Scalar]] = {
        var result: [String: [Unicode.Scalar]] = [:]
        result.reserveCapacity(4300)
        for line in source.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2 else { continue }
            let scalars = fields.dropFirst().compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
            result[String(fields[0])] = scalars
        }
        // Names common in TeX and office fonts that the list leaves out.
        let extras: [(String, UInt32)] = [
            ("ff", 0xFB00), ("fi", 0xFB01), ("fl", 0xFB02), ("ffi", 0xFB03), ("ffl", 0xFB04),
            ("dotlessj", 0x0237), ("nbspace", 0x00A0), ("sfthyphen", 0x00AD), ("minus", 0x2212),
            ("Delta", 0x2206), ("Omega", 0x2126), ("mu", 0x00B5),
        ]
        for (name, value) in extras where result[name] == nil {
            result[name] = [Unicode.Scalar(value)!]
        }
        return result
    }()

    /// The scalars a glyph name stands for, or nil when the name carries no Unicode meaning.
    static func scalars(for name: String) -> [Unicode.Scalar]? {
        if let direct = table[name] { return direct }
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
        if let direct = table[name] { return direct }
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
