extension DocumentClassifier {
    /// A subtype of one document type and the words that speak for it (six languages). Words in the title count
    /// three times; the best subtype needs ``minimumSubtypeScore``, else the type's default applies.
    struct SubtypeRule {
        var type: String
        var subtype: String
        /// Only the title counts: what a report or manual is ("Annual report", "Installation guide") is in its
        /// name, while its body mentions surveys, installations and years in passing.
        var titleOnly = false
        var keywords: [(String, Double)]
    }

    /// Share of a report's text in tables from which it is a set of data tables when no subtype's words decide.
    static let dataTablesShare = 0.5

    static let minimumSubtypeScore = 2.0

    /// The subtype a type falls back to when no subtype's words are found.
    static let defaultSubtypes: [String: String] = [
        "statement": "bank-statement", "paper": "research-article", "invoice": "standard", "receipt": "retail",
    ]

    static let subtypeRules: [SubtypeRule] = [
        SubtypeRule(
            type: "statement",
            subtype: "credit-card-statement",
            keywords: [
                ("credit card", 3), ("card statement", 3), ("kreditkarte", 3), ("kreditkartenabrechnung", 3),
                ("carte de crédit", 3), ("relevé de carte", 3), ("creditcard", 3), ("creditcardoverzicht", 3),
                ("tarjeta de crédito", 3), ("carta di credito", 3), ("card number", 2), ("kartennummer", 2),
                ("numéro de carte", 2), ("kaartnummer", 2), ("número de tarjeta", 2), ("numero carta", 2),
                ("minimum payment", 2), ("credit limit", 2), ("kreditrahmen", 2), ("paiement minimum", 2),
                ("kredietlimiet", 2), ("pago mínimo", 2), ("pagamento minimo", 2), ("cardholder", 2),
                ("karteninhaber", 2), ("kaarthouder", 2),
                ("kartenabrechnung", 3), ("creditcardafschrift", 3), ("merchant", 1), ("händler", 1), ("esercente", 1),
            ]
        ),
        SubtypeRule(
            type: "statement",
            subtype: "bank-statement",
            keywords: [
                ("iban", 2), ("account statement", 3), ("bank statement", 3), ("kontoauszug", 3),
                ("relevé de compte", 3), ("rekeningafschrift", 3), ("extracto de cuenta", 3),
                ("extrait de compte", 3), ("relevé bancaire", 3), ("estado de cuenta", 3), ("extracto bancario", 3),
                ("rekeningoverzicht", 3), ("bankafschrift", 3), ("dagafschrift", 3), ("kontoübersicht", 3),
                ("umsatzübersicht", 3), ("lista movimenti", 3),
                ("opening balance", 1), ("anfangssaldo", 1), ("solde initial", 1), ("beginsaldo", 1),
            ]
        ),
        SubtypeRule(
            type: "receipt",
            subtype: "restaurant",
            keywords: [
                ("restaurant", 2), ("ristorante", 2), ("café", 1), ("cafe", 1), ("bistro", 2), ("trattoria", 2),
                ("table", 1.5), ("tisch", 1.5), ("tafel", 1), ("mesa", 1), ("tavolo", 1.5), ("server", 1.5),
                ("serveur", 1.5), ("camarero", 1.5), ("couvert", 2), ("coperto", 2), ("tip", 1.5),
                ("trinkgeld", 1.5), ("pourboire", 1.5), ("fooi", 1.5), ("propina", 1.5), ("mancia", 1.5),
                ("menu", 1), ("espresso", 1), ("cappuccino", 1), ("latte macchiato", 1), ("coffee", 0.5),
                ("tea", 0.5), ("pizza", 1), ("pasta", 1), ("burger", 1), ("salad", 0.5), ("dessert", 1),
                ("wine", 1), ("wein", 1), ("vin", 1), ("vino", 1), ("beer", 1), ("bier", 1), ("bière", 1),
                ("cerveza", 1), ("birra", 1), ("sparkling water", 1), ("mineralwasser", 1), ("eau minérale", 1),
                ("agua mineral", 1), ("acqua minerale", 1), ("brownie", 1), ("croissant", 1), ("bagel", 1),
            ]
        ),
        SubtypeRule(
            type: "receipt",
            subtype: "grocery",
            keywords: [
                ("supermarket", 2), ("supermarkt", 2), ("supermarché", 2), ("supermercado", 2),
                ("supermercato", 2), ("milk", 1), ("milch", 1), ("lait", 1), ("melk", 1), ("leche", 1),
                ("latte", 1), ("bread", 1), ("brot", 1), ("pain", 1), ("brood", 1), ("pan", 0.5), ("pane", 1),
                ("eggs", 1), ("eier", 1), ("œufs", 1), ("eieren", 1), ("huevos", 1), ("uova", 1), ("apples", 1),
                ("äpfel", 1), ("pommes", 1), ("appels", 1), ("manzanas", 1), ("mele", 1), ("cheese", 1),
                ("käse", 1), ("fromage", 1), ("kaas", 1), ("queso", 1), ("formaggio", 1), ("deposit", 1),
                ("pfand", 1.5), ("statiegeld", 1.5), ("kg", 0.5),
            ]
        ),
        SubtypeRule(
            type: "receipt",
            subtype: "fuel",
            keywords: [
                ("diesel", 2), ("petrol", 2), ("gasoline", 2), ("unleaded", 2), ("benzin", 2), ("benzine", 2),
                ("super e10", 2), ("euro 95", 2), ("super 95", 2), ("sp95", 2), ("sp98", 2), ("e10", 1.5),
                ("adblue", 2), ("lpg", 1.5),
                ("gazole", 2), ("sans plomb", 2), ("gasóleo", 2), ("gasolina", 2), ("gasolio", 2), ("benzina", 2),
                ("pump", 1.5), ("zapfsäule", 2), ("pompe", 1.5), ("pomp", 1.5), ("surtidor", 2), ("erogatore", 2),
                ("car wash", 1.5), ("autowäsche", 1.5), ("lavage", 1), ("autowas", 1.5), ("lavado", 1),
                ("autolavaggio", 1.5), ("fuel", 1.5), ("tankstelle", 2), ("station-service", 2),
                ("tankstation", 2), ("gasolinera", 2), ("distributore", 1.5),
            ]
        ),
        SubtypeRule(
            type: "receipt",
            subtype: "pharmacy",
            keywords: [
                ("pharmacy", 2), ("apotheke", 2), ("pharmacie", 2), ("apotheek", 2), ("farmacia", 2),
                ("mg", 1), ("tablets", 1), ("tabletten", 1), ("comprimés", 1), ("comprimidos", 1),
                ("compresse", 1), ("ibuprofen", 1.5), ("ibuprofène", 1.5), ("ibuprofeno", 1.5),
                ("ibuprofene", 1.5), ("paracetamol", 1.5), ("vitamin", 1), ("vitamine", 1), ("vitamina", 1),
                ("plasters", 1), ("pflaster", 1), ("pansements", 1), ("pleisters", 1), ("tiritas", 1),
                ("cerotti", 1), ("prescription", 1.5), ("rezept", 1.5), ("ordonnance", 1.5), ("recept", 1.5),
                ("receta", 1.5), ("ricetta", 1.5),
            ]
        ),
        SubtypeRule(
            type: "receipt",
            subtype: "hardware",
            keywords: [
                ("hardware", 1.5), ("baumarkt", 2), ("bricolage", 2), ("bouwmarkt", 2), ("ferretería", 2),
                ("ferramenta", 2), ("screws", 1.5), ("schrauben", 1.5), ("vis", 1), ("schroeven", 1.5),
                ("tornillos", 1.5), ("viti", 1.5), ("dübel", 1.5), ("chevilles", 1.5), ("pluggen", 1.5),
                ("tacos", 1), ("tasselli", 1.5), ("paint", 1), ("farbe", 0.5), ("peinture", 1), ("verf", 1),
                ("pintura", 1), ("vernice", 1), ("brush", 1), ("pinsel", 1.5), ("pinceau", 1.5), ("kwast", 1.5),
                ("pincel", 1.5), ("pennello", 1.5), ("drill", 1), ("bohrer", 1), ("tape measure", 1.5),
                ("maßband", 1.5), ("rolmaat", 1.5), ("cinta métrica", 1.5), ("metro a nastro", 1.5),
            ]
        ),
        SubtypeRule(
            type: "receipt",
            subtype: "hotel",
            keywords: [
                ("hotel", 2), ("room", 1), ("zimmer", 1), ("chambre", 1), ("kamer", 1), ("habitación", 1),
                ("camera", 0.5), ("night", 1), ("nights", 1.5), ("nacht", 1), ("nuit", 1), ("nuits", 1.5),
                ("noche", 1), ("notte", 1), ("check-in", 1.5), ("check-out", 1.5), ("city tax", 1.5),
                ("kurtaxe", 1.5), ("taxe de séjour", 1.5), ("tassa di soggiorno", 1.5),
            ]
        ),
        SubtypeRule(
            type: "contract",
            subtype: "lease",
            keywords: [
                ("lease", 3), ("tenancy", 3), ("landlord", 2), ("tenant", 2), ("rent", 1.5),
                ("mietvertrag", 3), ("vermieter", 2), ("mieter", 2), ("miete", 1.5), ("bail", 3),
                ("bailleur", 2), ("locataire", 2), ("loyer", 1.5), ("huurovereenkomst", 3), ("verhuurder", 2),
                ("huurder", 2), ("huur", 1.5), ("arrendamiento", 3), ("arrendador", 2), ("arrendatario", 2),
                ("alquiler", 1.5), ("renta", 1), ("locazione", 3), ("locatore", 2), ("conduttore", 2),
                ("canone", 1.5),
            ]
        ),
        SubtypeRule(
            type: "contract",
            subtype: "licence",
            keywords: [
                ("licence", 3), ("license", 3), ("licensor", 2), ("licensee", 2), ("lizenz", 3),
                ("lizenzvertrag", 3), ("softwarelizenzvertrag", 3), ("lizenzgeber", 2), ("lizenznehmer", 2),
                ("contrat de licence", 3), ("concédant", 2), ("licencié", 2), ("licentie", 3), ("licentiegever", 2),
                ("licentienemer", 2), ("licencia", 3), ("licenciante", 2), ("licenciatario", 2), ("licenza", 3),
                ("licenziante", 2), ("licenziatario", 2), ("software", 1),
            ]
        ),
        SubtypeRule(
            type: "contract",
            subtype: "employment",
            keywords: [
                ("employment agreement", 3), ("employment contract", 3), ("arbeitsvertrag", 3),
                ("contrat de travail", 3), ("arbeidsovereenkomst", 3), ("contrato de trabajo", 3),
                ("contratto di lavoro", 3), ("employer", 1.5), ("employee", 1.5), ("arbeitgeber", 1.5),
                ("arbeitnehmer", 1.5), ("employeur", 1.5), ("salarié", 1.5), ("werkgever", 1.5),
                ("werknemer", 1.5), ("salary", 1), ("gehalt", 1), ("probation", 1.5), ("probezeit", 1.5),
            ]
        ),
        SubtypeRule(
            type: "contract",
            subtype: "non-disclosure",
            keywords: [
                ("non-disclosure", 3), ("nda", 3), ("confidentiality agreement", 3), ("geheimhaltung", 3),
                ("geheimhaltungsvereinbarung", 3), ("accord de confidentialité", 3),
                ("geheimhoudingsovereenkomst", 3), ("acuerdo de confidencialidad", 3),
                ("accordo di riservatezza", 3), ("confidential information", 2),
            ]
        ),
        SubtypeRule(
            type: "contract",
            subtype: "consulting",
            keywords: [
                ("consulting", 3), ("consultancy", 3), ("beratung", 2), ("beratungsvertrag", 3), ("conseil", 2),
                ("advies", 2), ("consultoría", 3), ("consulenza", 3), ("consultant", 2), ("berater", 2),
            ]
        ),
        SubtypeRule(
            type: "manual",
            subtype: "policy-handbook",
            keywords: [
                ("employee handbook", 3), ("staff handbook", 3), ("mitarbeiterhandbuch", 3),
                ("personalhandbuch", 3), ("manuel de l'employé", 3), ("personeelshandboek", 3),
                ("manual del empleado", 3), ("manuale del dipendente", 3),
                ("règlement intérieur", 3), ("guide de l'employé", 3), ("guide du salarié", 3),
                ("reglamento interno", 3), ("regolamento aziendale", 3), ("regolamento interno", 3),
                ("personeelsgids", 3), ("huishoudelijk reglement", 3), ("manuale del personale", 3), ("policy", 1.5),
                ("policies", 2),
                ("code of conduct", 2), ("richtlinie", 1.5), ("richtlinien", 2), ("verhaltenskodex", 2),
                ("politique", 1.5), ("politiques", 2), ("beleid", 1.5), ("gedragscode", 2), ("política", 1.5),
                ("políticas", 2), ("politica", 1.5), ("politiche", 2), ("employee", 1), ("employees", 1),
                ("mitarbeiter", 1), ("beschäftigten", 1), ("salarié", 1), ("medewerker", 1), ("empleado", 1),
                ("personal", 0.5), ("dipendente", 1), ("leave", 0.5), ("urlaub", 0.5), ("congés", 0.5),
                ("verlof", 0.5), ("vacaciones", 0.5), ("ferie", 0.5),
            ]
        ),
        SubtypeRule(
            type: "manual",
            subtype: "datasheet",
            keywords: [
                ("data sheet", 3), ("datasheet", 3), ("datenblatt", 3), ("produktdatenblatt", 3),
                ("fiche technique", 3), ("productblad", 3), ("productinformatieblad", 3), ("ficha técnica", 3),
                ("scheda tecnica", 3),
                ("fiche produit", 3), ("hoja de datos", 3), ("ficha de producto", 3), ("scheda prodotto", 3),
                ("productfiche", 3), ("technisch informatieblad", 3), ("produktblatt", 3), ("specifications", 1.5),
                ("technische daten", 1.5), ("spécifications", 1.5),
                ("specificaties", 1.5), ("especificaciones", 1.5), ("specifiche", 1.5),
                ("ordering information", 1.5), ("bestellinformationen", 1.5), ("part number", 1),
                ("artikelnummer", 1), ("operating temperature", 1), ("betriebstemperatur", 1),
            ]
        ),
        SubtypeRule(
            type: "manual",
            subtype: "service-manual",
            titleOnly: true,
            keywords: [
                ("service manual", 3), ("servicehandbuch", 3), ("wartungshandbuch", 3), ("manuel d'entretien", 3),
                ("servicehandleiding", 3), ("manual de servicio", 3), ("manuale di servizio", 3),
            ]
        ),
        SubtypeRule(
            type: "manual",
            subtype: "administrator-guide",
            titleOnly: true,
            keywords: [
                ("administrator guide", 3), ("administrator's guide", 3), ("admin guide", 3),
                ("administratorhandbuch", 3), ("guide de l'administrateur", 3),
            ]
        ),
        SubtypeRule(
            type: "manual",
            subtype: "installation-guide",
            titleOnly: true,
            keywords: [
                ("installation guide", 3), ("installationsanleitung", 3), ("guide d'installation", 3),
                ("installatiehandleiding", 3), ("guía de instalación", 3), ("guida all'installazione", 3),
                ("montageanleitung", 3),
            ]
        ),
        SubtypeRule(
            type: "manual",
            subtype: "user-guide",
            titleOnly: true,
            keywords: [
                ("user guide", 3), ("user's guide", 3), ("benutzerhandbuch", 3), ("guide de l'utilisateur", 3),
                ("gebruikershandleiding", 3), ("guía del usuario", 3), ("guida utente", 3),
            ]
        ),
        SubtypeRule(
            type: "manual",
            subtype: "user-manual",
            titleOnly: true,
            keywords: [
                ("user manual", 3), ("owner's manual", 3), ("bedienungsanleitung", 3), ("mode d'emploi", 3),
                ("gebruiksaanwijzing", 3), ("manual del usuario", 3), ("manuale d'uso", 3),
            ]
        ),
        SubtypeRule(
            type: "report",
            subtype: "statistics",
            keywords: [
                ("statistical", 2), ("statistics", 2), ("statistik", 2), ("statistischer", 2), ("statistique", 2),
                ("statistisch", 2), ("estadístico", 2), ("estadística", 2), ("statistico", 2), ("statistica", 2),
                ("census", 2), ("estimates", 1), ("weighted", 1), ("hochgerechnet", 1), ("pondérées", 1),
                ("gewogen", 1), ("ponderadas", 1), ("ponderate", 1), ("sample survey", 1.5),
                ("stichprobe", 1.5), ("sondage", 1.5), ("steekproef", 1.5), ("muestreo", 1.5), ("campionaria", 1.5),
            ]
        ),
        SubtypeRule(
            type: "report",
            subtype: "annual",
            titleOnly: true,
            keywords: [
                ("annual report", 3), ("geschäftsbericht", 3), ("jahresbericht", 3), ("rapport annuel", 3),
                ("jaarverslag", 3), ("informe anual", 3), ("relazione annuale", 3), ("fiscal year", 1.5),
                ("geschäftsjahr", 1.5), ("exercice", 1),
            ]
        ),
        SubtypeRule(
            type: "report",
            subtype: "survey",
            titleOnly: true,
            keywords: [
                ("survey report", 3), ("survey", 1.5), ("umfrage", 2), ("befragung", 2), ("respondents", 2),
                ("befragte", 2), ("répondants", 2), ("respondenten", 2), ("encuestados", 2), ("intervistati", 2),
            ]
        ),
        SubtypeRule(
            type: "report",
            subtype: "technical",
            titleOnly: true,
            keywords: [
                ("technical report", 3), ("technischer bericht", 3), ("rapport technique", 3),
                ("technisch rapport", 3), ("informe técnico", 3), ("rapporto tecnico", 3),
            ]
        ),
        SubtypeRule(type: "report", subtype: "landscape-annex", keywords: [("annex a", 2), ("anhang a", 2)]),
        SubtypeRule(
            type: "form",
            subtype: "membership",
            keywords: [
                ("membership", 3), ("mitgliedschaft", 3), ("mitgliedsantrag", 3), ("adhésion", 3),
                ("lidmaatschap", 3), ("afiliación", 3), ("socio", 1.5), ("iscrizione", 2), ("member", 1),
            ]
        ),
        SubtypeRule(
            type: "invoice",
            subtype: "services",
            keywords: [
                ("hours", 1.5), ("stunden", 1.5), ("heures", 1.5), ("uren", 1.5), ("horas", 1.5), ("ore", 1),
                ("hourly rate", 2), ("stundensatz", 2), ("taux horaire", 2), ("uurtarief", 2),
                ("consulting", 1.5), ("beratung", 1.5), ("services rendered", 2), ("dienstleistung", 1.5),
                ("prestation", 1.5), ("diensten", 1), ("servicios", 1.5), ("servizi", 1.5),
            ]
        ),
    ]

    /// Words that end the title of a manual and say what kind it is, with the word before them.
    static let manualGenres: Set<String> = ["manual", "guide", "handbook", "instructions", "reference", "primer"]

    /// A manual titled "… Installation Handbook" or "… Operating Instructions": the genre and the word before it
    /// (`installation-handbook`), when that word is a word (not a model number such as `X200`).
    static func titleGenre(_ type: String, title: [UInt8]) -> String? {
        guard type == "manual" else { return nil }
        let words = String(decoding: title, as: UTF8.self).split(whereSeparator: { !$0.isLetter && $0 != "-" })
        guard words.count >= 2, let genre = words.last, manualGenres.contains(String(genre)) else { return nil }
        let qualifier = words[words.count - 2]
        guard qualifier.count >= 3, qualifier.allSatisfy(\.isLetter) else { return nil }
        return "\(qualifier)-\(genre)"
    }

    /// The subtype a phrase of the title names; else, for a manual, the genre its title ends with; else the best
    /// subtype of `type` by its words; else a report mostly in tables is `data-tables`; else the type's default.
    static func subtype(
        _ type: String,
        title: [UInt8],
        body: [UInt8],
        index: WordIndex,
        tableShare: Double
    )
        -> String?
    {
        // What the title calls the document decides first: a "User Manual" whose body talks of policies is a user
        // manual, an "Installation Handbook" an installation handbook.
        var named: (subtype: String, score: Double)?
        for rule in subtypeRules where rule.type == type {
            let score = rule.keywords.filter { $0.1 >= 3 && occurrences(of: $0.0, in: title, limit: 1) > 0 }
                .map(\.1).reduce(0, +)
            if score > 0, score > (named?.score ?? 0) { named = (rule.subtype, score) }
        }
        if let named { return named.subtype }
        if let genre = titleGenre(type, title: title) { return genre }
        var best: (subtype: String, score: Double)?
        for rule in subtypeRules where rule.type == type {
            var score = 0.0
            for (keyword, weight) in rule.keywords {
                let inTitle = occurrences(of: keyword, in: title, limit: 1) > 0
                if rule.titleOnly {
                    score += inTitle ? weight * 3 : 0
                    continue
                }
                guard index.mayContain(keyword) else { continue }
                let count = occurrences(of: keyword, in: body, limit: 3)
                guard count > 0 else { continue }
                score += weight * (Double(count) + (inTitle ? 2 : 0))
            }
            if score >= minimumSubtypeScore, score > (best?.score ?? 0) { best = (rule.subtype, score) }
        }
        if let best { return best.subtype }
        if type == "report", tableShare >= dataTablesShare { return "data-tables" }
        return defaultSubtypes[type]
    }
}
