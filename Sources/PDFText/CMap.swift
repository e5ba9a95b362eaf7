/// A CMap: how a font's byte string splits into codes, and what each code means (Unicode text for a
/// `ToUnicode` CMap, a CID for an encoding CMap).
package struct CMap: Sendable {
    struct CodespaceRange: Sendable {
        var low: [UInt8]
        var high: [UInt8]
    }

    private struct UnicodeRange: Sendable {
        var low: UInt32
        var high: UInt32
        var base: [UInt16]  // UTF-16 of `low`; later codes increment the last unit
    }

    private struct CIDRange: Sendable {
        var low: UInt32
        var high: UInt32
        var cid: UInt32
    }

    private(set) var codespaces: [CodespaceRange] = []
    private var unicodeChars: [UInt32: String] = [:]
    private var unicodeRanges: [UnicodeRange] = []
    private var cidChars: [UInt32: UInt32] = [:]
    private var cidRanges: [CIDRange] = []
    /// The name given by `usecmap`, for predefined parents such as `Identity-H`.
    private(set) var parentName: String?
    /// 1 for vertical writing.
    private(set) var writingMode = 0

    var hasUnicode: Bool { !unicodeChars.isEmpty || !unicodeRanges.isEmpty }
    var hasCIDs: Bool { !cidChars.isEmpty || !cidRanges.isEmpty }

    init() {}

    /// Parses CMap text; unknown or malformed parts are skipped.
    package init(parsing data: [UInt8]) {
        data.withUnsafeBufferPointer { buffer in
            var lexer = ContentLexer(buffer)
            var operands: [Operand] = []
            var tokens = 0
            loop: while tokens < 2_000_000 {
                tokens += 1
                switch lexer.next() {
                case .end:
                    break loop
                case .operand(let operand):
                    operands.append(operand)
                case .arrayEnd, .dictionaryEnd:
                    continue
                case .keyword(let start, let end):
                    if lexer.keywordEquals(start: start, end: end, "endcodespacerange") {
                        addCodespaces(operands)
                    } else if lexer.keywordEquals(start: start, end: end, "endbfchar") {
                        addUnicodeChars(operands)
                    } else if lexer.keywordEquals(start: start, end: end, "endbfrange") {
                        addUnicodeRanges(operands)
                    } else if lexer.keywordEquals(start: start, end: end, "endcidchar") {
                        addCIDChars(operands)
                    } else if lexer.keywordEquals(start: start, end: end, "endcidrange") {
                        addCIDRanges(operands)
                    } else if lexer.keywordEquals(start: start, end: end, "usecmap") {
                        parentName = operands.last?.name
                    } else if lexer.keywordEquals(start: start, end: end, "def") {
                        if operands.count >= 2, operands[operands.count - 2].name == "WMode",
                            let mode = operands.last?.number
                        {
                            writingMode = Int(mode)
                        }
                    }
                    operands.removeAll(keepingCapacity: true)
                }
            }
        }
        unicodeRanges.sort { $0.low < $1.low }
        cidRanges.sort { $0.low < $1.low }
        codespaces.sort { $0.low.count < $1.low.count }
    }

    static func value(_ bytes: [UInt8]) -> UInt32 {
        var result: UInt32 = 0
        for byte in bytes.prefix(4) { result = result << 8 | UInt32(byte) }
        return result
    }

    private mutating func addCodespaces(_ operands: [Operand]) {
        var index = 0
        while index + 1 < operands.count {
            if let low = operands[index].string, let high = operands[index + 1].string, low.count == high.count,
                (1...4).contains(low.count)
            {
                codespaces.append(CodespaceRange(low: low, high: high))
            }
            index += 2
        }
    }

    /// Big-endian UTF-16 code units of a CMap destination string (a lone trailing byte counts as a unit).
    private static func utf16Units(_ bytes: [UInt8]) -> [UInt16] {
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count + 1) / 2)
        var index = 0
        while index + 1 < bytes.count {
            units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
            index += 2
        }
        if bytes.count % 2 == 1 { units.append(UInt16(bytes[bytes.count - 1])) }
        return units
    }

    private static func text(_ operand: Operand) -> String? {
        switch operand {
        case .string(let bytes):
            return String(decoding: utf16Units(bytes), as: UTF16.self)
        case .name(let name):
            return AdobeGlyphList.scalars(for: name).map { String(String.UnicodeScalarView($0)) }
        default:
            return nil
        }
    }

    private mutating func addUnicodeChars(_ operands: [Operand]) {
        var index = 0
        while index + 1 < operands.count {
            if let code = operands[index].string, let text = Self.text(operands[index + 1]) {
                unicodeChars[Self.value(code)] = text
            }
            index += 2
        }
    }

    private mutating func addUnicodeRanges(_ operands: [Operand]) {
        var index = 0
        while index + 2 < operands.count {
            defer { index += 3 }
            guard let lowBytes = operands[index].string, let highBytes = operands[index + 1].string else { continue }
            let low = Self.value(lowBytes)
            let high = Self.value(highBytes)
            guard high >= low, high - low < 0x1_0000 else { continue }
            switch operands[index + 2] {
            case .array(let items):
                for (offset, item) in items.enumerated() where UInt32(offset) <= high - low {
                    if let text = Self.text(item) { unicodeChars[low + UInt32(offset)] = text }
                }
            case .string(let bytes):
                let units = Self.utf16Units(bytes)
                guard !units.isEmpty else { continue }
                unicodeRanges.append(UnicodeRange(low: low, high: high, base: units))
            default:
                continue
            }
        }
    }

    private mutating func addCIDChars(_ operands: [Operand]) {
        var index = 0
        while index + 1 < operands.count {
            if let code = operands[index].string, let cid = operands[index + 1].number, cid >= 0 {
                cidChars[Self.value(code)] = UInt32(cid)
            }
            index += 2
        }
    }

    private mutating func addCIDRanges(_ operands: [Operand]) {
        var index = 0
        while index + 2 < operands.count {
            if let low = operands[index].string, let high = operands[index + 1].string,
                let cid = operands[index + 2].number, cid >= 0
            {
                cidRanges.append(CIDRange(low: Self.value(low), high: Self.value(high), cid: UInt32(cid)))
            }
            index += 3
        }
    }

    /// Unicode text for `code` from a ToUnicode CMap.
    func unicode(for code: UInt32) -> String? {
        if let text = unicodeChars[code] { return text }
        guard let range = Self.search(unicodeRanges, code, low: \.low, high: \.high) else { return nil }
        var units = range.base
        let offset = code - range.low
        let last = UInt32(units[units.count - 1]) + offset
        guard last <= 0xFFFF else { return nil }
        units[units.count - 1] = UInt16(last)
        return String(decoding: units, as: UTF16.self)
    }

    /// The CID for `code` from an encoding CMap.
    func cid(for code: UInt32) -> UInt32? {
        if let cid = cidChars[code] { return cid }
        guard let range = Self.search(cidRanges, code, low: \.low, high: \.high) else { return nil }
        return range.cid + (code - range.low)
    }

    private static func search<Range>(
        _ ranges: [Range],
        _ code: UInt32,
        low: KeyPath<Range, UInt32>,
        high: KeyPath<Range, UInt32>
    ) -> Range? {
        var lower = 0
        var upper = ranges.count
        while lower < upper {
            let middle = (lower + upper) / 2
            if ranges[middle][keyPath: low] <= code { lower = middle + 1 } else { upper = middle }
        }
        // Ranges may overlap; scan back a little for one that covers the code.
        var index = lower - 1
        var steps = 0
        while index >= 0, steps < 8 {
            if ranges[index][keyPath: low] <= code, code <= ranges[index][keyPath: high] { return ranges[index] }
            index -= 1
            steps += 1
        }
        return nil
    }

    /// Splits the next code off `bytes` at `index` using the codespace ranges; returns the code and its length.
    ///
    /// Without codespaces, `defaultLength` bytes form a code. A byte sequence that matches no range consumes the
    /// shortest plausible length so decoding always advances.
    func nextCode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, defaultLength: Int) -> (UInt32, Int) {
        let remaining = bytes.count - index
        if codespaces.isEmpty {
            let length = min(defaultLength, remaining)
            var value: UInt32 = 0
            for offset in 0..<length { value = value << 8 | UInt32(bytes[index + offset]) }
            return (value, max(length, 1))
        }
        var shortest = 4
        for range in codespaces {
            let length = range.low.count
            shortest = min(shortest, length)
            guard length <= remaining else { continue }
            var matches = true
            for offset in 0..<length {
                let byte = bytes[index + offset]
                if byte < range.low[offset] || byte > range.high[offset] {
                    matches = false
                    break
                }
            }
            if matches {
                var value: UInt32 = 0
                for offset in 0..<length { value = value << 8 | UInt32(bytes[index + offset]) }
                return (value, length)
            }
        }
        let length = max(1, min(shortest, remaining))
        var value: UInt32 = 0
        for offset in 0..<length { value = value << 8 | UInt32(bytes[index + offset]) }
        return (value, length)
    }
}
