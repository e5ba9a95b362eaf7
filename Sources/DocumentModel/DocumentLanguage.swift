/// The language a document is written in, among those the engine reads, told from its function words — the
/// articles, prepositions and conjunctions every sentence uses and no other of these languages spells the same way —
/// and, for a scan, also from the labels business documents print. A task often names it ("the German lecture
/// notes", "my French phone bill"), and an agent choosing between two skills of the same kind can tell them apart by
/// it; OCR reads a scan with the data of the language it finds.
public enum DocumentLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case german = "de"
    case french = "fr"
    case spanish = "es"
    case italian = "it"
    case dutch = "nl"

    /// The language's name in English.
    public var englishName: String {
        switch self {
        case .english: "English"
        case .german: "German"
        case .french: "French"
        case .spanish: "Spanish"
        case .italian: "Italian"
        case .dutch: "Dutch"
        }
    }

    /// Tesseract's code for the language's data (`deu`).
    public var tesseractCode: String {
        switch self {
        case .english: "eng"
        case .german: "deu"
        case .french: "fra"
        case .spanish: "spa"
        case .italian: "ita"
        case .dutch: "nld"
        }
    }

    /// Words printed on invoices, receipts, statements and forms in this language and not in the others: such
    /// documents have labels and figures, few sentences, so few function words to tell their language by.
    var formWords: [String] {
        switch self {
        case .english:
            [
                "invoice", "amount", "quantity", "price", "description", "due", "thank", "customer", "balance",
                "statement", "receipt", "payment", "page", "subtotal", "tax", "paid", "account", "number", "item",
            ]
        case .german:
            [
                "rechnung", "rechnungsnummer", "betrag", "gesamt", "gesamtbetrag", "summe", "menge", "einzelpreis",
                "beschreibung", "zahlbar", "bankverbindung", "kontoauszug", "kontoinhaber", "zeitraum", "währung",
                "buchung", "verwendungszweck", "seite", "mwst", "steuer", "nettobetrag", "vielen", "dank", "ihren",
                "auftrag", "bitte", "kunde", "kundennummer", "quittung", "kasse", "fällig", "überweisung",
            ]
        case .french:
            [
                "facture", "montant", "tva", "ttc", "quantité", "prix", "unitaire", "désignation", "échéance", "merci",
                "règlement", "paiement", "banque", "relevé", "compte", "solde", "reçu", "caisse", "devise", "titulaire",
                "virement",
            ]
        case .spanish:
            [
                "factura", "importe", "cantidad", "precio", "vencimiento", "gracias", "cuenta", "recibo", "pago",
                "fecha", "descripción", "titular", "extracto", "moneda",
            ]
        case .italian:
            [
                "fattura", "importo", "quantità", "prezzo", "totale", "scadenza", "grazie", "conto", "ricevuta",
                "pagamento", "descrizione", "intestatario", "estratto",
            ]
        case .dutch:
            [
                "factuur", "bedrag", "aantal", "prijs", "totaal", "btw", "klant", "vervaldatum", "bedankt", "rekening",
                "omschrijving", "betaling", "rekeninghouder", "afschrift",
            ]
        }
    }

    /// Words frequent in running text of this language and not common words of the others: a word two of them
    /// share ("in", "de", "con", "is" in English and Dutch, "des" in French and German) is left out of both.
    var functionWords: [String] {
        switch self {
        case .english:
            [
                "the", "and", "to", "that", "for", "with", "are", "this", "be", "by", "or", "from", "which", "was",
                "have",
            ]
        case .german:
            [
                "der", "und", "den", "das", "ist", "nicht", "mit", "sich", "auf", "für", "dem", "ein", "eine", "wird",
                "sind",
            ]
        case .french:
            ["les", "et", "est", "une", "pour", "dans", "du", "sur", "qui", "par", "au", "sont", "pas", "avec", "aux"]
        case .spanish:
            [
                "el", "los", "las", "y", "para", "por", "como", "más", "pero", "este", "esta", "sobre", "también",
                "cuando", "hasta",
            ]
        case .italian:
            [
                "il", "della", "di", "che", "per", "sono", "gli", "nel", "delle", "alla", "è", "dei", "questo", "anche",
                "degli",
            ]
        case .dutch:
            [
                "het", "een", "van", "zijn", "voor", "niet", "op", "dat", "wordt", "aan", "bij", "ook", "naar",
                "worden", "deze",
            ]
        }
    }

    /// Each function word and its language.
    private static let index: [String: DocumentLanguage] = Dictionary(
        allCases.flatMap { language in language.functionWords.map { ($0, language) } },
        uniquingKeysWith: { first, _ in first }
    )

    /// Function and form words of every language with their marks taken off (what a reader without the marks
    /// makes of `für` or `échéance`), and their language; a word two languages share after that is left out.
    private static let foldedIndex: [String: DocumentLanguage] = {
        var index: [String: DocumentLanguage] = [:]
        var shared: Set<String> = []
        for language in allCases {
            for word in language.functionWords + language.formWords {
                let folded = fold(word)
                if let known = index[folded], known != language { shared.insert(folded) }
                index[folded] = language
            }
        }
        return index.filter { !shared.contains($0.key) }
    }()

    /// `word` lowercased, its letters of these languages without their marks (`ß` as `ss`).
    static func fold(_ word: some StringProtocol) -> String {
        var folded = ""
        for character in word.lowercased() {
            if let base = baseLetters[character] { folded += base } else { folded.append(character) }
        }
        return folded
    }

    /// The marked letters of these languages and their letters without marks.
    private static let baseLetters: [Character: String] = {
        var letters: [Character: String] = ["ß": "ss"]
        for (base, marked) in [
            ("a", "àáâãäåā"), ("c", "çć"), ("e", "èéêëē"), ("i", "ìíîïī"), ("n", "ñ"), ("o", "òóôõöøō"),
            ("u", "ùúûüū"), ("y", "ýÿ"),
        ] {
            for letter in marked { letters[letter] = base }
        }
        return letters
    }()

    /// The language of the words read from a scan (in any case, marks possibly lost), or nil when they do not
    /// tell: at least 3 function or form words, the leading language at least twice as frequent as the next.
    public static func ofScan(words: some Sequence<some StringProtocol>) -> DocumentLanguage? {
        var counts: [DocumentLanguage: Int] = [:]
        for word in words {
            for part in word.split(whereSeparator: { !$0.isLetter }) {
                if let language = foldedIndex[fold(part)] { counts[language, default: 0] += 1 }
            }
        }
        let ranked = allCases.map { ($0, counts[$0] ?? 0) }.sorted { $0.1 > $1.1 }
        guard let first = ranked.first, first.1 >= 3, first.1 >= 2 * ranked[1].1 else { return nil }
        return first.0
    }

    /// Words of the Latin placeholder text ("Lorem ipsum dolor sit amet, … sed do eiusmod …") that templates and
    /// samples are filled with: it shares "et" and "est" with French but is no language a task would name.
    private static let latin: Set<String> = [
        "lorem", "ipsum", "dolor", "sit", "amet", "sed", "ut", "nec", "vel", "quis", "nisi", "eget", "vitae", "ac",
        "aliquam", "consectetur", "adipiscing", "elit", "tempor", "magna",
    ]

    /// The language of `words` (lowercased running text, in order), or nil when the text is too short or too
    /// mixed to tell: at least 6 function words, and the leading language at least twice as frequent as the next
    /// (and as placeholder Latin).
    public static func of(words: some Sequence<Substring>) -> DocumentLanguage? {
        var counts: [DocumentLanguage: Int] = [:]
        var latinCount = 0
        var seen = 0
        for word in words {
            seen += 1
            if seen > 20_000 { break }
            let text = String(word)
            if let language = index[text] { counts[language, default: 0] += 1 }
            if latin.contains(text) { latinCount += 1 }
        }
        let ranked = allCases.map { ($0, counts[$0] ?? 0) }.sorted { $0.1 > $1.1 }
        guard let first = ranked.first, first.1 >= 6, first.1 >= 2 * max(ranked[1].1, latinCount) else { return nil }
        return first.0
    }
}
