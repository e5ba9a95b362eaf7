import JSON
import Testing

@Suite("Strict JSON parser")
struct JSONParserTests {
    @Test("parses every kind of value and keeps member order")
    func values() throws {
        let value = try JSONParser.parse(
            #" { "b": [1, -2.5, 3e2, true, false, null], "a": "x\"\\\/\n\u00e9\ud83d\ude00", "c": {} } "#
        )
        #expect(
            value
                == .object([
                    ("b", .array([.int(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null])),
                    ("a", .string("x\"\\/\né😀")), ("c", .object([])),
                ])
        )
        #expect(value["a"] == .string("x\"\\/\né😀"))
        #expect(value["b"] != nil && value["missing"] == nil)
    }

    @Test("round-trips the writer's output")
    func roundTrip() throws {
        let value = JSONValue.object([("k", .array([.int(1), .string("two"), .number(3.5), .null]))])
        #expect(try JSONParser.parse(JSONWriter.serialize(value)) == value)
        #expect(try JSONParser.parse(JSONWriter.serialize(value, pretty: true)) == value)
    }

    @Test(
        "refuses malformed input",
        arguments: [
            "", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "01", "1.", "1e", "tru", "\"unterminated", "\"tab\there\"",
            "[1] x", "{'a': 1}", "\"\\x\"", "\"\\ud800\\u0041\"",
            String(repeating: "[", count: 200) + String(repeating: "]", count: 200),
        ]
    )
    func malformed(text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
    }
}
