/// What a skill is named by, before it is made a slug: the document's title — or, when it has none, the short line
/// naming it or its issuer, with its kind — followed by what tells it apart from others of its kind (its number,
/// its version), since an agent choosing between two invoices or two editions of a manual sees little else first.
enum SkillName {
    /// The name text for one document's outline `items`; `kind` is its type when the classifier is confident.
    static func text(items: [OutlineItem], plan: TopicPlan, kind: String?) -> String {
        var text = plan.title
        if !plan.hasTitle, let line = nameLine(items) {
            text = line + (kind.map { " " + $0 } ?? "")
        } else if let issuer = letterhead(items, title: plan.title, kind: kind) {
            text += " " + issuer
        }
        let slug = SkillText.slug(text, limit: 200)
        for qualifier in [identifier(items), version(items)].compactMap({ $0 })
        where !slug.contains(SkillText.slug(qualifier, limit: 200)) {
            text += " " + qualifier
        }
        return text
    }

    /// A short line of words among the first items that names the document or its issuer ("Bäckerei Weiß KG").
    static func nameLine(_ items: [OutlineItem]) -> String? {
        for item in items.prefix(3) {
            if case .paragraph(let text, _) = item, SkillDescription.isName(text) { return partyName(text) }
        }
        return nil
    }

    /// The name line printed above the title — a letterhead naming the issuer of an invoice or a statement
    /// ("Müller & Söhne GmbH" over "Rechnung") — when the title does not already say it; only for the kinds of
    /// document an issuer heads (a report's first line is a caption or a footnote, not an issuer).
    static func letterhead(_ items: [OutlineItem], title: String?, kind: String?) -> String? {
        guard let title, let kind, issuedKinds.contains(kind) else { return nil }
        for item in items.prefix(4) {
            switch item {
            case .title, .heading:
                return nil
            case .paragraph(let text, _) where SkillDescription.isName(text):
                let name = partyName(text)
                return title.lowercased().contains(name.lowercased()) ? nil : name
            default:
                continue
            }
        }
        return nil
    }

    /// The kinds of document that an issuer's letterhead heads.
    static let issuedKinds: Set<String> = ["invoice", "receipt", "statement", "contract", "form"]

    /// The document's own number: the value of the first key that labels a number (`Invoice No.`,
    /// `Rechnungsnummer`, `N° de facture`, `Beleg-Nr.`), short and holding at least three digits. Phone, fax and
    /// bank-account numbers identify a party, not the document.
    static func identifier(_ items: [OutlineItem]) -> String? {
        for item in items {
            guard case .keyValue(let key, let value, _) = item else { continue }
            let words = key.lowercased().split(whereSeparator: { !($0.isLetter || $0 == "°" || $0 == "#") }).map(
                String.init
            )
            let isNumberLabel = words.contains { word in
                ["no", "nr", "n°", "#", "number", "nummer", "numéro", "número", "numero", "id"]
                    .contains(word) || word.hasSuffix("nummer") || word.hasSuffix("number")
            }
            let isParty = words.contains { word in
                [
                    "tel", "telefon", "phone", "fax", "iban", "bic", "swift", "ust", "vat", "tva", "iva", "btw",
                    "steuernummer",
                    "tax", "mobile", "handy", "kundennummer", "customer", "konto", "account", "date", "datum", "fecha",
                    "data",
                    "page", "seite",
                ].contains { word.hasPrefix($0) }
            }
            let digits = value.filter(\.isNumber).count
            guard isNumberLabel, !isParty, digits >= 3, value.count <= 24 else { continue }
            return value
        }
        return numberedKindLine(items)
    }

    /// The number in a line among the first 30 items (after address blocks) that opens with the document's kind and numbers it — `Facture
    /// n°562044387 du 2 juillet`, `Invoice No. 2024-118`, `Rechnung Nr. 88123`, `Receipt #A-0042` — for documents
    /// that print their number in a sentence rather than as a labelled value.
    static func numberedKindLine(_ items: [OutlineItem]) -> String? {
        let labels = ["no", "nr", "n°", "no°", "nº", "#", "number", "nummer", "numéro", "número", "numero"]
        for item in items.prefix(30) {
            let text: String
            switch item {
            case .title(let value, _), .heading(let value, _, _), .paragraph(let value, _): text = value
            default: continue
            }
            let tokens = text.split(separator: " ").prefix(5).map(String.init)
            let lower = tokens.map { $0.lowercased() }
            guard let first = lower.first, numberedKinds.contains(EnglishTerms.english(first) ?? first) else {
                continue
            }
            for index in lower.indices.dropFirst() {
                var value: String?
                if labels.contains(lower[index].trimmingTrailing(".:")), index + 1 < tokens.count {
                    value = tokens[index + 1]
                } else if let label = labels.first(where: { lower[index].hasPrefix($0) }),
                    lower[index].count > label.count + 2
                {
                    // The number written onto its label ("n°562044387").
                    value = String(tokens[index].dropFirst(label.count).drop { $0 == "." || $0 == ":" })
                }
                guard let found = value?.trimmingTrailing(".,;:") else { continue }
                guard found.filter(\.isNumber).count >= 3, found.count <= 24 else { break }
                return found
            }
        }
        return nil
    }

    /// The kinds of document that number themselves in a line of their own.
    static let numberedKinds: Set<String> = [
        "invoice", "receipt", "statement", "order", "quote", "credit note", "delivery note", "contract", "policy",
    ]

    /// `Version 2.5`, `Rev. 3`, `Ausgabe 4` near the start of the document, as `version 2.5`.
    static func version(_ items: [OutlineItem]) -> String? {
        let labels: Set<String> = ["version", "rev", "revision", "edition", "ausgabe", "versión", "versione", "versie"]
        for item in items.prefix(8) {
            let text: String
            switch item {
            case .title(let value, _), .heading(let value, _, _), .paragraph(let value, _): text = value
            case .keyValue(let key, let value, _): text = key + " " + value
            default: continue
            }
            let tokens = text.split(whereSeparator: { $0 == " " || $0 == "·" || $0 == ":" || $0 == "," })
            for (index, token) in tokens.enumerated().dropLast()
            where labels.contains(String(token.lowercased().filter { $0 != "." })) {
                let number = tokens[index + 1]
                if number.first?.isNumber == true, number.allSatisfy({ $0.isNumber || $0 == "." }) {
                    return "version " + number
                }
            }
        }
        return nil
    }
}
