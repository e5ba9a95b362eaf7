/// English words for a document written in another language, so that a task phrased in English ("the VAT on the
/// bakery receipt") still meets the skill that holds it. Only the vocabulary every business document shares —
/// document kinds and field labels in German, French, Spanish, Italian and Dutch — is translated; a word already
/// English, or whose English form the document already uses, adds nothing.
enum EnglishTerms {
    /// Up to `count` English terms for the labels, titles and headings of `items`, in order of appearance, leaving
    /// out those the document's own words (`known`, lowercased) already contain.
    /// `also` are further words to translate: the document's key terms, where a month or a label that only its
    /// body uses stands out.
    static func of(_ items: [OutlineItem], count: Int = 8, known: Set<String>, also: [String] = []) -> [String] {
        var found: [String] = []
        func add(_ term: String) {
            let words = term.lowercased().split(separator: " ").map(String.init)
            guard !found.contains(term), !words.allSatisfy(known.contains) else { return }
            found.append(term)
        }
        labels: for item in items {
            let text: String
            switch item {
            case .title(let value, _), .heading(let value, _, _): text = value
            case .keyValue(let key, _, _): text = key
            case .table(let table, _): text = table.columns.joined(separator: " ")
            case .paragraph(let value, _), .listItem(let value, _, _, _):
                // Only the opening words of prose: a label or a kind printed as a line ("Kontoauszug · …").
                text = value.split(separator: " ").prefix(4).joined(separator: " ")
            }
            for token in text.lowercased().split(whereSeparator: { !$0.isLetter }) {
                if let term = english(String(token)) { add(term) }
                if found.count >= count { break labels }
            }
        }
        // The key terms may add two more.
        let limit = found.count + 2
        for word in also where found.count < limit {
            if let term = english(word.lowercased()) { add(term) }
        }
        return found
    }

    /// The English for one lowercased word: from the table, or for a German compound ending in `nummer`, `nr`
    /// or `datum` from its first part (`rechnungsnummer` → "invoice number").
    static func english(_ word: String) -> String? {
        if let term = table[word] { return term }
        for (suffix, english) in [("nummer", "number"), ("datum", "date")] where word.hasSuffix(suffix) {
            var stem = String(word.dropLast(suffix.count))
            guard stem.count >= 4 else { continue }
            if stem.hasSuffix("s"), table[stem] == nil { stem.removeLast() }
            if let head = table[stem], !head.contains(" ") { return head + " " + english }
        }
        return nil
    }

    /// Words whose meaning does not depend on the language they are read in (no English word spelled the same).
    static let table: [String: String] = [
        // German
        "rechnung": "invoice", "quittung": "receipt", "kassenbon": "receipt", "beleg": "receipt",
        "kontoauszug": "account statement", "kontoinhaber": "account holder", "zeitraum": "period",
        "kontostand": "balance", "gutschrift": "credit", "lastschrift": "direct debit",
        "überweisung": "bank transfer", "vertrag": "contract", "vereinbarung": "agreement",
        "kündigung": "termination", "laufzeit": "term", "vergütung": "remuneration", "haftung": "liability",
        "gerichtsstand": "jurisdiction", "bedienungsanleitung": "user manual", "handbuch": "manual",
        "anleitung": "instructions", "sicherheitshinweise": "safety instructions", "warnung": "warning",
        "bericht": "report", "jahresbericht": "annual report", "tabelle": "table", "antrag": "application",
        "formular": "form", "anschrift": "address", "betrag": "amount", "gesamtbetrag": "total",
        "summe": "total", "gesamt": "total", "mwst": "VAT", "ust": "VAT", "mehrwertsteuer": "VAT",
        "umsatzsteuer": "VAT", "netto": "net", "brutto": "gross", "fällig": "due", "zahlungsziel": "payment terms",
        "lieferant": "supplier", "kunde": "customer", "kunden": "customer", "menge": "quantity", "preis": "price",
        "einzelpreis": "unit price", "steuer": "tax", "lieferung": "delivery", "zahlung": "payment",
        "bestellung": "order", "angebot": "quote", "konto": "account", "auftrag": "order",
        // French
        "facture": "invoice", "reçu": "receipt", "relevé": "statement", "titulaire": "account holder",
        "solde": "balance", "période": "period", "contrat": "contract", "résiliation": "termination",
        "durée": "term", "fournisseur": "supplier", "quantité": "quantity", "prix": "price", "rapport": "report",
        "avertissement": "warning", "formulaire": "form", "demande": "application", "adresse": "address",
        "montant": "amount", "échéance": "due date", "tva": "VAT", "ttc": "total including VAT", "paiement": "payment",
        "commande": "order", "devis": "quote", "livraison": "delivery", "impôt": "tax",
        "notice": "instructions", "consignes": "instructions", "sécurité": "safety",
        // Spanish
        "factura": "invoice", "recibo": "receipt", "extracto": "statement", "titular": "account holder",
        "contrato": "contract", "cliente": "customer", "proveedor": "supplier", "cantidad": "quantity",
        "precio": "price", "informe": "report", "advertencia": "warning", "formulario": "form",
        "solicitud": "application", "dirección": "address", "importe": "amount", "vencimiento": "due date",
        "iva": "VAT", "pago": "payment", "pedido": "order", "presupuesto": "quote", "entrega": "delivery",
        "impuesto": "tax", "seguridad": "safety", "instrucciones": "instructions", "cuenta": "account",
        // Italian
        "fattura": "invoice", "ricevuta": "receipt", "scontrino": "receipt", "estratto": "statement",
        "intestatario": "account holder", "contratto": "contract", "fornitore": "supplier",
        "quantità": "quantity", "prezzo": "price", "relazione": "report", "rapporto": "report",
        "manuale": "manual", "avvertenza": "warning", "modulo": "form", "domanda": "application",
        "indirizzo": "address", "importo": "amount", "scadenza": "due date", "totale": "total",
        "pagamento": "payment", "ordine": "order", "preventivo": "quote", "consegna": "delivery",
        "imposta": "tax", "sicurezza": "safety", "istruzioni": "instructions", "conto": "account",
        // Dutch
        "factuur": "invoice", "kassabon": "receipt", "afschrift": "statement", "rekeningafschrift": "statement",
        "rekeninghouder": "account holder", "overeenkomst": "agreement", "klant": "customer",
        "leverancier": "supplier", "aantal": "quantity", "prijs": "price", "verslag": "report",
        "handleiding": "manual", "waarschuwing": "warning", "formulier": "form", "aanvraag": "application",
        "adres": "address", "bedrag": "amount", "vervaldatum": "due date", "totaal": "total", "btw": "VAT",
        "betaling": "payment", "bestelling": "order", "offerte": "quote", "levering": "delivery",
        "belasting": "tax", "veiligheid": "safety", "rekening": "account",
        // Public bodies, courts and their records, in all five: a task about a vote, a session or a judgment is
        // asked in English of documents that say "Abstimmung", "séance" or "sentencia".
        "abstimmung": "vote", "sitzung": "session", "protokoll": "minutes", "tagesordnung": "agenda",
        "bundestag": "parliament", "landtag": "parliament", "abgeordnete": "deputies", "gesetz": "law",
        "verordnung": "regulation", "urteil": "judgment", "gericht": "court", "beschluss": "resolution",
        "scrutin": "vote", "séance": "session", "députés": "deputies", "assemblée": "assembly",
        "sénat": "senate", "loi": "law", "décret": "decree", "jugement": "judgment",
        "arrêt": "judgment", "cour": "court", "délibération": "resolution",
        "votación": "vote", "sesión": "session", "diputados": "deputies", "cámara": "chamber",
        "senado": "senate", "ley": "law", "decreto": "decree", "sentencia": "judgment", "acta": "minutes",
        "votazione": "vote", "seduta": "session", "deputati": "deputies", "senato": "senate",
        "legge": "law", "sentenza": "judgment", "tribunale": "court", "verbale": "minutes",
        "stemming": "vote", "vergadering": "meeting", "kamer": "chamber", "vonnis": "judgment",
        "rechtbank": "court", "notulen": "minutes", "besluit": "resolution",
        // Months (a task says "my July bill" of a "facture du 2 juillet"); those spelled as in English are left out.
        "januar": "January", "februar": "February", "märz": "March", "juni": "June", "juli": "July",
        "oktober": "October", "dezember": "December", "janvier": "January", "février": "February", "avril": "April",
        "juin": "June", "juillet": "July", "août": "August", "septembre": "September", "octobre": "October",
        "novembre": "November", "décembre": "December", "enero": "January", "febrero": "February", "marzo": "March",
        "abril": "April", "mayo": "May", "junio": "June", "julio": "July", "agosto": "August",
        "septiembre": "September", "octubre": "October", "noviembre": "November", "diciembre": "December",
        "gennaio": "January", "febbraio": "February", "aprile": "April", "maggio": "May", "giugno": "June",
        "luglio": "July", "settembre": "September", "ottobre": "October", "dicembre": "December",
        "januari": "January", "februari": "February", "maart": "March", "mei": "May", "augustus": "August",
    ]
}
