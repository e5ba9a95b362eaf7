extension DocumentClassifier {
    /// The words of a text as ``occurrences(of:in:limit:)`` sees them (runs of ASCII letters and non-ASCII bytes).
    /// A keyword whose first word is not among them cannot occur, which spares scanning the text for most of the
    /// hundreds of keywords in the lists.
    struct WordIndex {
        private var words: Set<ArraySlice<UInt8>> = []

        init(_ text: [UInt8]) {
            var start: Int?
            for index in text.indices {
                if DocumentClassifier.isWordByte(text[index]) {
                    if start == nil { start = index }
                } else if let first = start {
                    words.insert(text[first..<index])
                    start = nil
                }
            }
            if let first = start { words.insert(text[first...]) }
        }

        /// False when `keyword` cannot occur in the text; true when it may.
        func mayContain(_ keyword: String) -> Bool {
            let bytes = Array(keyword.utf8)
            guard let first = bytes.first, DocumentClassifier.isWordByte(first) else { return true }
            let end = bytes.firstIndex { !DocumentClassifier.isWordByte($0) } ?? bytes.count
            return words.contains(bytes[0..<end])
        }
    }

    /// A byte inside a word: an ASCII letter, or any byte of a non-ASCII character.
    static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }
}
