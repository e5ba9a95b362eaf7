import DocumentModel
import Testing

@testable import Skills

/// A small valid skill, changed by each defect fixture.
struct SkillFixture {
    var name = "router-manual"
    var frontmatter = [
        "name: router-manual",
        #"description: "Router manual: setup and troubleshooting. Use when configuring the router or reading its status lights.""#,
        "metadata:", #"  version: "1.0.0""#,
    ]
    var body = [
        "# Router manual", "", "## Overview", "", "Setup of the router (p. 1)", "", "## Topics", "",
        "- Read [references/setup.md](references/setup.md) when you need the setup steps.",
    ]
    var files: [(String, String)] = [("references/setup.md", "# Setup\n\n1. Plug in the router (p. 2)\n")]
    var prefix = ""

    var skill: SkillFiles {
        let text = prefix + (["---"] + frontmatter + ["---"] + body).joined(separator: "\n") + "\n"
        return SkillFiles(
            folderName: name,
            files: [("SKILL.md", Array(text.utf8))] + files.map { ($0.0, Array($0.1.utf8)) }
        )
    }

    func rules(zip: SkillFiles.ZipLayout? = nil) -> Set<String> {
        var skill = skill
        skill.zip = zip
        return Set(StructureAgent.check(skill).map(\.rule))
    }
}

@Suite("Skill QA: known defects")
struct SkillQADefectTests {
    @Test("the fixture itself is clean")
    func clean() {
        let report = SkillQA.run(SkillFixture().skill, coverage: nil, sourceText: nil)
        #expect(report.agents.first?.findings.isEmpty == true)
        #expect(report.passed)
    }

    @Test(
        "each defect is flagged with its rule",
        arguments: [
            ("description over 1024", "E7"), ("angle brackets", "E8"), ("top-level version", "E3"), ("BOM", "E2"),
            ("unquoted colon", "E2"), ("broken link", "E12"), ("orphan file", "W11"), ("long reference", "W12"),
            ("reserved word", "E6"), ("name differs from folder", "E5"), ("backslash link", "E13"),
            ("code fence without language", "W16"), ("first person", "W6"), ("no when clause", "W4"),
        ]
    )
    func defect(defect: String, rule: String) {
        var fixture = SkillFixture()
        switch defect {
        case "description over 1024":
            fixture.frontmatter[1] =
                "description: \"" + String(repeating: "Routers route. ", count: 70) + "Use when routing.\""
        case "angle brackets":
            fixture.frontmatter[1] = #"description: "Configures <router> devices. Use when setting them up.""#
        case "top-level version":
            fixture.frontmatter.append("version: 1.0.0")
        case "BOM":
            fixture.prefix = "\u{FEFF}"
        case "unquoted colon":
            fixture.frontmatter[1] = "description: Router manual: setup. Use when configuring the router."
        case "broken link":
            fixture.body.append("- Read [references/missing.md](references/missing.md) when needed.")
        case "orphan file":
            fixture.files.append(("references/unused.md", "# Unused\n"))
        case "long reference":
            fixture.files[0].1 = "# Setup\n\n" + (1...120).map { "Line \($0) (p. 2)" }.joined(separator: "\n\n") + "\n"
        case "reserved word":
            fixture.name = "claude-router"
            fixture.frontmatter[0] = "name: claude-router"
        case "name differs from folder":
            fixture.frontmatter[0] = "name: other-name"
        case "backslash link":
            fixture.body.append("- Read [setup](references\\setup.md) when needed.")
        case "code fence without language":
            fixture.body += ["", "```", "ping 192.168.0.1", "```"]
        case "first person":
            fixture.frontmatter[1] = #"description: "I help you set up the router. Use when configuring it.""#
        case "no when clause":
            fixture.frontmatter[1] =
                #"description: "Router manual with setup steps, status lights and troubleshooting tables.""#
        default:
            Issue.record("unknown defect \(defect)")
        }
        #expect(fixture.rules().contains(rule), "\(defect): \(fixture.rules().sorted())")
    }

    @Test(
        "the trigger agent fails skills nobody would pick, naming the rule",
        arguments: [
            (
                "file-name description",
                #"description: "router_manual_v2: a document covering “Setup”, “Status lights” and “Troubleshooting”. Use when a task needs the facts of “router_manual_v2.pdf”.""#,
                [String](),
                ["TRG1", "TRG2"]
            ),
            (
                "author-block overview",
                nil,
                [
                    "Jonas Weiß, Zoë Brennan, Tomás Ortega, Ana Lima (p. 1)", "",
                    "Nordlicht Systems AB, Department of Networks, Malmö, jonas@nordlicht.example (p. 1)",
                ],
                ["OVR1"]
            ),
        ]
    )
    func trigger(defect: String, description: String?, overview: [String], rules: [String]) {
        var fixture = SkillFixture()
        fixture.frontmatter[3] = #"  source: "router_manual_v2.pdf""#
        if let description { fixture.frontmatter[1] = description }
        if !overview.isEmpty { fixture.body.replaceSubrange(4...4, with: overview) }
        let report = SkillQA.run(fixture.skill, coverage: nil, sourceText: nil)
        let agent = report.agents.first { $0.agent == "trigger" }
        #expect(
            agent.map { Set(rules).isSubset(of: Set($0.findings.map(\.rule))) } == true,
            "\(defect): \(agent?.findings ?? [])"
        )
        #expect(agent.map { $0.score < report.threshold } == true, "\(defect): score \(agent?.score ?? -1)")
        #expect(!report.passed)
    }

    @Test(
        "zip layouts: one root folder, one SKILL.md directly inside, no junk, under 8 MB",
        arguments: [
            (["router-manual/", "router-manual/SKILL.md", "router-manual/docs/SKILL.md"], 1_000, "E10"),
            (["router-manual/", "router-manual/SKILL.md", "other/", "other/SKILL.md"], 1_000, "E10"),
            (["router-manual/", "router-manual/sub/", "router-manual/sub/SKILL.md"], 1_000, "E10"),
            (["router-manual/", "router-manual/SKILL.md", "router-manual/.DS_Store"], 1_000, "E10"),
            (["SKILL.md"], 1_000, "E10"),
            (["router-manual/", "router-manual/SKILL.md"], 9 << 20, "E11"),
        ]
    )
    func zipLayouts(paths: [String], bytes: Int, rule: String) {
        let rules = SkillFixture().rules(zip: SkillFiles.ZipLayout(paths: paths, oddMembers: [], byteCount: bytes))
        #expect(rules.contains(rule), "\(rules.sorted())")
    }

    @Test("accuracy: a number that is not in the source is an error, page citations are not numbers of the skill")
    func accuracy() {
        var fixture = SkillFixture()
        fixture.body.append("The router needs 12 V and 1.5 A (p. 7).")
        let report = SkillQA.run(fixture.skill, coverage: nil, sourceText: "Power: 12 V, 1.5 A. Plug in the router.")
        #expect(report.agents.first { $0.agent == "accuracy" }?.score == 100)
        fixture.body.append("It draws 18 W.")
        let invented = SkillQA.run(fixture.skill, coverage: nil, sourceText: "Power: 12 V, 1.5 A. Plug in the router.")
        let findings = invented.agents.first { $0.agent == "accuracy" }?.findings ?? []
        #expect(findings.map(\.rule) == ["ACC1"])
        #expect(findings.first?.message.contains("18") == true)

        // Text read by OCR: the check is said to be against what OCR read, not against the scan.
        fixture.frontmatter.append(#"  ocr: "manual.pdf pages 1 (tesseract 5.3.0, eng, confidence 91%)""#)
        let scanned = SkillQA.run(fixture.skill, coverage: nil, sourceText: "Power: 12 V, 1.5 A. It draws 18 W.")
        let accuracy = scanned.agents.first { $0.agent == "accuracy" }
        #expect(accuracy?.score == 100)
        #expect(accuracy?.findings.map(\.rule) == ["ACC2"])
        #expect(accuracy?.findings.first?.severity == .warning)
        #expect(accuracy?.findings.first?.message.contains("tesseract 5.3.0") == true)
    }

    @Test("evolution: changed content needs a higher version; the first version scores 100")
    func evolution() {
        let first = SkillFixture()
        var second = SkillFixture()
        second.body.append("New paragraph about firmware updates.")
        let notBumped = SkillQA.run(second.skill, coverage: nil, sourceText: nil, previous: first.skill)
        #expect(notBumped.agents.first { $0.agent == "evolution" }?.score == 0)
        second.frontmatter[3] = #"  version: "1.1.0""#
        let bumped = SkillQA.run(second.skill, coverage: nil, sourceText: nil, previous: first.skill)
        let evolution = bumped.agents.first { $0.agent == "evolution" }
        #expect(evolution?.score == 100)
        #expect(evolution?.findings.contains { $0.rule == "EVO-CHANGED" } == true)
        #expect(
            SkillQA.run(first.skill, coverage: nil, sourceText: nil).agents.first { $0.agent == "evolution" }?.score
                == 100
        )
    }
}

@Suite("Skill packaging")
struct SkillPackagingTests {
    /// A document with a title, two chapters of `words` words each and a key/value pair.
    func source(
        chapters: Int,
        words: Int,
        names: [String] = [],
        title: String? = "Claude's Router Manual"
    )
        -> SkillSource
    {
        var sections: [Section] = []
        for chapter in 1...chapters {
            let name = chapter <= names.count ? names[chapter - 1] : "Chapter about topic \(chapter)"
            let paragraph =
                (0..<words).map { "word\($0 % 50)" }.joined(separator: " ") + ". The end of chapter \(chapter)."
            var blocks: [Block] = [
                .cluster(
                    Cluster(entries: [
                        Entry(kind: .heading, text: "\(chapter) \(name)", level: 1)
                    ])
                ),
                .cluster(
                    Cluster(entries: [
                        Entry(kind: .text, text: "Topic \(chapter) is explained here in detail. " + paragraph)
                    ])
                ),
            ]
            if chapter == 1 {
                if let title { blocks.insert(.cluster(Cluster(entries: [Entry(kind: .title, text: title)])), at: 0) }
                blocks.append(
                    .cluster(Cluster(entries: [Entry(kind: .kv, text: "Voltage: 12 V", key: "Voltage", value: "12 V")]))
                )
            }
            sections.append(Section(index: chapter - 1, width: 612, height: 792, blocks: blocks))
        }
        let meta = DocumentMeta(
            engineVersion: "pdf@test",
            pageCount: chapters,
            totalSections: chapters,
            selectedPages: "1-\(chapters)",
            producer: nil,
            isEncrypted: false,
            unmappedGlyphs: 0
        )
        return SkillSource(
            document: Document(documentType: .unknown, meta: meta, sections: sections),
            fileName: "manual.pdf",
            sha256: "00",
            pages: "1-\(chapters)"
        )
    }

    @Test("a short document is one valid skill with a reference per topic; names avoid reserved words")
    func single() {
        let bundles = SkillPackager.package(
            [source(chapters: 3, words: 200)],
            options: PackageOptions(engineVersion: "pdf@test")
        )
        #expect(bundles.count == 1)
        let bundle = bundles[0]
        #expect(bundle.name == "s-router-manual" || !bundle.name.contains("claude"))
        #expect(bundle.files.map(\.path).filter { $0.hasPrefix("references/") }.count == 3)
        let report = SkillQA.run(
            SkillFiles(bundle),
            coverage: bundle.coverage,
            sourceText: SkillQA.sourceText([source(chapters: 3, words: 200)])
        )
        #expect(report.errorCount == 0, "\(report.agents.flatMap(\.findings))")
        #expect(report.passed, "\(report.agents.map { "\($0.agent) \($0.score)" })")
        #expect(report.agents.contains { $0.agent == "trigger" && $0.score >= 80 })
        #expect(bundle.skillMarkdown.contains("**Voltage:** 12 V (p. 1)"))
    }

    @Test("a long document with several substantial topics becomes a catalogue of topic skills plus an index")
    func catalogue() {
        let long = source(chapters: 4, words: 5_500)
        let bundles = SkillPackager.package([long], options: PackageOptions(engineVersion: "pdf@test"))
        #expect(bundles.count == 5)
        let index = bundles[0]
        for topic in bundles.dropFirst() {
            #expect(topic.name.hasPrefix(index.name + "-"))
            #expect(index.skillMarkdown.contains("`\(topic.name)`"))
            let report = SkillQA.run(
                SkillFiles(topic),
                coverage: topic.coverage,
                sourceText: SkillQA.sourceText([long])
            )
            #expect(report.errorCount == 0 && report.passed)
        }
        let never = SkillPackager.package([long], options: PackageOptions(catalogue: .never, engineVersion: "pdf@test"))
        #expect(never.count == 1)
    }

    @Test("a paper-sized document is one skill; a catalogue makes no skill of its abstract or references")
    func apparatus() {
        let paper = source(chapters: 4, words: 2_500)
        #expect(SkillPackager.package([paper], options: PackageOptions(engineVersion: "pdf@test")).count == 1)
        let long = source(
            chapters: 5,
            words: 5_500,
            names: ["Abstract", "Method", "Results", "Discussion", "References"]
        )
        let bundles = SkillPackager.package([long], options: PackageOptions(engineVersion: "pdf@test"))
        #expect(bundles.count == 4)
        #expect(!bundles.contains { $0.name.hasSuffix("-abstract") || $0.name.hasSuffix("-references") })
        // Nothing is lost: the apparatus joins its neighbour.
        #expect(bundles.contains { $0.skillMarkdown.contains("Abstract") })
    }

    @Test("descriptions carry the subject, the lead and the key values, never the file name")
    func descriptions() throws {
        let titled = SkillPackager.package(
            [source(chapters: 2, words: 200)],
            options: PackageOptions(engineVersion: "pdf@test")
        )[0]
        #expect(titled.description.hasPrefix("Claude's Router Manual"))
        #expect(titled.description.contains("Voltage: 12 V"))
        #expect(!titled.description.contains("manual.pdf"))
        #expect(titled.description.unicodeScalars.count <= 500)
        let untitled = SkillPackager.package(
            [source(chapters: 1, words: 200, title: nil)],
            options: PackageOptions(engineVersion: "pdf@test")
        )[0]
        #expect(untitled.description.contains("Topic 1 is explained here in detail"))
        #expect(!untitled.description.contains("manual.pdf"))
    }

    @Test("a contract's terms are at a glance in SKILL.md, under its own headings, each text once")
    func contractShape() {
        let items: [OutlineItem] = [
            .heading("1 Parties", level: 1, page: 1),
            .paragraph("This agreement is made between Nordwind GmbH and Acme Widgets Inc.", page: 1),
            .heading("4 Term and Termination", level: 1, page: 2),
            .paragraph("The agreement runs for 24 months and may be ended with three months' notice.", page: 2),
            .heading("7 Governing Law", level: 1, page: 3),
            .paragraph("This agreement is governed by the laws of Switzerland.", page: 3),
        ]
        let lines = DocumentShape.glance(items, type: "contract")
        #expect(lines.count == 3, "\(lines)")
        #expect(lines.first?.hasPrefix("- **Parties:** This agreement is made between Nordwind GmbH") == true)
        #expect(
            lines.contains { $0.hasPrefix("- **Term:** The agreement runs for 24 months") && $0.hasSuffix("(p. 2)") }
        )
        #expect(!lines.contains { $0.hasPrefix("- **Termination:**") })
        #expect(lines.contains { $0.hasPrefix("- **Governing law:**") })
        #expect(DocumentShape.glance(items, type: "unknown").isEmpty)
    }

    @Test("packaging is deterministic", arguments: [1, 4])
    func deterministic(chapters: Int) {
        let first = SkillPackager.package(
            [source(chapters: chapters, words: 2_500)],
            options: PackageOptions(engineVersion: "pdf@test")
        )
        let second = SkillPackager.package(
            [source(chapters: chapters, words: 2_500)],
            options: PackageOptions(engineVersion: "pdf@test")
        )
        #expect(first.map { $0.files.map(\.bytes) } == second.map { $0.files.map(\.bytes) })
    }

    @Test("key facts keep definitions with their page")
    func definitions() {
        let items: [OutlineItem] = [
            .paragraph("A router is a device that forwards packets between networks. It has four ports.", page: 3),
            .paragraph("Definition 2.3 A space is compact when every open cover has a finite subcover.", page: 9),
            .paragraph("The office has two routers and one switch in the basement.", page: 4),
        ]
        let facts = SkillPackager.keyFacts(items, budget: 3_000)
        #expect(facts.contains("- **A router**: A router is a device that forwards packets between networks. (p. 3)"))
        #expect(facts.contains { $0.hasPrefix("- **Definition 2.3**:") && $0.hasSuffix("(p. 9)") })
        #expect(!facts.contains { $0.contains("basement") })
    }

    @Test("<available_skills> escapes as the reference tool does")
    func availableSkills() {
        let xml = AvailableSkills.xml([("a-b", "Tom & Jerry's <show>", "/x/a-b/SKILL.md")])
        #expect(
            xml
                == "<available_skills>\n<skill>\n<name>\na-b\n</name>\n<description>\nTom &amp; Jerry&#x27;s &lt;show&gt;\n</description>\n<location>\n/x/a-b/SKILL.md\n</location>\n</skill>\n</available_skills>"
        )
    }

    @Test(
        "names: valid syntax, no reserved or vague words, at most 64 characters",
        arguments: [
            ("Claude Code Handbook", "code-handbook"), ("Données & Résumé", "donnees-resume"), ("Documents", "manual"),
            (String(repeating: "very long title ", count: 10), nil),
        ]
    )
    func names(title: String, expected: String?) {
        let name = SkillPackager.skillName(title, fallback: "manual")
        if let expected { #expect(name == expected) }
        #expect(name.count <= 64 && !name.isEmpty && !name.hasSuffix("-"))
        #expect(!name.contains("claude") && !name.contains("anthropic"))
    }
}

@Suite("Names and words that route")
struct RoutingWordsTests {
    /// A German invoice: the issuer's letterhead over the title, its number, its labels.
    let invoice: [OutlineItem] = [
        .paragraph("Nordwind Haustechnik GmbH", page: 1),
        .paragraph("Hafenstraße 9 · 20457 Hamburg", page: 1),
        .title("Rechnung", page: 1),
        .keyValue(key: "Rechnungsnummer", value: "RE-2026-0417", page: 1),
        .keyValue(key: "Telefon", value: "+49 40 555 0101", page: 1),
        .keyValue(key: "Fällig am", value: "14.12.2026", page: 1),
        .keyValue(key: "MwSt. 19%", value: "95,00", page: 1),
    ]

    @Test("a document in another language gets the English words of its labels, an English one none")
    func englishTerms() {
        let terms = EnglishTerms.of(invoice, known: [])
        #expect(terms.starts(with: ["invoice", "invoice number", "due", "VAT"]), "\(terms)")
        let english: [OutlineItem] = [
            .title("Invoice", page: 1), .keyValue(key: "Invoice number", value: "42", page: 1),
            .keyValue(key: "VAT", value: "1.00", page: 1),
        ]
        #expect(EnglishTerms.of(english, known: SkillDescription.words(of: english)).isEmpty)
        #expect(EnglishTerms.english("lieferscheinnummer") == nil)
        #expect(EnglishTerms.english("vertragsnummer") == "contract number")
        // A month the body alone names, passed in as a key term.
        let bill: [OutlineItem] = [.paragraph("Facture n°562044387 du 02 Juillet 2015", page: 1)]
        #expect(EnglishTerms.of(bill, known: [], also: ["Juillet"]).contains("July"))
        #expect(!EnglishTerms.of(bill, known: [], also: []).contains("July"))
    }

    @Test("an invoice is named and described by its issuer and its number, not its phone number")
    func invoiceName() {
        let plan = TopicPlan(
            title: "Rechnung",
            preamble: [],
            topics: [],
            totalWords: 30,
            level: nil,
            shouldCatalogue: false
        )
        let text = SkillName.text(items: invoice, plan: plan, kind: "invoice")
        #expect(text == "Rechnung Nordwind Haustechnik GmbH RE-2026-0417")
        let description = SkillDescription.make(title: "Rechnung", kind: "invoice", items: invoice)
        #expect(description.hasPrefix("Rechnung from Nordwind Haustechnik GmbH (invoice)."))
        #expect(description.contains("In English: invoice number, due, VAT."))
        // A report's first line is a caption, not an issuer.
        #expect(SkillName.letterhead(invoice, title: "Rechnung", kind: "report") == nil)
    }

    @Test("a chapter's running head read as a pair on every page is no fact; a fact is")
    func runningHeadsAreNoFacts() {
        let items: [OutlineItem] = [
            .keyValue(key: "Chapter 2: ASN.1 structure handling", value: "3", page: 3),
            .keyValue(key: "Usage", value: "asn1Parser [OPTION] FILE", page: 3),
            .keyValue(key: "Chapter 2: ASN.1 structure handling", value: "4", page: 4),
            .keyValue(key: "Invoice number", value: "42", page: 4),
        ]
        let facts = SkillDescription.keyValues(items, budget: 400)
        #expect(facts == "Usage: asn1Parser [OPTION] FILE; Invoice number: 42.", "\(facts)")
    }

    @Test(
        "a description's lead passes over a licence notice and titles run together, and reads the first prose",
        arguments: [
            "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and "
                + "associated documentation files, to deal in the Software without restriction.",
            "Tous droits réservés. Toute reproduction de ce manuel, même partielle, est interdite sans accord écrit.",
            "Introduction Setting the Scene Program Start Arguments Collection Parsing File Processing Compiling",
        ]
    )
    func leadSkipsBoilerplate(boilerplate: String) {
        let items: [OutlineItem] = [
            .title("libxslt: An Extended Tutorial", page: 1),
            .paragraph(boilerplate, page: 1),
            .paragraph("The XSLT specification defines an XML template language for transforming documents.", page: 1),
        ]
        let description = SkillDescription.make(title: "libxslt: An Extended Tutorial", kind: "manual", items: items)
        #expect(description.contains("The XSLT specification defines"), "\(description)")
        #expect(!description.contains(String(boilerplate.prefix(30))), "\(description)")
    }

    @Test(
        "a letterhead's name ends at its legal form or where its address starts",
        arguments: [
            ("Greenfield Supplies Ltd 10 King Street, Manchester M2 4LQ", "Greenfield Supplies Ltd"),
            ("Distribuciones Peña S.L. Calle Mayor 21, 28013 Madrid", "Distribuciones Peña S.L."),
            ("Banca Nord Via Roma 45, 20121 Milano", "Banca Nord"),
            ("Jansen Transport Keizersgracht 120, 1015 CX Amsterdam", "Jansen Transport"),
            ("Bäckerei Weiß Hauptstraße 5", "Bäckerei Weiß"),
            ("Atelier Dubois 12 rue de la Paix", "Atelier Dubois"),
            ("Nordwind Haustechnik GmbH", "Nordwind Haustechnik GmbH"),
            ("Corner Bakery", "Corner Bakery"),
        ]
    )
    func partyName(line: String, name: String) {
        #expect(SkillName.partyName(line) == name)
    }

    @Test("a bundle's description names the documents after its first, by title or by issuer, with their types")
    func bundleParts() {
        func page(_ index: Int, _ entries: [Entry]) -> Section {
            Section(index: index, width: 595, height: 842, blocks: entries.map { .cluster(Cluster(entries: [$0])) })
        }
        let sections = [
            page(0, [Entry(kind: .title, text: "Residential Lease Agreement"), Entry(kind: .text, text: "Rent.")]),
            page(1, [Entry(kind: .text, text: "Harbour Analytics Ltd 10 King Street, Manchester")]),
            page(2, [Entry(kind: .heading, text: "Temperature transmitter LV-459", level: 1)]),
        ]
        var meta = DocumentMeta(
            engineVersion: "pdf@test",
            pageCount: 3,
            totalSections: 3,
            selectedPages: "1-3",
            producer: nil,
            isEncrypted: false,
            unmappedGlyphs: 0
        )
        meta.segments = [
            Segment(firstPage: 1, lastPage: 1, type: "contract", signal: "start"),
            Segment(firstPage: 2, lastPage: 2, type: "invoice", signal: "type-change"),
            Segment(firstPage: 3, lastPage: 3, type: "manual", signal: "type-change"),
        ]
        let source = SkillSource(
            document: Document(documentType: .unknown, meta: meta, sections: sections),
            fileName: "bundle.pdf",
            sha256: "00",
            pages: "1-3"
        )
        let parts = SkillDescription.parts(of: source)
        #expect(parts == ["invoice from Harbour Analytics Ltd", "Temperature transmitter LV-459 (manual)"])
        let description = SkillDescription.make(
            title: "Residential Lease Agreement",
            kind: "contract",
            items: source.outline,
            parts: parts
        )
        #expect(description.hasPrefix("Residential Lease Agreement (contract). Also in this file: invoice from"))
    }

    @Test("a bill's description leads its facts with the grand total under its items, a report's does not")
    func totalInDescription() {
        let table = Table(
            columns: ["Item", "Qty", "Amount"],
            rows: [["Sensor", "1", "738.94"], ["Valve", "5", "4,011.95"]],
            footers: [("Subtotal", ["", "Subtotal", "4,750.89"]), ("Total", ["", "Total", "£ 5,701.07"])]
        )
        let items: [OutlineItem] = [
            .paragraph("Greenfield Supplies Ltd 10 King Street, Manchester M2 4LQ", page: 1),
            .title("Invoice", page: 1),
            .keyValue(key: "Invoice number", value: "F-2024-8321", page: 1),
            .table(table, page: 1),
        ]
        let description = SkillDescription.make(title: "Invoice", kind: "invoice", items: items)
        #expect(description.hasPrefix("Invoice from Greenfield Supplies Ltd (invoice)."), "\(description)")
        #expect(description.contains("Total: £ 5,701.07; Invoice number: F-2024-8321."), "\(description)")
        let report = SkillDescription.make(title: "Invoice", kind: "report", items: items)
        #expect(!report.contains("5,701.07"))
    }

    @Test(
        "a number printed in a line that opens with the document's kind names it",
        arguments: [
            ("Facture n°562044387 du 02 Juillet 2015", "562044387"),
            ("Invoice No. 2024-118 dated 3 March 2026", "2024-118"),
            ("Rechnung Nr. 88123 vom 1.2.2026", "88123"),
            ("Receipt #A-0042", "A-0042"),
            ("Factura número: F-2026/77", "F-2026/77"),
        ]
    )
    func numberedKindLine(line: String, number: String) {
        #expect(SkillName.numberedKindLine([.paragraph(line, page: 1)]) == number)
    }

    @Test(
        "no number without the kind opening the line, or with too few digits",
        arguments: ["Customer No. 55123 since 2019", "Invoice November 2025", "Invoice No. 7", "Phone no. 555 0199"]
    )
    func noNumberedKindLine(line: String) {
        #expect(SkillName.numberedKindLine([.paragraph(line, page: 1)]) == nil)
    }

    @Test(
        "a page label or a web address is not the document's title; the heading that names it is",
        arguments: [
            "Front cover", "Contents", "Inhaltsverzeichnis", "example.com/reports Annual", "www.example.org", "Home",
        ]
    )
    func titleSkipsPageLabels(label: String) {
        let items: [OutlineItem] = [
            .heading(label, level: 1, page: 1),
            .heading("Row and Column Access Control in Practice", level: 1, page: 1),
            .paragraph("How a database restricts the rows each user may read.", page: 1),
        ]
        #expect(TopicDetector.documentTitle(items, fallback: "file") == "Row and Column Access Control in Practice")
    }

    @Test(
        "a heading that labels the name gives the line under it; a heading any document opens with names none",
        arguments: [("NAME", "grep - print lines that match patterns"), ("Titel", "Mietvertrag Wohnung Lindenstraße")]
    )
    func titleUnderLabel(label: String, line: String) {
        let items: [OutlineItem] = [
            .heading(label, level: 1, page: 1),
            .paragraph(line, page: 1),
            .heading("Synopsis", level: 1, page: 1),
            .paragraph("grep [OPTION...] PATTERNS [FILE...] searches each file for the patterns.", page: 1),
        ]
        #expect(TopicDetector.documentTitle(items, fallback: "file") == line)
    }

    @Test(
        "without a title entry, the metadata's title names the document unless a producer wrote it for want of one",
        arguments: [
            ("Debian Python Policy 0.12.0.0 documentation", "Debian Python Policy 0.12.0.0 documentation"),
            ("Microsoft Word - Offer 2016.docx", "Completing the move to Python 3"),
            ("10811.exe", "Completing the move to Python 3"), ("indictb1h_14", "Completing the move to Python 3"),
            ("Untitled", "Completing the move to Python 3"), ("New Document", "Completing the move to Python 3"),
        ]
    )
    func metadataTitle(metadata: String, expected: String) {
        let items: [OutlineItem] = [
            .title("Abstract", page: 1),
            .paragraph("This document describes the packaging of Python within the distribution.", page: 1),
            .heading("Completing the move to Python 3", level: 1, page: 1),
        ]
        #expect(TopicDetector.documentTitle(items, metadataTitle: metadata, fallback: "file") == expected)
        let titled: [OutlineItem] = [.title("Pump Manual", page: 1)]
        #expect(TopicDetector.documentTitle(titled, metadataTitle: metadata, fallback: "file") == "Pump Manual")
    }

    @Test(
        "opening section labels are not the title",
        arguments: ["Introduction", "Einleitung", "Overview", "Synopsis"]
    )
    func titleSkipsSectionLabels(label: String) {
        let items: [OutlineItem] = [
            .heading(label, level: 1, page: 1),
            .paragraph("This guide explains how the valve is installed and serviced.", page: 1),
            .heading("Installing the HydroFlow Valve", level: 1, page: 1),
        ]
        #expect(TopicDetector.documentTitle(items, fallback: "file") == "Installing the HydroFlow Valve")
    }

    @Test("garbled text from a decorative font is no name; words with their accents are")
    func garbled() {
        #expect(SkillText.isGarbled("ÉÇÉÜtuÄx VöÅtÜt wx W|ÑâàtwÉá wx Ät atv|™Ç"))
        #expect(SkillText.isGarbled("ÄÖÜÉÈÀ äöüéèà ÇÑÅ çñå"))
        for text in ["Müller & Söhne GmbH", "Électricité générale et sécurité", "Été à Évian", "Łódź Kraków Gdańsk"] {
            #expect(!SkillText.isGarbled(text), "\(text)")
        }
    }

    @Test("editions of one manual are told apart by their version")
    func manualVersions() {
        let names = ["2.0", "2.5"].map { version -> String in
            let items: [OutlineItem] = [
                .title("Pump P-40 Service Manual", page: 1),
                .paragraph("Weiß Pumpentechnik GmbH · Version \(version) · June 2025", page: 1),
            ]
            let plan = TopicPlan(
                title: "Pump P-40 Service Manual",
                preamble: [],
                topics: [],
                totalWords: 30,
                level: nil,
                shouldCatalogue: false
            )
            return SkillPackager.skillName(
                SkillName.text(items: items, plan: plan, kind: "manual"),
                fallback: "manual"
            )
        }
        #expect(names == ["pump-p-40-service-manual-version-2-0", "pump-p-40-service-manual-version-2-5"])
    }

    @Test("Cursor rules of reference files and AGENTS.md say which document they are from, not its file name")
    func agentFormats() {
        let bundle = SkillBundle(
            name: "rechnung-nordwind-re-2026-0417",
            description: "Rechnung from Nordwind Haustechnik GmbH (invoice). Rechnungsnummer: RE-2026-0417.",
            version: "1.0.0",
            files: [],
            coverage: []
        )
        #expect(
            AgentFormats.referenceDescription("2 Positionen", skill: bundle)
                == "Positionen, in Rechnung from Nordwind Haustechnik GmbH (invoice). Use when a task needs the details of this part."
        )
        #expect(AgentFormats.agentsTitle([bundle], documents: 1) == "Rechnung from Nordwind Haustechnik GmbH (invoice)")
        #expect(AgentFormats.agentsTitle([bundle, bundle], documents: 2) == "Skills from 2 documents")
    }

    @Test("a list marker in words stays in the skill's text; a numeric one becomes Markdown's")
    func spelledMarkers() {
        let lines = SkillMarkdown.lines(
            [
                .listItem("Open the import settings.", marker: "Step 1:", level: 1, page: 4),
                .listItem("Start the reconciliation.", marker: "2.", level: 1, page: 4),
            ],
            topLevel: 2
        )
        #expect(lines.contains("- Step 1: Open the import settings. (p. 4)"))
        #expect(lines.contains("2. Start the reconciliation. (p. 4)"))
    }
}
