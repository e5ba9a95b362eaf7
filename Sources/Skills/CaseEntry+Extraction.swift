import DocumentModel

extension CaseEntry {
    /// Reads a converted document's case facts.
    ///
    /// - Parameter isoDate: the layout's date recogniser (a line or value → ISO date), for dates printed without a
    ///   label (a letter's date line); labelled dates come tagged from the conversion.
    public static func make(
        _ source: SkillSource,
        job: String,
        category: String?,
        isoDate: (String) -> String?
    ) -> CaseEntry {
        let items = source.outline
        let summary = SkillPackager.summary(of: source)
        var parties: [String] = []
        // A signature line ("Zürich, 17 February 2022") or an address is no party.
        func isParty(_ value: String) -> Bool {
            value.count <= 60 && value.filter(\.isNumber).count < 4 && isoDate(value) == nil
                && !value.split(separator: ",").contains { isoDate(SkillText.clean(String($0))) != nil }
        }
        if let issuer = SkillName.letterhead(items, title: summary.title, kind: summary.kind), isParty(issuer) {
            parties.append(issuer)
        }
        var amounts: [Fact] = []
        var identifiers: [Fact] = []
        var dates: [Fact] = []
        for section in source.document.sections {
            for block in section.blocks where block.role == nil {
                if case .table(let table) = block {
                    amounts += totals(table, page: section.index + 1)
                    continue
                }
                guard case .cluster(let cluster) = block else { continue }
                for entry in cluster.entries where entry.kind == .kv {
                    let key = SkillText.clean(entry.key ?? "")
                    let value = SkillText.clean(entry.value ?? entry.text)
                    guard !key.isEmpty, !value.isEmpty, value.count <= 160 else { continue }
                    let page = section.index + 1
                    switch entry.semantic {
                    case "amount":
                        let normalized = entry.normalized ?? value
                        amounts.append(
                            Fact(key: key, value: value, normalized: normalized, unit: entry.unit, page: page)
                        )
                    case "date":
                        dates.append(Fact(key: key, value: value, normalized: entry.normalized ?? value, page: page))
                    default:
                        if CaseVocabulary.isPartyKey(key), isParty(value) {
                            parties.append(value)
                        } else if CaseVocabulary.isIdentifierKey(key), let code = CaseVocabulary.identifier(value) {
                            identifiers.append(Fact(key: key, value: value, normalized: code, page: page))
                        }
                    }
                }
            }
        }
        // Reference codes written in running text ("Re: claim CLM-2024-0113") tie documents together too.
        for item in items {
            let text: String
            switch item {
            case .title(let line, _), .heading(let line, _, _), .paragraph(let line, _), .listItem(let line, _, _, _):
                text = line
            default:
                continue
            }
            for code in CaseVocabulary.referenceCodes(in: text)
            where !identifiers.contains(where: { $0.normalized == code }) {
                identifiers.append(Fact(key: "reference", value: code, normalized: code, page: item.page))
            }
        }
        let ownDate =
            dates.first { CaseVocabulary.isIssueDateKey($0.key) }?.normalized
            ?? dates.first?.normalized
            ?? firstPageDate(items, isoDate: isoDate)
        let known = Set(
            summary.label.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        )
        return CaseEntry(
            job: job,
            fileName: source.fileName,
            sha256: source.sha256,
            title: summary.label,
            kind: source.document.documentType.type,
            category: category,
            date: ownDate.flatMap(CaseVocabulary.isoDay),
            pageCount: source.document.sections.count,
            description: summary.description,
            terms: KeyTerms.top(items, count: 8, known: known),
            parties: unique(parties).prefix(12).map { $0 },
            amounts: Array(amounts.prefix(24)),
            identifiers: Array(identifiers.prefix(24)),
            dates: Array(dates.prefix(24)),
            firstMark: pageMark(source.document.sections.first),
            lastMark: pageMark(source.document.sections.last),
            markdown: SkillMarkdown.reference(title: summary.label, items: items, topLevel: 1)
        )
    }

    /// A table's footer rows with an amount (`Total`, `Summe`, `Net`): the label and its last amount.
    private static func totals(_ table: Table, page: Int) -> [Fact] {
        var facts: [Fact] = []
        for (index, footer) in table.footers.enumerated() {
            let tags = index < table.footerTags.count ? table.footerTags[index] : []
            guard let position = tags.lastIndex(where: { $0?.semantic == "amount" }), position < footer.cells.count,
                let tag = tags[position]
            else { continue }
            let label = SkillText.clean(footer.label.isEmpty ? (footer.cells.first ?? "") : footer.label)
            guard !label.isEmpty else { continue }
            facts.append(
                Fact(
                    key: label,
                    value: SkillText.clean(footer.cells[position]),
                    normalized: tag.normalized,
                    unit: tag.unit,
                    page: page
                )
            )
        }
        return facts
    }

    /// A date standing alone on one of the first lines of page 1 (a letter's date line).
    private static func firstPageDate(_ items: [OutlineItem], isoDate: (String) -> String?) -> String? {
        for item in items.prefix(12) where item.page == 1 {
            guard case .paragraph(let text, _) = item, text.count <= 60 else { continue }
            // "Berlin, 3. März 2024" and "London, 12 March 2024": the place before the comma goes.
            let candidates = [text] + (text.split(separator: ",", maxSplits: 1).last.map { [String($0)] } ?? [])
            for candidate in candidates {
                if let date = isoDate(SkillText.clean(candidate)) { return date }
            }
        }
        return nil
    }

    /// The page numbering printed on a page: its page-number and footer lines first, then any line.
    static func pageMark(_ section: Section?) -> PageMark? {
        guard let section else { return nil }
        var furniture: [String] = []
        var body: [String] = []
        for block in section.blocks {
            guard case .cluster(let cluster) = block else { continue }
            for entry in cluster.entries where entry.text.count <= 60 {
                if block.role != nil { furniture.append(entry.text) } else { body.append(entry.text) }
            }
        }
        for text in furniture + body {
            if let mark = CaseVocabulary.pageMark(text) { return mark }
        }
        return nil
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0.lowercased()).inserted }
    }
}
