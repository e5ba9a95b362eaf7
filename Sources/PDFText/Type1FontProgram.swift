/// The built-in encoding of an embedded Type 1 font program (`/Encoding` in its cleartext part).
package enum Type1FontProgram {
    /// Code → glyph name from `dup CODE /NAME put` entries, or the standard encoding when the program says
    /// `/Encoding StandardEncoding def`. Nil when the program has no readable encoding.
    package static func builtInEncoding(_ data: [UInt8]) -> [UInt8: String]? {
        let limit = min(data.count, cleartextLength(data))
        return data.withUnsafeBufferPointer { whole in
            let buffer = UnsafeBufferPointer(rebasing: whole[0..<limit])
            var lexer = ContentLexer(buffer)
            var result: [UInt8: String] = [:]
            var recent: [Operand] = []
            var inEncoding = false
            var tokens = 0
            while tokens < 200_000 {
                tokens += 1
                switch lexer.next() {
                case .end:
                    return result.isEmpty ? nil : result
                case .operand(let operand):
                    if case .name("Encoding") = operand { inEncoding = true }
                    recent.append(operand)
                    if recent.count > 4 { recent.removeFirst() }
                case .keyword(let start, let end):
                    if inEncoding, lexer.keywordEquals(start: start, end: end, "StandardEncoding") {
                        return Dictionary(
                            uniqueKeysWithValues: (0..<256).compactMap { code in
                                BaseEncoding.standard.glyphName(for: UInt8(code)).map { (UInt8(code), $0) }
                            }
                        )
                    }
                    if inEncoding, lexer.keywordEquals(start: start, end: end, "put"), recent.count >= 2,
                        let code = recent[recent.count - 2].number, let name = recent[recent.count - 1].name,
                        code >= 0, code < 256
                    {
                        result[UInt8(code)] = name
                    }
                    if inEncoding, !result.isEmpty,
                        lexer.keywordEquals(start: start, end: end, "readonly")
                            || lexer.keywordEquals(start: start, end: end, "eexec")
                    {
                        return result
                    }
                    recent.removeAll(keepingCapacity: true)
                case .arrayEnd, .dictionaryEnd:
                    continue
                }
            }
            return result.isEmpty ? nil : result
        }
    }

    /// Length of the cleartext part: up to `eexec`, or a PFB segment's length.
    private static func cleartextLength(_ data: [UInt8]) -> Int {
        if data.count > 6, data[0] == 0x80, data[1] == 0x01 {
            let length = Int(data[2]) | Int(data[3]) << 8 | Int(data[4]) << 16 | Int(data[5]) << 24
            return min(data.count, 6 + length)
        }
        let marker = Array("eexec".utf8)
        var index = 0
        while index + marker.count <= data.count {
            if data[index] == marker[0], Array(data[index..<index + marker.count]) == marker { return index }
            index += 1
        }
        return data.count
    }
}
