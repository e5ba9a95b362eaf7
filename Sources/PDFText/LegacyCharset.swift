#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A legacy CJK multi-byte charset named by a predefined CMap (`90ms-RKSJ-H`, `GBK-EUC-H`, …), decoded with iconv.
///
/// The codes of such CMaps are the charset's own byte sequences, so the charset decodes them to Unicode directly.
/// Owns one iconv descriptor, used only by the font (and so the task) that created it.
final class LegacyCharset {
    private let descriptor: iconv_t
    private let isLeadByte: (UInt8) -> Bool
    /// The `H`/`V` CMaps carry JIS X 0208 row/cell bytes; setting the high bit makes them EUC-JP.
    private let setsHighBit: Bool

    /// The charset for a predefined CMap name, or nil when the name is not a legacy multi-byte encoding.
    init?(cmapName: String) {
        let upper = cmapName.uppercased()
        let charset: String
        let lead: (UInt8) -> Bool
        var highBit = false
        if upper == "H" || upper == "V" {
            charset = "EUC-JP"
            lead = { (0x21...0x7E).contains($0) }
            highBit = true
        } else if upper.includes("RKSJ") {
            charset = "CP932"
            lead = { (0x81...0x9F).contains($0) || (0xE0...0xFC).contains($0) }
        } else if upper.hasPrefix("GBK") || upper.hasPrefix("GBT") {
            charset = "GBK"
            lead = { (0x81...0xFE).contains($0) }
        } else if upper.hasPrefix("GB-EUC") || upper.hasPrefix("GBPC-EUC") {
            charset = "EUC-CN"
            lead = { (0xA1...0xFE).contains($0) }
        } else if upper.includes("B5") {
            charset = upper.hasPrefix("HKSCS") ? "BIG5-HKSCS" : "BIG5"
            lead = { (0x81...0xFE).contains($0) }
        } else if upper.hasPrefix("KSCMS-UHC") || upper.hasPrefix("KSCPC") {
            charset = "CP949"
            lead = { (0x81...0xFE).contains($0) }
        } else if upper.hasPrefix("KSC-EUC") {
            charset = "EUC-KR"
            lead = { (0xA1...0xFE).contains($0) }
        } else if upper.hasPrefix("EUC-") || upper.hasPrefix("EXT-") && upper.includes("EUC") {
            charset = "EUC-JP"
            lead = { (0xA1...0xFE).contains($0) || $0 == 0x8E }
        } else {
            return nil
        }
        let handle = iconv_open("UTF-8", charset)
        guard let handle, Int(bitPattern: handle) != -1 else { return nil }
        descriptor = handle
        isLeadByte = lead
        setsHighBit = highBit
    }

    deinit { iconv_close(descriptor) }

    /// Splits one code (one or two bytes) off `bytes` at `index`.
    func nextCode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let first = bytes[index]
        if isLeadByte(first), index + 1 < bytes.count {
            return (UInt32(first) << 8 | UInt32(bytes[index + 1]), 2)
        }
        return (UInt32(first), 1)
    }

    /// The Unicode text of one code, or nil when the charset does not define it.
    func decode(_ code: UInt32) -> String? {
        let mask: UInt8 = setsHighBit ? 0x80 : 0
        var input: [CChar] =
            code > 0xFF
            ? [CChar(bitPattern: UInt8(code >> 8) | mask), CChar(bitPattern: UInt8(code & 0xFF) | mask)]
            : [CChar(bitPattern: UInt8(code))]
        var output = [CChar](repeating: 0, count: 16)
        let inputCount = input.count
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var inLeft = inputCount
                var outLeft = outBuffer.count
                iconv(descriptor, nil, nil, nil, nil)
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 || inLeft != 0 { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let written, written > 0 else { return nil }
        let text = String(decoding: output.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return PDFFont.isUsable(text) ? text : nil
    }
}
