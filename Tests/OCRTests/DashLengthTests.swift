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

/// How much of a line's font size its box spans, told from its letters.
@Suite("OCR: a line's size from its letters")
struct LetterShareTests {
    @Test(
        "dots and marks over letters rise above the x-height as ascenders do",
        arguments: [
            ("acorn", 0.52), ("reviewers.", 0.72), ("naïve", 0.72), ("señor", 0.72), ("gross", 0.73),
            ("Köln", 0.72), ("jumpy", 0.93),
        ]
    )
    func share(text: String, size: Double) {
        #expect(PageRecognizer.letterShare(text).size == size)
    }
}
