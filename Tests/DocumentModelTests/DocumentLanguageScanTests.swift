import Testing

@testable import DocumentModel

/// The language of words read from a scan: business documents have labels and figures, few sentences, and a
/// reader with English data alone drops the marks (`Fallig`, `Uberweisung`). Texts written for this test.
@Suite("Document language of a scan")
struct DocumentLanguageScanTests {
    static let pages: [(DocumentLanguage, String)] = [
        (.english, "INVOICE 2026-118 Date 3 May 2026 Due 17 May 2026 Description Quantity Price Amount Subtotal Tax"),
        (.german, "RECHNUNG Rechnungsnummer 4471 Fallig am 12.05.2026 Menge Einzelpreis Gesamtbetrag Uberweisung"),
        (.french, "FACTURE N° 2231 Echeance 12/05/2026 Designation Quantite Prix unitaire Montant TVA Total TTC"),
        (.spanish, "FACTURA 7781 Fecha 12/05/2026 Vencimiento Descripcion Cantidad Precio Importe IVA Gracias"),
        (.italian, "FATTURA 5512 Data 12/05/2026 Scadenza Descrizione Quantita Prezzo Importo Totale Grazie"),
        (.dutch, "FACTUUR 9921 Datum 12-05-2026 Vervaldatum Omschrijving Aantal Prijs Bedrag BTW Totaal"),
        (.german, "Kontoauszug Kontoinhaber Zeitraum Wahrung Buchung Verwendungszweck Soll Haben Saldo Seite 1"),
    ]

    @Test("labels tell a business document's language, marks or no marks", arguments: pages)
    func labels(_ expected: DocumentLanguage, _ text: String) {
        #expect(DocumentLanguage.ofScan(words: text.split(separator: " ")) == expected)
        // The same page read with the marks kept tells the same.
        #expect(DocumentLanguage.ofScan(words: text.split(separator: " ").map { $0.lowercased() }) == expected)
    }

    @Test("marks are folded on both sides: für read as fur, Fällig as Fallig")
    func folding() {
        #expect(DocumentLanguage.fold("Fällig") == "fallig")
        #expect(DocumentLanguage.fold("Échéance") == "echeance")
        #expect(DocumentLanguage.fold("Straße") == "strasse")
        #expect(DocumentLanguage.ofScan(words: ["Vielen", "Dank", "fur", "Ihren", "Auftrag"]) == .german)
    }

    @Test("too few words, or two languages as often, tell nothing")
    func undecided() {
        #expect(DocumentLanguage.ofScan(words: ["Rechnung", "4471", "EUR"]) == nil)
        #expect(DocumentLanguage.ofScan(words: "Invoice Amount Due Rechnung Betrag Menge".split(separator: " ")) == nil)
        #expect(DocumentLanguage.ofScan(words: [String]()) == nil)
    }
}
