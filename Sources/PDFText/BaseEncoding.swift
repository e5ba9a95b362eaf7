/// A simple font's built-in encoding: 256 codes → glyph names.
struct BaseEncoding: Sendable {
    let names: [String?]

    init(names: [String?]) { self.names = names }

    /// Parses a generated table: 256 names separated by spaces and line breaks, `.` for none. Read as bytes: a
    /// generic `split` over characters was 1% of a one-page conversion.
    private init(table: String) {
        var result = [String?](repeating: nil, count: 256)
        var index = 0
        var word: [UInt8] = []
        for byte in table.utf8 + [0x20] where index < 256 {
            guard byte == 0x20 || byte == 0x0A else {
                word.append(byte)
                continue
            }
            guard !word.isEmpty else { continue }
            result[index] = word == [UInt8(ascii: ".")] ? nil : String(decoding: word, as: UTF8.self)
            index += 1
            word.removeAll(keepingCapacity: true)
        }
        names = result
    }

    func glyphName(for code: UInt8) -> String? { names[Int(code)] }

    static let standard = BaseEncoding(table: standardNames)
    static let macRoman = BaseEncoding(table: macRomanNames)
    static let winAnsi = BaseEncoding(table: winAnsiNames)
    static let pdfDoc = BaseEncoding(table: pdfDocNames)
    static let symbol = BaseEncoding(table: symbolNames)
    static let zapfDingbats = BaseEncoding(table: zapfDingbatsNames)
    /// MacExpert is rarely used; its glyphs are old-style figures and small caps whose names the
    /// glyph list resolves by suffix, so the standard table stands in for unspecified codes.
    static let macExpert = standard

    /// The encoding named by a PDF `/Encoding` or `/BaseEncoding` name.
    static func named(_ name: String) -> BaseEncoding? {
        switch name {
        case "WinAnsiEncoding": winAnsi
        case "MacRomanEncoding": macRoman
        case "StandardEncoding": standard
        case "MacExpertEncoding": macExpert
        case "PDFDocEncoding": pdfDoc
        default: nil
        }
    }
}
