import DocumentModel
import Layout
import Testing

@Suite("Document type")
struct DocumentClassifierTests {
    @Test(
        "types from their wording, in several languages",
        arguments: [
            (
                "Rechnung",
                "Rechnungsnummer INV-2024-1 Datum 1. März 2024 Nettobetrag 100,00 USt 19% Gesamtbetrag 119,00 €",
                "invoice"
            ),
            (
                "Facture", "N° de facture F-12 Échéance 30/03/2024 Montant HT 100,00 TVA 20 % Total TTC 120,00",
                "invoice"
            ),
            (
                "Statement of Account",
                "Account holder J. Smith IBAN GB70 Opening balance 1,000.00 Paid in Paid out Closing balance",
                "statement"
            ),
            (
                "Café Lumière", "Table 4 Server Marie 2 Café crème 3,20 TOTAL 6,40 Paid by card Merci de votre visite",
                "receipt"
            ),
            (
                "Consulting Agreement",
                "This Agreement is made between the parties hereinafter the Supplier and the Customer. Termination. Governing law.",
                "contract"
            ),
            (
                "HydroFlow P-40 Service Manual",
                "1 Installation Warning: disconnect power. Troubleshooting. Maintenance intervals.", "manual"
            ),
            (
                "A Study of Revenue",
                "Abstract. Keywords: revenue. 1 Introduction ... References [1] Smith et al. Journal of Applied Statistics",
                "paper"
            ),
            ("Membership Application Form", "First name Last name Date of birth Signature ☐ Yes ☒ No", "form"),
            (
                "Annual Report 2023",
                "Highlights Revenue increased in the fourth quarter. Outlook for the fiscal year. Results by region.",
                "report"
            ),
        ]
    )
    func types(title: String, text: String, expected: String) {
        let type = DocumentClassifier.classify(title: title, firstPage: title + " " + text, text: title + " " + text)
        #expect(type.type == expected, "\(type.type) \(type.signals)")
        #expect(!type.signals.isEmpty && type.confidence > 0 && type.confidence <= 1)
    }

    /// Other names for the same documents than the second generator's: what other producers title them.
    @Test(
        "statements, receipts, data sheets and staff rules under other names, in six languages",
        arguments: [
            (
                "Extrait de compte", "Solde précédent 1 245,10 Prélèvement 82,40 Carte CB 64,25 Solde au 31/03",
                "statement"
            ),
            ("Estado de cuenta", "Saldo anterior 1.245,10 Recibo luz 82,40 Compra con tarjeta 64,25", "statement"),
            ("Rekeningoverzicht", "Vorig saldo 1.245,10 Incasso energie 82,40 Betaalautomaat 64,25", "statement"),
            (
                "Umsatzübersicht Girokonto", "Saldo alt 1.245,10 Lastschrift 82,40 Kartenzahlung 64,25 Saldo neu",
                "statement"
            ),
            (
                "Lista movimenti", "Saldo precedente 1.245,10 Addebito utenze 82,40 Saldo contabile 3.408,45",
                "statement"
            ),
            (
                "Monthly Statement", "Balance brought forward 1,245.10 Card payment 64.25 Balance carried forward",
                "statement"
            ),
            (
                "Bäckerei Sonnenschein", "Kassenzettel 0815 2 x Brezel 1,80 Summe 5,70 Danke für Ihren Einkauf",
                "receipt"
            ),
            ("Bakkerij De Molen", "Kassaticket 2291 Krentenbol 1,90 Totaal 5,10 Bedankt voor uw aankoop", "receipt"),
            (
                "Panificio Il Forno", "DOCUMENTO COMMERCIALE di vendita 2 Cornetto 2,40 Totale 5,20 Resto 4,80",
                "receipt"
            ),
            ("Fiche produit – Capteur PT-300", "Plage de mesure 0 à 10 bar Alimentation 24 V", "manual"),
            ("Hoja de datos – Sensor PT-300", "Rango de medida 0 a 10 bar Alimentación 24 V", "manual"),
            ("Règlement intérieur", "Article 1 Horaires de travail. Article 2 Congés. Article 3 Sécurité.", "manual"),
            ("Personeelsgids", "1. Werktijden 2. Verlof 3. Veiligheid", "manual"),
            (
                "Bill", "Bill No. 5531 Labour 135.00 VAT 20% 35.50 Amount payable 213.00 Please pay within 14 days",
                "invoice"
            ),
            ("Honorarnote", "Nr. 2024/118 Beratung 900,00 20 % USt 180,00 Zu zahlen 1.080,00", "invoice"),
            ("Note d'honoraires", "Conseil juridique 900,00 TVA 20 % 180,00 Net à payer 1 080,00 €", "invoice"),
            (
                "Relevé d'opérations", "Prélèvement EDF -82,40 Virement salaire +2 310,00 Nouveau solde créditeur",
                "statement"
            ),
            ("Movimientos de la cuenta", "Recibo luz -82,40 Nómina +2.310,00 Pago con tarjeta -64,25", "statement"),
            (
                "Betriebsanleitung", "Wasserkocher BK-20 1. Behälter füllen 2. Schalter drücken Achtung: nicht tauchen",
                "manual"
            ),
            ("Guía rápida", "Hervidor eléctrico 1. Llene el depósito 2. Pulse el interruptor Advertencia", "manual"),
            ("CORNER CAFE", "1 Flat white 3.20 1 Bacon roll 4.50 TOTAL 7.70 VISA CONTACTLESS 7.70", "receipt"),
            ("Tankstelle Süd", "Säule 4 Super E10 42,31 l Betrag 78,23 EUR girocard 78,23 MwSt 19%", "receipt"),
            (
                "Technische Information", "Drucksensor PT-300 Messbereich 0 bis 10 bar Betriebstemperatur 85 °C",
                "manual"
            ),
            ("Parcella", "N. 45/2024 Consulenza contrattuale 900,00 IVA 22% 205,92 Totale 1.141,92", "invoice"),
            (
                "Accordo di fornitura",
                "Tra Rossi S.p.A. e Bianchi S.r.l. Art. 2 Durata 24 mesi Foro competente Milano", "contract"
            ),
        ]
    )
    func otherNames(title: String, text: String, expected: String) {
        types(title: title, text: text, expected: expected)
    }

    @Test(
        "software documentation is a manual; section words count as headings only; words other types use too decide nothing alone; a naming word also ends a compound",
        arguments: [
            (
                "grep",
                "NAME\ngrep - print lines that match patterns\nSYNOPSIS\ngrep [OPTION...] PATTERNS [FILE...]\n"
                    + "DESCRIPTION\ngrep searches for PATTERNS in each FILE. The server may change the table.\n"
                    + "EXIT STATUS\nNormally the exit status is 0 if a line is selected.\nSEE ALSO\nsed(1)",
                "manual"
            ),
            (
                "Libtasn1",
                "Abstract Syntax Notation One (ASN.1) library, version 4.19\nThis manual is for the library.\n"
                    + "Usage: asn1Parser [OPTION] FILE\nThe abstract syntax of the keywords is given below.",
                "manual"
            ),
            (
                "Shared MIME-info Database",
                "This is version 0.21 of the Shared MIME-info Database specification.\n"
                    + "application/pdf application/x-tar application/zip\nThe specification defines the format.",
                "manual"
            ),
            (
                "On Tracing",
                "University of Nowhere\nAbstract\nWe trace loops.\nKeywords: tracing, JIT\n1 Introduction\n"
                    + "References\n[1] A. Smith et al. Journal of Compilers, doi:10.1/x",
                "paper"
            ),
            (
                "The Crazy Ones", "Here's to the crazy ones. They change things. They push the human race forward.",
                "unknown"
            ),
            (
                "Adjusted Baseline by Category",
                "Outlays in billions. Subtotal, defense 699 709. Subtotal, other 120 130.",
                "unknown"
            ),
            (
                "Personeelshandboek",
                "Beleid en procedures. 1 Werktijden. Iedere medewerker volgt de regels over werktijden.", "manual"
            ),
            (
                "Mitarbeiterhandbuch", "Richtlinien und Verfahren. 1 Arbeitszeit. Jeder Mitarbeiter folgt den Regeln.",
                "manual"
            ),
            (
                "Data formats",
                "Data comes in the form of records; each has the form of a table, sent as application/json.",
                "unknown"
            ),
        ]
    )
    func ownWording(title: String, text: String, expected: String) {
        let type = DocumentClassifier.classify(title: title, firstPage: title + "\n" + text, text: title + "\n" + text)
        #expect(type.type == expected, "\(type.type) \(type.signals)")
    }

    @Test(
        "types and subtypes in six languages, from titles and labels",
        arguments: [
            (
                "Estratto conto", "Intestatario del conto Saldo iniziale 1.000,00 Bonifico Saldo finale 900,00",
                "statement", "bank-statement"
            ),
            (
                "Relevé de carte de crédit", "Numéro de carte **** 4411 Paiement minimum 35,00 Nouveau solde 700,00",
                "statement", "credit-card-statement"
            ),
            (
                "Kassabon", "Kassa 3 Benzine Euro 95 Pomp 4 68,20 Betaald met pinpas Bedankt voor uw bezoek",
                "receipt", "fuel"
            ),
            (
                "Ticket de compra", "Farmacia Central Paracetamol 1 g comprimidos 2,50 Total 2,50 Efectivo",
                "receipt", "pharmacy"
            ),
            (
                "Contrato de arrendamiento", "El arrendador y el arrendatario acuerdan la renta mensual. Cláusula 1",
                "contract", "lease"
            ),
            (
                "Contratto di licenza", "Il licenziante concede al licenziatario la licenza d'uso. Articolo 2 Recesso",
                "contract", "licence"
            ),
            (
                "Mitarbeiterhandbuch", "Richtlinien für alle Mitarbeiter: Arbeitszeit, Urlaub, Verhaltenskodex",
                "manual", "policy-handbook"
            ),
            (
                "Fiche technique", "Spécifications Tension d'alimentation 24 V Références de commande", "manual",
                "datasheet"
            ),
            (
                "Informe estadístico", "Resumen Resultados Metodología Estimaciones de la encuesta estadística",
                "report", "statistics"
            ),
            (
                "Factuur", "Factuurnummer 2024-17 Vervaldatum 01-03-2024 Subtotaal 100,00 btw 21% Totaal 121,00",
                "invoice", "standard"
            ),
            // What the title calls a manual outweighs what its body talks about (a firewall's policies).
            (
                "NetGate X200 User Manual",
                "1 Installation Warning: disconnect power. Firewall policy, policies per zone, policy order.",
                "manual", "user-manual"
            ),
            (
                "NetGate X200 Installation Handbook",
                "1 Installation Warning: disconnect power. Firewall policy, policies per zone, policy order.",
                "manual", "installation-handbook"
            ),
            (
                "Kassenbon", "Bon-Nr. 4411 Kasse 2 Notizblock 2,50 Kugelschreiber 1,20 Summe 3,70 Bar bezahlt",
                "receipt", "retail"
            ),
        ]
    )
    func multilingual(title: String, text: String, type: String, subtype: String) {
        let found = DocumentClassifier.classify(title: title, firstPage: title + " " + text, text: title + " " + text)
        #expect(
            found.type == type && found.subtype == subtype,
            "\(found.type)/\(found.subtype ?? "-") \(found.signals)"
        )
    }

    @Test("text without evidence stays unknown")
    func unknown() {
        let type = DocumentClassifier.classify(
            title: nil,
            firstPage: "Lorem ipsum dolor sit amet.",
            text: "Lorem ipsum dolor sit amet."
        )
        #expect(type.type == "unknown" && type.confidence == 0)
    }

    @Test("subtypes where the wording says so")
    func subtypes() {
        let guide = DocumentClassifier.classify(
            title: "Payroll Suite User Guide",
            firstPage: "User Guide manual",
            text: "user guide manual installation"
        )
        #expect(guide.type == "manual" && guide.subtype == "user-guide")
        let bank = DocumentClassifier.classify(
            title: nil,
            firstPage: "Kontoauszug",
            text: "Kontoauszug Kontoinhaber Anfangssaldo Endsaldo"
        )
        #expect(bank.type == "statement" && bank.subtype == "bank-statement")
    }
}
