import DocumentModel

#if canImport(Glibc)
    import Glibc
#endif

/// Rule-based document type: weighted keywords (English, German, French, Dutch, Spanish, Italian) counted in the
/// body text, with extra weight in the title and on the first page; the evidence is kept as signals.
public enum DocumentClassifier {
    private struct Rule {
        var type: String
        var keywords: [(String, Double)]
    }

    private static let rules: [Rule] = [
        Rule(
            type: "invoice",
            keywords: [
                ("invoice", 3), ("rechnung", 3), ("facture", 3), ("factuur", 3), ("fattura", 3), ("factura", 3),
                ("invoice no", 3), ("invoice number", 3), ("rechnungsnummer", 3), ("rechnungs-nr", 3),
                ("n° de facture", 3),
                ("amount due", 2), ("total due", 2), ("subtotal", 1.5), ("zwischensumme", 1.5), ("sous-total", 1.5),
                ("payment due", 2), ("due date", 1.5), ("fällig", 1.5), ("échéance", 1.5), ("bill to", 2),
                ("rechnungsempfänger", 2), ("facturé à", 2), ("vat", 1), ("ust", 1), ("tva", 1), ("btw", 1),
                ("net amount", 1), ("nettobetrag", 1), ("montant ht", 1),
            ]
        ),
        Rule(
            type: "receipt",
            keywords: [
                ("receipt", 3), ("kassenbon", 3), ("quittung", 2), ("reçu", 2), ("ticket", 2), ("bon n°", 2),
                ("cashier", 2), ("caisse", 2), ("kasse", 2), ("change", 1), ("rückgeld", 2), ("rendu", 1),
                ("thank you for your visit", 3), ("merci de votre visite", 3), ("vielen dank für ihren besuch", 3),
                ("table", 1), ("server", 1), ("tip", 1), ("card payment", 1), ("paid by card", 2),
                ("carte bancaire", 2),
            ]
        ),
        Rule(
            type: "statement",
            keywords: [
                ("statement of account", 4), ("account statement", 4), ("kontoauszug", 4), ("relevé de compte", 4),
                ("opening balance", 3), ("closing balance", 3), ("anfangssaldo", 3), ("endsaldo", 3),
                ("alter kontostand", 3), ("neuer kontostand", 3), ("solde initial", 3), ("solde final", 3),
                ("paid in", 1.5), ("paid out", 1.5), ("account holder", 2), ("kontoinhaber", 2), ("titulaire", 2),
                ("statement no", 2), ("auszug", 1),
            ]
        ),
        Rule(
            type: "contract",
            keywords: [
                ("agreement", 3), ("contract", 2.5), ("vertrag", 3), ("contrat", 3), ("the parties", 2.5),
                ("hereinafter", 2), ("termination", 1.5), ("terminate", 1), ("kündigung", 1.5), ("governing law", 2),
                ("confidentiality", 1.5), ("in witness whereof", 3), ("§", 1), ("clause", 1), ("effective date", 1.5),
            ]
        ),
        Rule(
            type: "manual",
            keywords: [
                ("manual", 3), ("user guide", 3), ("handbook", 3), ("handbuch", 3), ("bedienungsanleitung", 3),
                ("guide", 1.5), ("installation", 1), ("installing", 1), ("configure", 1), ("configuring", 1),
                ("troubleshooting", 2), ("maintenance", 1), ("warning", 1), ("caution", 1), ("step", 0.5),
                ("settings", 0.5), ("restart", 0.5),
            ]
        ),
        Rule(
            type: "report",
            keywords: [
                ("report", 2.5), ("bericht", 2.5), ("rapport", 2.5), ("annual", 1.5), ("summary", 1), ("results", 1),
                ("outlook", 1.5), ("revenue", 1), ("quarter", 1), ("fiscal", 1), ("highlights", 1.5), ("survey", 1.5),
                ("annex", 1.5), ("table", 0.5), ("figures", 0.5),
            ]
        ),
        Rule(
            type: "paper",
            keywords: [
                ("abstract", 3), ("keywords", 2.5), ("references", 2), ("et al", 2), ("doi", 2), ("journal", 1.5),
                ("university", 1.5), ("conclusion", 1), ("methodology", 1), ("preprint", 2), ("arxiv", 2),
                ("proceedings", 1.5),
            ]
        ),
        Rule(
            type: "form",
            keywords: [
                ("form", 2), ("formular", 2.5), ("formulaire", 2.5), ("application", 1.5), ("antrag", 2),
                ("please fill", 2), ("date of birth", 2), ("geburtsdatum", 2), ("date de naissance", 2),
                ("signature", 1.5), ("☐", 2), ("☒", 2), ("membership", 1.5), ("first name", 1.5), ("last name", 1.5),
            ]
        ),
    ]

    /// Classifies a document from its title and the text of its first pages.
    public static func classify(title: String?, firstPage: String, text: String) -> DocumentType {
        let body = Array((" " + text.lowercased() + " ").utf8)
        let head = Array((" " + ((title ?? "") + " " + firstPage.prefix(600)).lowercased() + " ").utf8)
        var scored: [(type: String, score: Double, signals: [String])] = []
        for rule in rules {
            var score = 0.0
            var signals: [String] = []
            for (keyword, weight) in rule.keywords {
                let count = occurrences(of: keyword, in: body, limit: 3)
                guard count > 0 else { continue }
                let inHead = occurrences(of: keyword, in: head, limit: 1) > 0
                score += weight * (Double(count) + (inHead ? 2 : 0))
                signals.append(inHead ? "\(keyword) (title)" : keyword)
            }
            scored.append((rule.type, score, signals))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.type < $1.type }
        guard let best = scored.first, best.score >= 3 else {
            return DocumentType(type: "unknown", confidence: 0)
        }
        let total = scored.reduce(0) { $0 + $1.score }
        let confidence = (best.score / max(total, 1) * 100).rounded() / 100
        let alternatives = scored.dropFirst().prefix(3).filter { $0.score > 0 }.map {
            (type: $0.type, score: ($0.score / max(total, 1) * 100).rounded() / 100)
        }
        return DocumentType(
            type: best.type,
            subtype: subtype(best.type, title: (title ?? "").lowercased(), body: body),
            confidence: confidence,
            alternatives: Array(alternatives),
            signals: Array(best.signals.prefix(8))
        )
    }

    private static func subtype(_ type: String, title: String, body: [UInt8]) -> String? {
        func has(_ words: String...) -> Bool { words.contains { occurrences(of: $0, in: body, limit: 1) > 0 } }
        switch type {
        case "statement":
            return has("credit card", "kreditkarte", "carte de crédit") ? "credit-card-statement" : "bank-statement"
        case "manual":
            if title.includes("service manual") || title.includes("servicehandbuch") { return "service-manual" }
            if title.includes("administrator") || title.includes("admin guide") { return "administrator-guide" }
            if title.includes("user guide") || title.includes("benutzerhandbuch") { return "user-guide" }
            if title.includes("user manual") || title.includes("bedienungsanleitung") { return "user-manual" }
            if title.includes("installation") { return "installation-guide" }
            return nil
        case "paper":
            return "research-article"
        case "receipt":
            return has("table", "server", "tisch", "restaurant", "café", "cafe", "couvert") ? "restaurant" : nil
        case "report":
            if has("annex a") { return "landscape-annex" }
            if title.includes("annual") || title.includes("jahres") { return "annual" }
            if title.includes("survey") || title.includes("umfrage") { return "survey" }
            if title.includes("technical") || title.includes("technisch") { return "technical" }
            return nil
        case "form":
            return has("membership", "mitgliedschaft", "adhésion") ? "membership" : nil
        case "contract":
            return has("consulting", "beratung", "conseil") ? "consulting" : nil
        default:
            return nil
        }
    }

    /// Occurrences of `keyword` as a whole word (or phrase) in `text`, searched on UTF-8 bytes (`memchr` finds the
    /// candidates), counting at most `limit`.
    static func occurrences(of keyword: String, in haystack: [UInt8], limit: Int = .max) -> Int {
        let needle = Array(keyword.utf8)
        guard let first = needle.first, needle.count <= haystack.count else { return 0 }
        func isWordByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
        }
        return haystack.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { word in
                guard let base = text.baseAddress else { return 0 }
                var count = 0
                var index = 0
                let last = text.count - word.count
                while index <= last, count < limit {
                    guard let hit = memchr(base + index, Int32(first), last - index + 1) else { break }
                    index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + index, word.baseAddress!, word.count) == 0 {
                        let before = index > 0 ? text[index - 1] : 0x20
                        let after = index + word.count < text.count ? text[index + word.count] : 0x20
                        if (!isWordByte(first) || !isWordByte(before))
                            && (!isWordByte(word[word.count - 1]) || !isWordByte(after))
                        {
                            count += 1
                            index += word.count
                            continue
                        }
                    }
                    index += 1
                }
                return count
            }
        }
    }
}
