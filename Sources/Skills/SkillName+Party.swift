extension SkillName {
    /// A letterhead line without the address its block runs on into: "Greenfield Supplies Ltd 10 King Street,
    /// Manchester" → "Greenfield Supplies Ltd", "Banca Nord Via Roma 45, 20121 Milano" → "Banca Nord". The name ends
    /// after its legal form (Ltd, GmbH, S.L., B.V.), else before the street (a street word, a house number first, or
    /// a word ending in a street suffix), else before the first figure. The line as it is when nothing is left.
    static func partyName(_ line: String) -> String {
        let words = line.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return line }
        func bare(_ word: String) -> String { word.lowercased().trimmingTrailing(",;:") }
        if let form = words.prefix(8).firstIndex(where: { legalForms.contains(bare($0)) }), form >= 1 {
            return words[...form].joined(separator: " ").trimmingTrailing(",;:")
        }
        let street = words.indices.dropFirst().first { index in
            let word = bare(words[index])
            return streetWords.contains(word) || streetSuffixes.contains { word.hasSuffix($0) && word.count > $0.count }
                || word.first?.isNumber == true
        }
        guard let street else { return line }
        return words[..<street].joined(separator: " ").trimmingTrailing(",;:")
    }

    /// Legal forms that close a company's name, lowercased, in the languages the engine reads.
    static let legalForms: Set<String> = [
        "ltd", "ltd.", "limited", "plc", "inc", "inc.", "llc", "corp", "corp.", "co.", "lp", "llp", "pty", "gmbh", "ag",
        "kg", "ohg", "ug", "e.k.", "e.v.", "bv", "b.v.", "nv", "n.v.", "vof", "sa", "s.a.", "sl", "s.l.", "slu",
        "s.l.u.", "sarl", "s.a.r.l.", "sàrl", "sas", "s.a.s.", "eurl", "srl", "s.r.l.", "spa", "s.p.a.", "snc",
        "s.n.c.", "ab", "oy", "a/s", "aps",
    ]

    /// Words that open a street's name in languages that put the number after it.
    static let streetWords: Set<String> = [
        "via", "viale", "corso", "piazza", "largo", "calle", "avenida", "avda.", "paseo", "plaza", "carrer", "rue",
        "avenue", "boulevard", "bd", "chemin", "place", "allée", "impasse", "quai", "route", "rua", "postbus",
        "postfach", "p.o.", "po",
    ]

    /// Endings of street names written as one word (Hauptstraße, Keizersgracht, Dorpsweg).
    static let streetSuffixes = [
        "straße", "strasse", "str.", "weg", "gasse", "platz", "allee", "damm", "gracht", "laan", "plein",
        "kade", "singel", "dijk", "straat",
    ]
}
