import Foundation
import JSON
import Testing

@Suite("Deterministic JSON")
struct JSONWriterTests {
    @Test(
        "numbers print the same on every machine",
        arguments: [
            (0.0, "0"), (-0.0, "0"), (3.0, "3"), (12.5, "12.5"), (0.125, "0.13"), (-0.25, "-0.25"), (1e-9, "0"),
            (612.004, "612"), (1234567.891, "1234567.89"), (Double.nan, "0"), (-3.10, "-3.1"), (0.05, "0.05"),
        ]
    )
    func numbers(value: Double, expected: String) {
        #expect(JSONWriter.format(value) == expected)
    }

    @Test("objects keep their key order; strings are escaped")
    func objects() {
        let value = JSONValue.object([
            ("z", .int(1)), ("a", .string("quote \" backslash \\ newline \n tab \t nul \u{0} é")),
            ("list", .array([.bool(true), .null, .number(1.5)])), ("empty", .object([])),
        ])
        #expect(
            JSONWriter.serialize(value)
                == #"{"z":1,"a":"quote \" backslash \\ newline \n tab \t nul \u0000 é","list":[true,null,1.5],"empty":{}}"#
        )
        #expect(JSONWriter.serialize(.array([.int(1), .int(2)]), pretty: true) == "[\n  1,\n  2\n]")
    }

    @Test("numbers beyond Int's range print in Swift's shortest form instead of trapping (found by fuzzing a manifest)")
    func hugeNumbers() {
        #expect(JSONWriter.format(1e300) == "1e+300")
        #expect(JSONWriter.format(-2.5e19) == "-2.5e+19")
        #expect(JSONWriter.format(1e17) == "100000000000000000")
        #expect(JSONValue.number(1e300) != .bool(true))
    }
}
