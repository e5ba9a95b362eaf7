/// An operand of a content-stream operator (or an element of a CMap / Type 1 program).
public enum Operand: Sendable {
    case number(Double)
    case name(String)
    case string([UInt8])
    case array([Operand])
    case dictionary([String: Operand])
    case bool(Bool)
    case null

    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }
    /// The number as an integer when it is one within ±1e15 (a hostile 1e300 or NaN is no integer, not a trap).
    var int: Int? {
        guard case .number(let value) = self, value.isFinite, abs(value) < 1e15 else { return nil }
        return Int(value.rounded())
    }
    var name: String? {
        if case .name(let value) = self { return value }
        return nil
    }
    var string: [UInt8]? {
        if case .string(let value) = self { return value }
        return nil
    }
}

/// A content-stream operator name packed into an integer (operators are at most three bytes long).
struct OperatorCode: Hashable, Sendable {
    let raw: UInt32
    init(raw: UInt32) { self.raw = raw }
    init(_ text: StaticString) {
        var value: UInt32 = 0
        text.withUTF8Buffer { for byte in $0 { value = value << 8 | UInt32(byte) } }
        raw = value
    }
}

/// Tokenizer for content streams, CMaps and the cleartext part of Type 1 fonts.
///
/// Works on a borrowed buffer and never reads past it; malformed input yields operands or operators that the
/// interpreter ignores, never a trap.
struct ContentLexer {
    enum Token {
        case operand(Operand)
        /// A bare keyword: its bytes are `buffer[start..<end]`.
        case keyword(start: Int, end: Int)
        case arrayEnd
        case dictionaryEnd
        case end
    }

    let buffer: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    @inline(__always) static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    @inline(__always) static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            true
        default: false
        }
    }

    /// Packs a keyword into an ``OperatorCode``; longer keywords get a value no operator has.
    func operatorCode(start: Int, end: Int) -> OperatorCode {
        guard end - start <= 3 else { return OperatorCode(raw: UInt32.max) }
        var value: UInt32 = 0
        for index in start..<end { value = value << 8 | UInt32(buffer[index]) }
        return OperatorCode(raw: value)
    }

    func keywordEquals(start: Int, end: Int, _ text: StaticString) -> Bool {
        text.withUTF8Buffer { expected in
            guard expected.count == end - start else { return false }
            for offset in 0..<expected.count where buffer[start + offset] != expected[offset] { return false }
            return true
        }
    }

    mutating func skipWhitespaceAndComments() {
        while position < buffer.count {
            let byte = buffer[position]
            if Self.isWhitespace(byte) {
                position += 1
            } else if byte == UInt8(ascii: "%") {
                while position < buffer.count, buffer[position] != 0x0A, buffer[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    /// The next token; arrays and dictionaries come back whole as one operand.
    mutating func next(depth: Int = 0) -> Token {
        skipWhitespaceAndComments()
        guard position < buffer.count else { return .end }
        let byte = buffer[position]
        switch byte {
        case UInt8(ascii: "/"):
            position += 1
            return .operand(.name(readName()))
        case UInt8(ascii: "("):
            position += 1
            return .operand(.string(readLiteralString()))
        case UInt8(ascii: "<"):
            if position + 1 < buffer.count, buffer[position + 1] == UInt8(ascii: "<") {
                position += 2
                guard depth < Self.maxNesting else {
                    skipNested()
                    return .operand(.dictionary([:]))
                }
                return .operand(readDictionary(depth: depth))
            }
            position += 1
            return .operand(.string(readHexString()))
        case UInt8(ascii: ">"):
            position += 1
            if position < buffer.count, buffer[position] == UInt8(ascii: ">") { position += 1 }
            return .dictionaryEnd
        case UInt8(ascii: "["):
            position += 1
            guard depth < Self.maxNesting else {
                skipNested()
                return .operand(.array([]))
            }
            return .operand(readArray(depth: depth))
        case UInt8(ascii: "]"):
            position += 1
            return .arrayEnd
        case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ")"):
            position += 1
            return .keyword(start: position - 1, end: position)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            if let number = readNumber() { return .operand(.number(number)) }
            return readKeyword()
        default:
            return readKeyword()
        }
    }

    private mutating func readKeyword() -> Token {
        let start = position
        while position < buffer.count, !Self.isWhitespace(buffer[position]), !Self.isDelimiter(buffer[position]) {
            position += 1
        }
        if position == start { position += 1 }  // a stray delimiter byte: consume it as a keyword
        let end = position
        if keywordEquals(start: start, end: end, "true") { return .operand(.bool(true)) }
        if keywordEquals(start: start, end: end, "false") { return .operand(.bool(false)) }
        if keywordEquals(start: start, end: end, "null") { return .operand(.null) }
        return .keyword(start: start, end: end)
    }

    private mutating func readNumber() -> Double? {
        let start = position
        var negative = false
        while position < buffer.count, buffer[position] == UInt8(ascii: "-") || buffer[position] == UInt8(ascii: "+") {
            if buffer[position] == UInt8(ascii: "-") { negative.toggle() }
            position += 1
        }
        var integer: Double = 0
        var fraction: Double = 0
        var scale: Double = 1
        var digits = 0
        var seenDot = false
        while position < buffer.count {
            let byte = buffer[position]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if seenDot {
                    scale *= 0.1
                    fraction += Double(byte - UInt8(ascii: "0")) * scale
                } else {
                    integer = integer * 10 + Double(byte - UInt8(ascii: "0"))
                }
                digits += 1
            } else if byte == UInt8(ascii: "."), !seenDot {
                seenDot = true
            } else {
                break
            }
            position += 1
        }
        guard digits > 0 else {
            position = start
            return nil
        }
        // Tolerate junk glued to a number ("12.3.4", "5-3"), as viewers do.
        while position < buffer.count, !Self.isWhitespace(buffer[position]), !Self.isDelimiter(buffer[position]),
            buffer[position] == UInt8(ascii: ".") || buffer[position] == UInt8(ascii: "-")
                || (buffer[position] >= UInt8(ascii: "0") && buffer[position] <= UInt8(ascii: "9"))
        {
            position += 1
        }
        let value = integer + fraction
        return negative ? -value : value
    }

    private mutating func readName() -> String {
        var bytes: [UInt8] = []
        while position < buffer.count {
            let byte = buffer[position]
            if Self.isWhitespace(byte) || Self.isDelimiter(byte) { break }
            if byte == UInt8(ascii: "#"), position + 2 < buffer.count,
                let high = Self.hexValue(buffer[position + 1]), let low = Self.hexValue(buffer[position + 2])
            {
                bytes.append(high << 4 | low)
                position += 3
                continue
            }
            bytes.append(byte)
            position += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always) static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private mutating func readLiteralString() -> [UInt8] {
        var bytes: [UInt8] = []
        var nesting = 1
        while position < buffer.count {
            let byte = buffer[position]
            position += 1
            switch byte {
            case UInt8(ascii: "("):
                nesting += 1
                bytes.append(byte)
            case UInt8(ascii: ")"):
                nesting -= 1
                if nesting == 0 { return bytes }
                bytes.append(byte)
            case UInt8(ascii: "\\"):
                guard position < buffer.count else { return bytes }
                let escaped = buffer[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case 0x0D:
                    if position < buffer.count, buffer[position] == 0x0A { position += 1 }
                case 0x0A:
                    break
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var value = Int(escaped - UInt8(ascii: "0"))
                    var count = 1
                    while count < 3, position < buffer.count, buffer[position] >= UInt8(ascii: "0"),
                        buffer[position] <= UInt8(ascii: "7")
                    {
                        value = value * 8 + Int(buffer[position] - UInt8(ascii: "0"))
                        position += 1
                        count += 1
                    }
                    bytes.append(UInt8(truncatingIfNeeded: value))
                default:
                    bytes.append(escaped)
                }
            default:
                bytes.append(byte)
            }
        }
        return bytes
    }

    private mutating func readHexString() -> [UInt8] {
        var bytes: [UInt8] = []
        var high: UInt8?
        while position < buffer.count {
            let byte = buffer[position]
            position += 1
            if byte == UInt8(ascii: ">") { break }
            guard let nibble = Self.hexValue(byte) else { continue }
            if let pending = high {
                bytes.append(pending << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        if let pending = high { bytes.append(pending << 4) }
        return bytes
    }

    /// Arrays and dictionaries nested deeper than this are skipped whole, without recursion: a hostile stream of
    /// `[` × 200,000 must not exhaust the stack.
    static let maxNesting = 32

    /// Skips the rest of a structure opened deeper than ``maxNesting``, counting brackets until the one opened last
    /// is closed (strings and hex strings are read as such, so brackets inside them do not count). Iterative.
    private mutating func skipNested() {
        var open = 1
        while open > 0 {
            skipWhitespaceAndComments()
            guard position < buffer.count else { return }
            switch buffer[position] {
            case UInt8(ascii: "("):
                position += 1
                _ = readLiteralString()
            case UInt8(ascii: "<"):
                if position + 1 < buffer.count, buffer[position + 1] == UInt8(ascii: "<") {
                    position += 2
                    open += 1
                } else {
                    position += 1
                    _ = readHexString()
                }
            case UInt8(ascii: ">"):
                position += 1
                if position < buffer.count, buffer[position] == UInt8(ascii: ">") { position += 1 }
                open -= 1
            case UInt8(ascii: "["):
                position += 1
                open += 1
            case UInt8(ascii: "]"):
                position += 1
                open -= 1
            default:
                position += 1
            }
        }
    }

    private mutating func readArray(depth: Int) -> Operand {
        var items: [Operand] = []
        while true {
            switch next(depth: depth + 1) {
            case .operand(let operand):
                items.append(operand)
            case .arrayEnd, .end:
                return .array(items)
            case .keyword, .dictionaryEnd:
                continue  // malformed: keep going to the closing bracket
            }
        }
    }

    private mutating func readDictionary(depth: Int) -> Operand {
        var entries: [String: Operand] = [:]
        var pendingKey: String?
        while true {
            switch next(depth: depth + 1) {
            case .operand(let operand):
                if let key = pendingKey {
                    entries[key] = operand
                    pendingKey = nil
                } else if case .name(let key) = operand {
                    pendingKey = key
                }
            case .dictionaryEnd, .end:
                return .dictionary(entries)
            case .arrayEnd, .keyword:
                continue
            }
        }
    }

    /// Skips the binary data of an inline image after its `ID` keyword and returns once `EI` is consumed.
    ///
    /// `dataLength` is used when the image is unfiltered and its size is known; otherwise the data ends at the
    /// first `EI` that stands between whitespace and is followed by something that looks like an operator.
    mutating func skipInlineImageData(dataLength: Int?) {
        if position < buffer.count, Self.isWhitespace(buffer[position]) { position += 1 }
        if let dataLength, dataLength >= 0, position + dataLength <= buffer.count {
            let candidate = position + dataLength
            var probe = candidate
            while probe < buffer.count, Self.isWhitespace(buffer[probe]) { probe += 1 }
            if probe + 1 < buffer.count, buffer[probe] == UInt8(ascii: "E"), buffer[probe + 1] == UInt8(ascii: "I") {
                position = probe + 2
                return
            }
        }
        var index = position
        while index + 1 < buffer.count {
            if buffer[index] == UInt8(ascii: "E"), buffer[index + 1] == UInt8(ascii: "I"),
                index == 0 || Self.isWhitespace(buffer[index - 1]),
                index + 2 >= buffer.count || Self.isWhitespace(buffer[index + 2])
            {
                position = index + 2
                return
            }
            index += 1
        }
        position = buffer.count
    }
}
