import Testing

import DocumentModel
@testable import Skills

@Suite("Document language")
struct DocumentLanguageTests {
    /// Two or three ordinary sentences per language (written for this test, not from a corpus).
    static let samples: [(DocumentLanguage, String)] = [
        (
            .english,
            "The tenant shall pay the rent for each month in advance and keep the rooms clean. Repairs that are needed "
                + "by ordinary wear are made by the landlord, which bears the cost of them. Notice is given in writing "
                + "and the deposit is returned with interest from the bank."
        ),
        (
            .german,
            "Der Mieter zahlt die Miete für jeden Monat im Voraus und hält die Räume sauber. Reparaturen, die durch "
                + "normale Abnutzung nötig sind, trägt der Vermieter, der sich um den Handwerker kümmert. Die Kündigung "
                + "ist nicht mündlich möglich, sie wird mit einem Brief auf dem Postweg erklärt und das ist eine Pflicht."
        ),
        (
            .french,
            "Le locataire paie le loyer pour chaque mois à l'avance et garde les pièces propres. Les réparations dues "
                + "à l'usure normale sont à la charge du bailleur, qui choisit l'artisan avec soin. Le préavis est "
                + "donné par écrit et le dépôt est rendu aux locataires dans un délai qui ne dépasse pas deux mois."
        ),
        (
            .spanish,
            "El inquilino paga el alquiler de cada mes por adelantado y mantiene las habitaciones limpias. Las "
                + "reparaciones por el uso normal corren por cuenta del propietario, como establece este contrato. El "
                + "aviso se da por escrito y la fianza se devuelve hasta dos meses después, también para los garajes."
        ),
        (
            .italian,
            "Il conduttore paga il canone per ogni mese in anticipo e tiene puliti gli ambienti. Le riparazioni "
                + "dovute all'uso normale sono a carico del locatore, che sceglie anche l'artigiano. La disdetta è data "
                + "per iscritto e il deposito degli inquilini è restituito nel termine di due mesi della fine."
        ),
        (
            .dutch,
            "De huurder betaalt de huur voor elke maand vooraf en houdt de kamers schoon. Reparaties door normaal "
                + "gebruik zijn voor rekening van de verhuurder, die ook de vakman kiest. De opzegging wordt schriftelijk "
                + "gedaan en de borg wordt binnen twee maanden terugbetaald aan de huurder, dat is niet anders bij een kamer."
        ),
    ]

    @Test("ordinary prose is told apart in each language", arguments: samples)
    func language(_ expected: DocumentLanguage, _ text: String) {
        #expect(DocumentLanguage.of(words: text.lowercased().split(whereSeparator: { !$0.isLetter })) == expected)
    }

    @Test("too little text, or two languages mixed evenly, tells nothing")
    func undecided() {
        func of(_ text: String) -> DocumentLanguage? {
            DocumentLanguage.of(words: text.lowercased().split(whereSeparator: { !$0.isLetter }))
        }
        #expect(of("Invoice 42, total 19.99 EUR, due 2026-12-01") == nil)
        #expect(of(Self.samples[0].1 + " " + Self.samples[1].1) == nil)
        // Placeholder Latin shares "et" and "est" with French.
        let filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor ut labore et "
        #expect(of(String(repeating: filler + "dolore magna aliqua est. ", count: 4)) == nil)
    }
}
