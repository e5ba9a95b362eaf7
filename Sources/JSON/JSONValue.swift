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
