/// The words that set a document apart: frequent in it, rare in ordinary text. Ordinary text is a built-in list of
/// the commonest words of the languages the engine reads, so that "the", "und", "pour" or "total" never make a
/// document distinctive, while "TraceMonkey", "Netpresse" or "franchisees" do.
enum KeyTerms {
    /// Up to `count` terms of `items`, most distinctive first, skipping those in `known` (lowercased).
    static func top(_ items: [OutlineItem], count: Int, known: Set<String>) -> [String] {
        var pieces: [(text: String, isName: Bool, isProse: Bool)] = []
        for item in items {
            switch item {
            case .title(let text, _), .heading(let text, _, _): pieces.append((text, true, false))
            case .paragraph(let text, _), .listItem(let text, _, _, _): pieces.append((text, false, true))
            case .keyValue(let key, let value, _): pieces += [(key, false, false), (value, false, false)]
            case .table(let table, _):
                pieces.append((table.columns.joined(separator: " "), true, false))
                for row in table.rows.prefix(50) { pieces.append((row.joined(separator: " "), false, false)) }
            }
        }
        return top(pieces, count: count, known: known)
    }

    /// Up to `count` terms of plain text (a skill's Markdown, as QA reads it).
    static func top(text: String, count: Int, known: Set<String>) -> [String] {
        top([(text, false, true)], count: count, known: known)
    }

    private static func top(
        _ pieces: [(text: String, isName: Bool, isProse: Bool)],
        count: Int,
        known: Set<String>
    ) -> [String] {
        var counts: [String: (count: Int, first: Int, surface: String, named: Int)] = [:]
        var position = 0
        func add(_ text: String, isName: Bool, isProse: Bool) {
            // In prose a capital opens every sentence; in a table cell or a value it marks a name.
            var sentenceStart = isProse
            for token in text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
                // What follows the token decides whether the next one opens a sentence.
                let after = text[token.endIndex...].first { !$0.isWhitespace }
                defer { sentenceStart = isProse && (after.map { ".!?:".contains($0) } ?? true) }
                var word = Substring(token)
                while word.first == "-" { word = word.dropFirst() }
                while word.last == "-" { word = word.dropLast() }
                guard word.count >= 3, word.count <= 40, word.contains(where: \.isLetter) else { continue }
                let key = word.lowercased()
                guard !common.contains(key), !known.contains(key) else { continue }
                position += 1
                var entry = counts[key] ?? (0, position, String(word), 0)
                entry.count += 1
                // A capital inside a sentence marks a name (of a product, a party, a place); every sentence's
                // first word has one.
                if isName || word.first?.isUppercase == true && !sentenceStart { entry.named += 1 }
                counts[key] = entry
            }
        }
        for piece in pieces { add(piece.text, isName: piece.isName, isProse: piece.isProse) }
        let scored = counts.values.filter { $0.count >= 2 || $0.named >= 1 }.map { entry -> (Double, Int, String) in
            let nameBonus = entry.named * 2 >= entry.count ? 2.0 : 1.0
            return (Double(entry.count).squareRoot() * nameBonus, entry.first, entry.surface)
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.prefix(count).map(\.2)
    }

    /// The commonest words of English, German, French, Spanish, Dutch and Italian, and the words every report,
    /// invoice or manual uses, lowercased.
    static let common: Set<String> = Set(
        """
        the and for are but not you all any can had her was one our out day get has him his how man new now old see
        two way who boy did its let put say she too use that with this from they will have been were which their what
        there when your can said each she them then these some would make like into time has look more write number
        other about many than first water been call who oil its now find long down day did get come made may part
        also after between both under over such only other most than more must should could per very where while
        shall upon within without above below each page pages table tables total figure section chapter part see
        der die das und den dem des ein eine einer eines einem nicht mit von auf für ist im dem sich auch als noch
        wie bei oder aus nach wird sind werden zum zur über unter vor durch kann können muss sowie diese dieser
        dieses wenn nur ihre seine seite tabelle sei seien dann gilt heißt heisst siehe gibt also dass daher wurde
        sowie damit haben hat wir ihr sie man alle jede jeder jedes kein keine nach hier dort dazu sehr schon mehr
        folgt gelten ohne gegen bereits beim vom eines ihm ihn
        les des une pour dans par sur est que qui pas plus avec sont aux son ses leur leurs cette ces été être
        tout tous mais comme ont aussi entre sous sans vous nous elle ils peut page tableau votre vos notre nos
        ainsi donc alors très fait faire avoir dont lors selon chaque ceux celle celui même autres
        los las una por para con del que como más pero sus este esta estos estas son entre sobre sin también hay
        ser han fue muy cada página tabla desde hasta cuando donde según otros otras todo todos
        het een van voor met zijn niet aan ook als bij dat deze die door naar nog onder over tot uit wordt worden
        kan maar meer hun pagina tabel
        che per con del della delle dei degli una sono non come più anche alla alle nel nella tra sul pagina
        tabella
        must may might shall should would could can cannot does done doing being having whose whom why yes
        every any some such same own just than then thus therefore however also again always never here there
        müssen müsste dürfen darf soll sollen sollte sollten wurden worden würde würden kann könnte einem einen
        ihrem ihren ihres unserer unsere unser euch bitte jedoch sowohl weder noch zwischen innerhalb während
        doit doivent peut peuvent sera seront était étaient avait avaient être avoir fait cette cet celui celle
        dès après avant pendant depuis jusqu entre chez lorsque quand aucun aucune autre autres
        debe deben puede pueden está están estar será serán sido tiene tienen tener hacer hace sus nos les del
        ante bajo tras durante mediante cualquier ningún ninguna otro otra mismo misma cual cuales
        dit deze die dat wat wie waar hoe komen komt kunnen moet moeten mag mogen zal zullen heeft hebben werd
        wel geen alle elke iedere ieder omdat zoals volgens tussen binnen zonder tegen hier daar zich onze uw
        essere sono stato stata stati state deve devono può possono viene vengono hanno abbiamo fare fatto
        ogni questo questa questi queste quello quella quelli quelle dal dalla dagli dai nei negli sulla sugli
        loro suo sua suoi sue dove quando ancora già molto tutti tutte tutto altri altre secondo fino presso
        senza sotto sopra dopo prima
        """.split(whereSeparator: \.isWhitespace).map(String.init)
    )
}
