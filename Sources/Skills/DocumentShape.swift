import DocumentModel

/// What a task usually asks of a document of a given type — a contract's parties, term and termination, a paper's
/// method and results, a manual's safety notes — found under the document's own headings and put at the top of
/// SKILL.md ("At a glance"), so the answer is in the skill an agent opens, not only in a reference file.
enum DocumentShape {
    /// One thing a task asks about, and the heading words (slug fragments, in the languages the engine reads) that
    /// introduce it.
    struct Aspect {
        var label: String
        var keys: [String]
    }

    static func aspects(for type: String) -> [Aspect] {
        switch type {
        case "contract":
            [
                Aspect(label: "Parties", keys: ["parties", "vertragsparteien", "parteien", "contractants", "partes"]),
                Aspect(label: "Subject", keys: ["subject", "scope", "gegenstand", "objet", "objeto", "onderwerp"]),
                Aspect(
                    label: "Term",
                    keys: ["term", "duration", "laufzeit", "dauer", "duree", "vigencia", "looptijd"]
                ),
                Aspect(
                    label: "Payment",
                    keys: ["payment", "fees", "price", "compensation", "zahlung", "verguetung", "paiement", "pago"]
                ),
                Aspect(
                    label: "Obligations",
                    keys: ["obligations", "duties", "pflichten", "obligaciones", "verplichtingen"]
                ),
                Aspect(
                    label: "Termination",
                    keys: ["termination", "kuendigung", "resiliation", "terminacion", "beeindiging", "opzegging"]
                ),
                Aspect(
                    label: "Governing law",
                    keys: ["governing-law", "applicable-law", "jurisdiction", "gerichtsstand", "recht", "droit", "ley"]
                ),
            ]
        case "paper":
            [
                Aspect(
                    label: "Contribution",
                    keys: ["abstract", "contribution", "zusammenfassung", "resume", "resumen"]
                ),
                Aspect(label: "Method", keys: ["method", "approach", "design", "methode", "methodik", "metodo"]),
                Aspect(
                    label: "Results",
                    keys: ["result", "evaluation", "experiment", "findings", "ergebnisse", "resultat"]
                ),
                Aspect(label: "Conclusion", keys: ["conclusion", "discussion", "fazit", "schluss", "conclusie"]),
            ]
        case "manual":
            [
                Aspect(
                    label: "Safety",
                    keys: ["safety", "warning", "caution", "sicherheit", "securite", "seguridad", "veiligheid"]
                ),
                Aspect(
                    label: "Installation",
                    keys: ["installation", "setup", "getting-started", "inbetriebnahme", "mise-en-service"]
                ),
                Aspect(
                    label: "Troubleshooting",
                    keys: ["troubleshooting", "problem", "fehlerbehebung", "stoerung", "depannage", "probleme"]
                ),
                Aspect(label: "Maintenance", keys: ["maintenance", "wartung", "pflege", "entretien", "mantenimiento"]),
            ]
        case "report":
            [
                Aspect(
                    label: "Summary",
                    keys: ["summary", "key-findings", "highlights", "zusammenfassung", "synthese", "resumen"]
                ),
                Aspect(label: "Method", keys: ["method", "data", "methodik", "methodologie", "metodologia"]),
                Aspect(label: "Results", keys: ["result", "findings", "ergebnisse", "resultat", "resultado"]),
                Aspect(label: "Recommendations", keys: ["recommendation", "empfehlung", "conclusion", "outlook"]),
            ]
        default:
            []
        }
    }

    /// `- **Label:** the first sentences under the first heading that names the aspect (p. N)`, for the aspects of
    /// `type` the document has.
    static func glance(_ items: [OutlineItem], type: String) -> [String] {
        var lines: [String] = []
        var shown = Set<String>()
        for aspect in aspects(for: type) {
            // One heading may name two aspects ("Term and Termination"): its text is shown once.
            guard let found = firstText(under: aspect, in: items), shown.insert(found.text).inserted else { continue }
            let text = SkillText.sentenceList(found.text).prefix(2).joined(separator: " ")
            guard SkillText.words(text) >= 4 else { continue }
            let clipped = text.unicodeScalars.count > 320 ? text.clipped(to: 320) + " \u{2026}" : text
            lines.append(
                "- **\(aspect.label):** " + Document.inline(clipped) + " " + SkillMarkdown.citation(found.page)
            )
        }
        return lines
    }

    /// The first paragraph or list item after the first heading whose slug holds one of the aspect's keys.
    private static func firstText(under aspect: Aspect, in items: [OutlineItem]) -> (text: String, page: Int)? {
        var inside = false
        for item in items {
            switch item {
            case .heading(let text, _, _):
                let slug = SkillText.slug(SkillText.withoutNumbering(text))
                if inside { return nil }
                inside = aspect.keys.contains { names(slug, $0) }
            case .paragraph(let text, let page), .listItem(let text, _, _, let page):
                if inside, SkillText.words(text) >= 4 { return (text, page) }
            default:
                continue
            }
        }
        return nil
    }

    /// Whether a heading's slug holds `key` as whole words (`governing-law`), a single-word key also in the
    /// plural (`result` names `results`).
    static func names(_ slug: String, _ key: String) -> Bool {
        if key.contains("-") { return ("-" + slug + "-").contains("-" + key + "-") }
        let words = slug.split(separator: "-")
        return words.contains(Substring(key)) || words.contains(Substring(key + "s"))
    }
}
