/// The words and shapes by which a case's documents name their parties, their reference numbers, their own date
/// and their page numbering, in the languages the engine classifies (English, German, French, Spanish, Italian,
/// Dutch, Portuguese).
enum CaseVocabulary {
    /// Key words of labels whose value is a party.
    static let partyWords: Set<String> = [
        "from", "to", "sender", "recipient", "customer", "client", "vendor", "supplier", "seller", "buyer", "insured",
        "insurer", "policyholder", "claimant", "landlord", "tenant", "employer", "employee", "patient", "bill",
        "billed", "sold", "issuer", "payee", "payer", "beneficiary", "company", "contractor", "applicant", "attention",
        "kunde", "lieferant", "absender", "empfänger", "versicherungsnehmer", "versicherer", "auftraggeber",
        "rechnungsempfänger", "vermieter", "mieter", "arbeitgeber", "fournisseur", "destinataire", "expéditeur",
        "assuré", "assureur", "bénéficiaire", "cliente", "proveedor", "asegurado", "aseguradora", "destinatario",
        "remitente", "fornitore", "assicurato", "mittente", "klant", "leverancier", "afzender", "ontvanger",
        "verzekerde", "verzekeraar", "fornecedor", "segurado",
    ]

    /// Key words of labels whose value is a reference number.
    static let identifierWords: Set<String> = [
        "no", "nr", "n°", "nº", "#", "number", "num", "id", "ref", "reference", "policy", "claim", "invoice", "order",
        "account", "case", "file", "contract", "customer", "folio", "ticket", "nummer", "aktenzeichen", "zeichen",
        "kundennummer", "rechnungsnummer", "vertragsnummer", "policennummer", "schadennummer", "numéro", "référence",
        "police", "sinistre", "dossier", "número", "referencia", "póliza", "siniestro", "expediente", "numero",
        "riferimento", "polizza", "sinistro", "pratica", "kenmerk", "polisnummer", "schadenummer", "factuurnummer",
        "apólice",
    ]

    /// Key words of labels whose date is the document's own (issued, written, invoiced).
    static let issueDateWords: Set<String> = [
        "date", "dated", "issued", "issue", "invoice", "datum", "rechnungsdatum", "ausstellungsdatum", "fecha",
        "emisión", "data", "emissione", "factuurdatum", "émission", "facture",
    ]

    static func words(_ key: String) -> [String] {
        key.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "°" || $0 == "º" || $0 == "#") })
            .map(String.init)
    }

    static func isPartyKey(_ key: String) -> Bool {
        let keyWords = words(key)
        guard keyWords.count <= 4, !keyWords.contains(where: identifierOnlyWords.contains) else { return false }
        return keyWords.contains(where: partyWords.contains)
    }

    /// Words that make a party label a number label instead (`Customer No.`).
    private static let identifierOnlyWords: Set<String> = ["no", "nr", "n°", "nº", "#", "number", "id", "nummer"]

    static func isIdentifierKey(_ key: String) -> Bool {
        let keyWords = words(key)
        guard keyWords.count <= 5 else { return false }
        // Phone, fax and bank numbers identify a party's line or account, not a matter.
        let excluded: Set<String> = ["phone", "tel", "telephone", "fax", "iban", "bic", "swift", "vat", "tax", "ust"]
        guard !keyWords.contains(where: excluded.contains) else { return false }
        return keyWords.contains { word in identifierWords.contains(word) || word.hasSuffix("nummer") }
    }

    static func isIssueDateKey(_ key: String) -> Bool { words(key).contains(where: issueDateWords.contains) }

    /// A value's identifier form: upper case without spaces, when it is short and holds at least three digits.
    static func identifier(_ value: String) -> String? {
        let compact = value.filter { !$0.isWhitespace }.uppercased()
        guard (3...40).contains(compact.count), compact.filter(\.isNumber).count >= 3,
            compact.allSatisfy({ $0.isLetter || $0.isNumber || "-/._#".contains($0) })
        else { return nil }
        return compact
    }

    /// Reference codes in running text: a token of letters and at least three digits joined by `-`, `/` or `.`
    /// (`CLM-2024-0113`, `POL/88/1204`), which dates, amounts and plain numbers never are.
    static func referenceCodes(in text: String) -> [String] {
        var codes: [String] = []
        for raw in text.split(whereSeparator: { $0.isWhitespace || ",;:()[]«»\"“”'".contains($0) }) {
            let token = String(raw.drop(while: { $0 == "." }).reversed().drop(while: { $0 == "." }).reversed())
            guard token.count >= 6, token.count <= 32, token.contains(where: { "-/".contains($0) }),
                token.contains(where: \.isLetter), token.filter(\.isNumber).count >= 3,
                token.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-/.".contains($0) }),
                token.first?.isLetter == true || token.first?.isNumber == true
            else { continue }
            // Words broken by a hyphen ("follow-up") have no digits; "2024-03-01" has no letter.
            let upper = token.uppercased()
            if !codes.contains(upper) { codes.append(upper) }
        }
        return codes
    }

    /// `yyyy-mm-dd` from an ISO date or date-time; nil for anything else.
    static func isoDay(_ text: String) -> String? {
        let day = String(text.prefix(10))
        let parts = day.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isNumber) })
        else { return nil }
        return day
    }

    /// Words that introduce a page number, and those between the number and the total.
    static let pageWords: Set<String> = ["page", "p", "seite", "pagina", "página", "pág", "blatt", "blad", "folha"]
    static let ofWords: Set<String> = ["of", "von", "sur", "de", "di", "van", "/", "af"]

    /// `Page 3 of 5`, `Seite 3 von 5`, `Página 3 de 5`, `3 / 5`, `- 3/5 -`.
    static func pageMark(_ text: String) -> CaseEntry.PageMark? {
        var tokens: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else {
                if !current.isEmpty { tokens.append(current) }
                current = ""
                if character == "/" { tokens.append("/") }
            }
        }
        if !current.isEmpty { tokens.append(current) }
        for index in tokens.indices where index + 2 < tokens.count {
            guard let number = Int(tokens[index]), ofWords.contains(tokens[index + 1]),
                let total = Int(tokens[index + 2]), number >= 1, number <= total, total <= 9_999
            else { continue }
            let introduced = index > 0 && pageWords.contains(tokens[index - 1])
            // Without a page word, the line must be nothing but the numbering ("3 / 5", "- 3 of 5 -").
            guard introduced || tokens.count == 3 else { continue }
            return CaseEntry.PageMark(number: number, total: total)
        }
        return nil
    }
}
