/// A JSON value whose objects keep their keys in insertion order, for byte-stable output.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number printed with at most ``JSONWriter/decimals`` fraction digits.
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        JSONWriter.serialize(lhs) == JSONWriter.serialize(rhs)
    }
}

/// Serializes ``JSONValue`` the same way on every machine: fixed key order, no locale, fixed number format.
public enum JSONWriter {
    /// Fraction digits kept for non-integer numbers.
    public static let decimals = 2

    /// Compact (`pretty == false`) or two-space-indented output, without a trailing newline.
    public static func serialize(_ value: JSONValue, pretty: Bool = false) -> String {
        var output = ""
        output.reserveCapacity(4096)
        write(value, into: &output, pretty: pretty, indent: 0)
        return output
    }

    private static func write(_ value: JSONValue, into output: inout String, pretty: Bool, indent: Int) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .number(let number): output += format(number)
        case .string(let text): writeString(text, into: &output)
        case .array(let items):
            guard !items.isEmpty else {
                output += "[]"
                return
            }
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                if pretty { newline(&output, indent + 1) }
                write(item, into: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&output, indent) }
            output += "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{"
            for (index, (key, item)) in members.enumerated() {
                if index > 0 { output += "," }
                if pretty { newline(&output, indent + 1) }
                writeString(key, into: &output)
                output += pretty ? ": " : ":"
                write(item, into: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&output, indent) }
            output += "}"
        }
    }

    private static func newline(_ output: inout String, _ indent: Int) {
        output += "\n"
        output += String(repeating: "  ", count: indent)
    }

    /// Rounds to ``decimals`` digits and prints without exponent or trailing zeros (`12.5`, `3`, `-0.25`).
    public static func format(_ number: Double) -> String {
        guard number.isFinite else { return "0" }
        let scale = 100.0
        let scaled = (number * scale).rounded()
        guard abs(scaled) < 9e15 else { return String(Int(number.rounded())) }
        let integer = Int(scaled)
        let sign = integer < 0 ? "-" : ""
        let magnitude = abs(integer)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return integer == 0 ? "0" : sign + String(whole) }
        var digits = fraction < 10 ? "0" + String(fraction) : String(fraction)
        if digits.hasSuffix("0") { digits.removeLast() }
        return sign + String(whole) + "." + digits
    }

    private static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
