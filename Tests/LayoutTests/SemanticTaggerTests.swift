import Layout
import Testing

@Suite("Semantic values")
struct SemanticTaggerTests {
    @Test(
        "dates in many formats and languages",
        arguments: [
            ("2024-03-15", "2024-03-15"), ("15.03.2024", "2024-03-15"), ("15/03/2024", "2024-03-15"),
            ("03/15/2024", "2024-03-15"), ("15. März 2024", "2024-03-15"), ("15 March 2024", "2024-03-15"),
            ("March 15, 2024", "2024-03-15"), ("15-Mar-2024", "2024-03-15"), ("12 septembre 2023", "2023-09-12"),
            ("1 de enero 2024", nil), ("29.02.2023", nil), ("2024-13-01", nil),
        ] as [(String, String?)]
    )
    func dates(text: String, expected: String?) {
        let value = SemanticTagger.tag(text)
        #expect(value?.kind == (expected == nil ? value?.kind : "date"))
        #expect((value?.kind == "date" ? value?.normalized : nil) == expected)
    }

    @Test(
        "amounts with locale separators and currencies",
        arguments: [
            ("1.234,56 €", "1234.56", "EUR"), ("$1,234.56", "1234.56", "USD"), ("1 234,56 zł", "1234.56", "PLN"),
            ("CHF 2'269.00", "2269.00", "CHF"), ("EUR 44.95", "44.95", "EUR"), ("£38.48", "38.48", "GBP"),
            ("-234,24", "-234.24", nil), ("1,234", "1234", nil),
        ] as [(String, String, String?)]
    )
    func amounts(text: String, normalized: String, unit: String?) {
        let value = SemanticTagger.tag(text)
        #expect(value?.kind == "amount")
        #expect(value?.normalized == normalized)
        #expect(value?.unit == unit)
    }

    @Test(
        "percentages, e-mails, URLs, IBANs and phone numbers",
        arguments: [
            ("20 %", "percent", "20"), ("8.1%", "percent", "8.1"),
            ("Accounts@Example.org", "email", "accounts@example.org"),
            ("https://example.org/x", "url", "https://example.org/x"),
            ("www.example.org", "url", "https://www.example.org"),
            ("GB70 RQPD 4613 8798 9413 74", "iban", "GB70RQPD46138798941374"),
            ("+49 221 554 8722", "phone", "+492215548722"),
        ]
    )
    func identifiers(text: String, kind: String, normalized: String) {
        let value = SemanticTagger.tag(text)
        #expect(value?.kind == kind)
        #expect(value?.normalized == normalized)
    }

    @Test(
        "unknown text stays untagged",
        arguments: ["F2023-3838", "Student", "PO-216945", "GB70 RQPD 4613 8798 9413 75", "12", ""]
    )
    func untagged(text: String) {
        #expect(SemanticTagger.tag(text) == nil)
    }
}

@Suite("Semantic values with their labels")
struct LabelledSemanticTests {
    @Test(
        "VAT ids, invoice and order numbers, postal codes",
        arguments: [
            ("DE123456789", nil, "vat-id", "DE123456789"), ("ATU12345678", nil, "vat-id", "ATU12345678"),
            ("FR 12 345678901", "TVA intracommunautaire", "vat-id", "FR12345678901"),
            ("29670869006", "VAT/TIN", "vat-id", "29670869006"),
            ("INV-2024-0042", "Invoice No.", "invoice-number", "INV-2024-0042"),
            ("RE-77812", "Rechnungsnummer", "invoice-number", "RE-77812"),
            ("OD304175096047380001", "Order ID", "order-number", "OD304175096047380001"),
            ("10115", "PLZ", "postal-code", "10115"), ("SW1A 1AA", "Postcode", "postal-code", "SW1A 1AA"),
            ("94043-1351", "ZIP", "postal-code", "94043-1351"),
        ] as [(String, String?, String, String)]
    )
    func labelled(text: String, key: String?, kind: String, normalized: String) {
        let value = SemanticTagger.tag(text, key: key)
        #expect(value?.kind == kind)
        #expect(value?.normalized == normalized)
    }

    @Test(
        "without a label saying so, numbers stay untagged or keep their plain kind",
        arguments: [("INV-2024-0042", nil), ("10115", nil), ("15.03.2024", "Invoice date"), ("DE12345", nil)]
            as [(String, String?)]
    )
    func unlabelled(text: String, key: String?) {
        let value = SemanticTagger.tag(text, key: key)
        #expect(value?.kind != "invoice-number" && value?.kind != "postal-code" && value?.kind != "vat-id")
    }
}
