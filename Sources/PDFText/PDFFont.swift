/// A font of a page resource, decoded once: how its byte strings split into codes, each code's Unicode text,
/// width and (for vertical fonts) vertical metrics.
///
/// Built by ``FontLoader``; the content interpreter asks it to walk the bytes of every shown string.
final class PDFFont {
    /// The raw value is the name the fonts table reports (written out as a string, never by reflection: a
    /// case's name found through `Mirror` costs a tenth of a one-page conversion).
    enum Kind: String, Sendable {
        case simple
        case type3
        case composite
    }

    /// One code of a shown string.
    struct DecodedGlyph {
        var code: UInt32
        /// Unicode text, or nil when the font gives no way to know it.
        var text: String?
        /// Horizontal advance in text space for a font size of 1.
        var width: Double
        /// Whether word spacing applies (single-byte code 32).
        var isWordSpace: Bool
    }

    let name: String
    let kind: Kind
    var isBold = false
    var isItalic = false
    var isMonospace = false
    var isVertical = false
    /// Ascent and descent in text space for a font size of 1 (descent negative).
    var ascent = 0.8
    var descent = -0.2
    /// Type 3 glyph space → text space; identity-scaled 1/1000 for every other kind.
    var fontMatrix = Matrix(a: 0.001, b: 0, c: 0, d: 0.001, e: 0, f: 0)

    // Simple fonts: everything resolved per code at load time.
    var simpleText = [String?](repeating: nil, count: 256)
    var simpleWidths = [Double](repeating: 0, count: 256)

    // Composite fonts.
    var encodingCMap = CMap()
    var codeLength = 2
    var identityEncoding = true
    /// Codes are UCS-2/UTF-16 values (Uni…-UCS2-H and similar predefined CMaps).
    var unicodeEncoding = false
    /// A legacy multi-byte charset (Shift-JIS, EUC, GBK, Big5) that decodes the bytes themselves.
    var legacyCharset: LegacyCharset?
    var toUnicode: CMap?
    /// Text of a CID from the embedded font program (its cmap or glyph names), looked up only for the CIDs a page
    /// shows: a CIDToGIDMap may list 65,536 of them.
    var programText: ((UInt32) -> String?)?
    var cidWidths: [UInt32: Double] = [:]
    var defaultWidth = 1.0
    /// Vertical advance (negative moves down) for a font size of 1.
    var defaultVerticalAdvance = -1.0
    var verticalAdvances: [UInt32: Double] = [:]
    private var compositeCache: [UInt32: String?] = [:]

    init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// Walks the codes of `bytes`, calling `body` for each in order.
    func forEachGlyph(in bytes: [UInt8], _ body: (DecodedGlyph) -> Void) {
        switch kind {
        case .simple, .type3:
            for byte in bytes {
                body(
                    DecodedGlyph(
                        code: UInt32(byte),
                        text: simpleText[Int(byte)],
                        width: simpleWidths[Int(byte)],
                        isWordSpace: byte == 32
                    )
                )
            }
        case .composite:
            bytes.withUnsafeBufferPointer { buffer in
                var index = 0
                while index < buffer.count {
                    let (code, length): (UInt32, Int)
                    if let legacyCharset {
                        (code, length) = legacyCharset.nextCode(buffer, at: index)
                    } else {
                        (code, length) = encodingCMap.nextCode(buffer, at: index, defaultLength: codeLength)
                    }
                    index += length
                    let cid =
                        identityEncoding || unicodeEncoding || legacyCharset != nil
                        ? code : (encodingCMap.cid(for: code) ?? 0)
                    body(
                        DecodedGlyph(
                            code: code,
                            text: compositeText(code: code, cid: cid),
                            width: cidWidths[cid] ?? defaultWidth,
                            isWordSpace: length == 1 && code == 32
                        )
                    )
                }
            }
        }
    }

    /// The vertical advance of a CID (vertical fonts only).
    func verticalAdvance(cid: UInt32) -> Double {
        verticalAdvances[cid] ?? defaultVerticalAdvance
    }

    private func compositeText(code: UInt32, cid: UInt32) -> String? {
        if let cached = compositeCache[code] { return cached }
        var text: String?
        if let mapped = toUnicode?.unicode(for: code), Self.isUsable(mapped) {
            text = Self.preferringLetters(mapped, over: mapped.allSatisfy(\.isWhitespace) ? programText?(cid) : nil)
        } else if unicodeEncoding {
            text = code <= 0xFFFF ? Unicode.Scalar(code).map { String($0) } : nil
        } else if let legacyCharset {
            text = legacyCharset.decode(code)
        } else if let mapped = programText?(cid) {
            text = mapped
        }
        compositeCache[code] = text
        return text
    }

    /// A ToUnicode value, unless it is only white space while the glyph's own name spells letters: a ligature
    /// ("l_l", "f_f_i") some producers map to a space.
    static func preferringLetters(_ mapped: String, over named: String?) -> String {
        guard let named, mapped.allSatisfy(\.isWhitespace), named.contains(where: \.isLetter) else { return mapped }
        return named
    }

    /// Whether a ToUnicode value is real text rather than a placeholder (NUL, lone control characters).
    static func isUsable(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        for scalar in text.unicodeScalars {
            if scalar.value == 0 || scalar.value == 0xFFFD { return false }
            if scalar.value < 0x20 && scalar.value != 0x09 && scalar.value != 0x0A && scalar.value != 0x0D {
                return false
            }
        }
        return true
    }
}
