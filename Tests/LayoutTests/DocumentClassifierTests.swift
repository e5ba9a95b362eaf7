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
