import Testing

@testable import OCR

@Suite("OCR: dashes named by their length")
struct DashLengthTests {
    @Test(
        "a short lone em dash is an en dash; a long one, hyphens and words stay as read",
        arguments: [
            ("—", 5.0, 10.0, "–"), ("—", 10.2, 10.0, "—"), ("-", 5.0, 10.0, "-"), ("–", 10.0, 10.0, "–"),
            ("a—b", 5.0, 10.0, "a—b"),
        ]
    )
    func named(text: String, width: Double, size: Double, expected: String) {
        #expect(DashLength.named(text, width: width, size: size) == expected)
    }
}
