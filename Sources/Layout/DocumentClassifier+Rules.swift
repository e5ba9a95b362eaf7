extension DocumentClassifier {
    /// A document type and the words that speak for it, in English, German, French, Dutch, Spanish and Italian.
    /// Weights: 3–4 for a word that names the type ("Rechnung", "estratto conto"), 2 for labels only that type
    /// prints ("closing balance", "bill to"), 1 or less for words other types use too.
    struct Rule {
        var type: String
        var keywords: [(String, Double)]
        /// Whether words other types use too count only beside a word that names the type or a label only it
        /// prints: true for every type but the report, which often names itself nowhere.
        var needsOwnWord = true
    }

    static let rules: [Rule] = [
        Rule(
            type: "invoice",
            keywords: [
                ("invoice", 3), ("tax invoice", 3), ("rechnung", 3), ("facture", 3), ("factuur", 3), ("fattura", 3),
                ("factura", 3), ("invoice no", 3), ("invoice number", 3), ("invoice date", 3),
                ("rechnungsnummer", 3), ("rechnungs-nr", 3), ("rechnungsdatum", 3), ("n° de facture", 3),
                ("numéro de facture", 3), ("date de facture", 3), ("factuurnummer", 3), ("factuurdatum", 3),
                ("número de factura", 3), ("n.º de factura", 3), ("fecha de factura", 3), ("numero fattura", 3),
                ("data fattura", 3), ("fattura n", 3), ("faktura", 3),
                ("amount due", 2), ("total due", 2), ("balance due", 2), ("payment due", 2), ("due date", 1.5),
                ("subtotal", 1.5), ("zwischensumme", 1.5), ("sous-total", 1.5), ("subtotaal", 1.5),
                ("imponibile", 1.5), ("base imponible", 1.5), ("nettobetrag", 1), ("montant ht", 1),
                ("total ttc", 1.5), ("gesamtbetrag", 1), ("te betalen", 1.5), ("à payer", 1), ("da pagare", 1),
                ("fällig", 1.5), ("échéance", 1.5), ("vervaldatum", 1.5), ("vencimiento", 1.5), ("scadenza", 1.5),
                ("bill to", 2), ("rechnungsempfänger", 2), ("facturé à", 2), ("factuuradres", 2),
                ("facturar a", 2), ("intestatario", 0.5), ("customer number", 1), ("kundennummer", 1),
                ("n° client", 1), ("klantnummer", 1), ("vat", 1), ("ust", 1), ("mwst", 1), ("tva", 1), ("btw", 1),
                ("iva", 1), ("unit price", 1), ("einzelpreis", 1), ("prix unitaire", 1), ("precio unitario", 1),
                ("prezzo unitario", 1),
            ]
        ),
        Rule(
            type: "receipt",
            keywords: [
                ("receipt", 3), ("sales receipt", 3), ("kassenbon", 3), ("kassenbeleg", 3), ("kassabon", 3),
                ("ticket de caisse", 3), ("ticket de compra", 3), ("scontrino", 3), ("quittung", 2), ("reçu", 2),
                ("recibo", 2), ("ricevuta", 2), ("bon-nr", 2), ("bonnummer", 2), ("ticket", 1.5), ("bon n°", 2),
                ("cashier", 2), ("caisse", 2), ("kasse", 2), ("kassa", 2), ("caja", 1.5), ("cassa", 1.5),
                ("change", 1), ("rückgeld", 2), ("wisselgeld", 2), ("rendu", 1), ("cambio", 1), ("resto", 1),
                ("thank you for your visit", 3), ("thank you for shopping", 3), ("merci de votre visite", 3),
                ("vielen dank für ihren einkauf", 3), ("vielen dank für ihren besuch", 3),
                ("bedankt voor uw bezoek", 3), ("gracias por su compra", 3), ("gracias por su visita", 3),
                ("grazie per l'acquisto", 3), ("grazie e arrivederci", 3),
                ("table", 1), ("server", 1), ("tip", 1), ("card payment", 1), ("paid by card", 2),
                ("kartenzahlung", 2), ("barzahlung", 2), ("payé par carte", 2), ("carte bancaire", 2),
                ("betaald met pinpas", 2), ("pinbetaling", 2), ("pagado con tarjeta", 2), ("pagato con carta", 2),
                ("efectivo", 1), ("contanti", 1), ("bar", 0.5),
            ]
        ),
        Rule(
            type: "statement",
            keywords: [
                ("statement of account", 4), ("account statement", 4), ("bank statement", 4),
                ("credit card statement", 4), ("card statement", 3), ("kontoauszug", 4),
                ("kreditkartenabrechnung", 4), ("relevé de compte", 4), ("relevé de carte", 4),
                ("rekeningafschrift", 4), ("creditcardoverzicht", 4), ("extracto de cuenta", 4),
                ("extracto de tarjeta", 4), ("estratto conto", 4),
                ("opening balance", 3), ("closing balance", 3), ("new balance", 2), ("previous balance", 2),
                ("anfangssaldo", 3), ("endsaldo", 3), ("alter kontostand", 3), ("neuer kontostand", 3),
                ("neuer saldo", 2), ("solde initial", 3), ("solde final", 3), ("nouveau solde", 2),
                ("ancien solde", 2), ("beginsaldo", 3), ("eindsaldo", 3), ("nieuw saldo", 2),
                ("saldo inicial", 3), ("saldo final", 3), ("nuevo saldo", 2), ("saldo iniziale", 3),
                ("saldo finale", 3), ("nuovo saldo", 2), ("minimum payment", 2), ("credit limit", 2),
                ("mindestbetrag", 1.5), ("kreditrahmen", 1.5), ("paiement minimum", 2), ("plafond", 1),
                ("kredietlimiet", 2), ("pago mínimo", 2), ("límite de crédito", 2), ("pagamento minimo", 2),
                ("limite di credito", 2), ("statement period", 2), ("statement date", 2),
                ("paid in", 1.5), ("paid out", 1.5), ("account holder", 2), ("kontoinhaber", 2), ("titulaire", 2),
                ("rekeninghouder", 2), ("titular", 1), ("cardholder", 2), ("karteninhaber", 2),
                ("statement no", 2), ("auszug", 1), ("buchungstag", 2), ("wertstellung", 1.5), ("valuta", 1),
                ("soll", 0.5), ("haben", 0.5), ("débit", 0.5), ("crédit", 0.5), ("balance", 0.5), ("saldo", 0.5),
            ]
        ),
        Rule(
            type: "contract",
            keywords: [
                ("agreement", 3), ("contract", 2.5), ("vertrag", 3), ("contrat", 3), ("overeenkomst", 3),
                ("contrato", 3), ("contratto", 3), ("the parties", 2.5), ("die parteien", 2.5),
                ("les parties", 2.5), ("partijen", 2), ("las partes", 2.5), ("le parti", 2.5),
                ("hereinafter", 2), ("nachfolgend", 1.5), ("ci-après", 1.5), ("hierna", 1.5),
                ("en adelante", 1.5), ("di seguito", 1), ("termination", 1.5), ("terminate", 1),
                ("kündigung", 1.5), ("résiliation", 1.5), ("opzegging", 1.5), ("beëindiging", 1.5),
                ("resolución", 1), ("rescisión", 1.5), ("recesso", 1.5), ("governing law", 2),
                ("confidentiality", 1.5), ("in witness whereof", 3), ("§", 1), ("clause", 1), ("cláusula", 1),
                ("article", 0.5), ("artikel", 0.5), ("articolo", 0.5), ("effective date", 1.5),
                ("landlord", 2), ("tenant", 1.5), ("vermieter", 2), ("mieter", 1.5), ("bailleur", 2),
                ("locataire", 1.5), ("verhuurder", 2), ("huurder", 1.5), ("arrendador", 2), ("arrendatario", 2),
                ("locatore", 2), ("conduttore", 2), ("licensor", 2), ("licensee", 2), ("lizenzgeber", 2),
                ("lizenznehmer", 2), ("concédant", 2), ("licencié", 1.5), ("licentiegever", 2),
                ("licentienemer", 2), ("licenciante", 2), ("licenciatario", 2), ("licenziante", 2),
                ("licenziatario", 2), ("employer", 1), ("arbeitgeber", 1.5), ("employeur", 1.5),
                ("werkgever", 1.5), ("empleador", 1.5), ("datore di lavoro", 1.5),
            ]
        ),
        Rule(
            type: "manual",
            keywords: [
                ("manual", 3), ("user guide", 3), ("handbook", 3), ("handbuch", 3), ("bedienungsanleitung", 3),
                ("anleitung", 2), ("handleiding", 3), ("handboek", 3), ("gebruiksaanwijzing", 3), ("manuel", 3),
                ("mode d'emploi", 3), ("guide de l'utilisateur", 3), ("manual del usuario", 3),
                ("instrucciones", 2), ("manuale", 3), ("istruzioni", 2), ("guida", 1.5),
                ("guide", 1.5), ("installation", 1), ("installing", 1), ("configure", 1), ("configuring", 1),
                ("troubleshooting", 2), ("fehlerbehebung", 2), ("dépannage", 2), ("maintenance", 1),
                ("wartung", 1), ("warning", 1), ("caution", 1), ("warnung", 1), ("avertissement", 1),
                ("step", 0.5), ("settings", 0.5), ("restart", 0.5),
                ("policy", 1.5), ("policies", 2), ("code of conduct", 2), ("richtlinie", 1.5),
                ("richtlinien", 2), ("politique", 1.5), ("politiques", 2), ("beleid", 1.5), ("política", 1.5),
                ("políticas", 2), ("politica", 1.5), ("politiche", 2), ("procedures", 1), ("verfahren", 1),
                ("procédures", 1), ("procedimientos", 1), ("procedure", 1),
                ("data sheet", 3), ("datasheet", 3), ("datenblatt", 3), ("produktdatenblatt", 3),
                ("fiche technique", 3), ("productblad", 3), ("productinformatieblad", 3), ("ficha técnica", 3),
                ("scheda tecnica", 3), ("specifications", 1.5), ("technische daten", 2), ("spécifications", 1.5),
                ("specificaties", 1.5), ("especificaciones", 1.5), ("specifiche", 1.5), ("ordering information", 2),
                ("bestellinformationen", 2), ("informations de commande", 2), ("references de commande", 1.5),
                ("bestelinformatie", 2), ("información de pedido", 2), ("informazioni per l'ordine", 2),
                // Software documentation: manual pages, references and specifications.
                ("synopsis", 3), ("exit status", 2), ("see also", 1), ("command line", 2), ("command-line", 2),
                ("befehlszeile", 2), ("kommandozeile", 2), ("ligne de commande", 2), ("opdrachtregel", 2),
                ("línea de comandos", 2), ("riga di comando", 2), ("specification", 2), ("spezifikation", 2),
                ("spécification", 2), ("specificatie", 2), ("especificación", 2), ("specifica", 1.5),
                ("documentation", 2), ("dokumentation", 2), ("documentatie", 2), ("documentación", 2),
                ("documentazione", 2), ("options", 1), ("usage", 1), ("api reference", 3), ("class reference", 3),
                ("api-referenz", 3), ("référence de l'api", 3), ("api-referentie", 3), ("referencia de la api", 3),
                ("riferimento api", 3), ("detailed description", 2),
            ]
        ),
        Rule(
            type: "report",
            keywords: [
                ("report", 2.5), ("bericht", 2.5), ("rapport", 2.5), ("verslag", 2.5), ("informe", 2.5),
                ("rapporto", 2.5), ("relazione", 2), ("annual", 1.5), ("summary", 1), ("zusammenfassung", 1),
                ("synthèse", 1), ("samenvatting", 1), ("resumen", 1), ("sintesi", 1), ("results", 1),
                ("ergebnisse", 1), ("résultats", 1), ("resultaten", 1), ("resultados", 1), ("risultati", 1),
                ("outlook", 1.5), ("ausblick", 1.5), ("perspectives", 1), ("revenue", 1), ("quarter", 1),
                ("fiscal", 1), ("highlights", 1.5), ("survey", 1.5), ("umfrage", 1.5), ("erhebung", 1.5),
                ("enquête", 1.5), ("encuesta", 1.5), ("indagine", 1.5), ("annex", 1.5), ("anhang", 1),
                ("annexe", 1), ("bijlage", 1), ("anexo", 1), ("allegato", 1),
                ("statistical", 2), ("statistics", 2), ("statistik", 2), ("statistisch", 2), ("statistischer", 2),
                ("statistique", 2), ("estadístico", 2), ("estadística", 2), ("statistico", 2), ("statistica", 2),
                ("methodology", 1.5), ("methodik", 1.5), ("méthodologie", 1.5), ("metodología", 1.5),
                ("metodologia", 1.5), ("estimates", 1), ("percent", 0.5), ("table", 0.5), ("figures", 0.5),
                ("tabelle", 0.5), ("tableau", 0.5), ("tabel", 0.5), ("tabla", 0.5), ("tabella", 0.5),
            ],
            needsOwnWord: false
        ),
        Rule(
            type: "paper",
            keywords: [
                ("abstract", 3), ("keywords", 2.5), ("references", 2), ("et al", 2), ("doi", 2), ("journal", 1.5),
                ("university", 1.5), ("universität", 1.5), ("université", 1.5), ("universiteit", 1.5),
                ("universidad", 1.5), ("università", 1.5), ("conclusion", 1), ("methodology", 1),
                ("preprint", 2), ("arxiv", 2), ("proceedings", 1.5), ("bibliography", 1.5),
                ("literaturverzeichnis", 2), ("bibliographie", 1.5), ("riassunto", 1.5), ("résumé", 1),
            ]
        ),
        Rule(
            type: "form",
            keywords: [
                ("form", 2), ("formular", 2.5), ("formulaire", 2.5), ("formulier", 2.5), ("formulario", 2.5),
                ("modulo", 2), ("application", 1.5), ("antrag", 2), ("aanvraag", 2), ("solicitud", 2),
                ("domanda", 1.5), ("please fill", 2), ("bitte ausfüllen", 2), ("à remplir", 2),
                ("date of birth", 2), ("geburtsdatum", 2), ("date de naissance", 2), ("geboortedatum", 2),
                ("fecha de nacimiento", 2), ("data di nascita", 2), ("signature", 1.5), ("unterschrift", 1.5),
                ("handtekening", 1.5), ("firma", 1), ("☐", 2), ("☒", 2), ("membership", 1.5),
                ("mitgliedschaft", 1.5), ("first name", 1.5), ("last name", 1.5), ("vorname", 1.5),
                ("nachname", 1.5), ("prénom", 1.5), ("voornaam", 1.5), ("nombre", 1), ("cognome", 1.5),
            ]
        ),
    ]
}
