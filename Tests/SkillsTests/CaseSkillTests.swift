import Testing

@testable import Skills

@Suite("case skills")
struct CaseSkillTests {
    static func entry(
        _ name: String,
        date: String?,
        codes: [String] = [],
        first: (Int, Int)? = nil,
        last: (Int, Int)? = nil,
        kind: String = "letter"
    ) -> CaseEntry {
        CaseEntry(
            job: "j-\(name)",
            fileName: "\(name).pdf",
            sha256: String(repeating: name.first.map(String.init) ?? "0", count: 8) + name,
            title: "Document \(name)",
            kind: kind,
            date: date,
            pageCount: 2,
            description: "About \(name).",
            terms: ["Term\(name)"],
            parties: ["Party \(name)", "Shared Insurer AG"],
            amounts: [.init(key: "Total", value: "1,200.00 EUR", normalized: "1200.00", unit: "EUR", page: 1)],
            identifiers: codes.map { .init(key: "Reference", value: $0, normalized: $0, page: 1) },
            firstMark: first.map { CaseEntry.PageMark(number: $0.0, total: $0.1) },
            lastMark: last.map { CaseEntry.PageMark(number: $0.0, total: $0.1) },
            markdown: "# Document \(name)\n\nThe text of \(name), dated \(date ?? "never").\n"
        )
    }

    static let entries = [
        entry("a", date: "2024-03-04", codes: ["CLM-2024-0113"], first: (1, 3), last: (2, 3)),
        entry("b", date: "2024-03-18", codes: ["CLM-2024-0113", "RD-5521"], kind: "invoice"),
        entry("c", date: nil, codes: ["CLM-2024-0113"], first: (3, 3), last: (3, 3)),
        entry("d", date: "2024-01-10"),
        entry("e", date: "2024-03-18", codes: ["RD-5521"], kind: "invoice"),
    ]
    static let profile = CaseProfile(slug: "harbor-claim", name: "Harbor claim", claimNumber: "CLM-2024-0113")

    @Test(
        "the same documents give the same bytes in any order",
        arguments: [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3]]
    )
    func orderIndependent(order: [Int]) throws {
        let reference = CaseSkill.build(Self.profile, entries: Self.entries, engineVersion: "test")
        let permuted = CaseSkill.build(Self.profile, entries: order.map { Self.entries[$0] }, engineVersion: "test")
        #expect(permuted.files.map(\.path) == reference.files.map(\.path))
        #expect(zip(permuted.files, reference.files).allSatisfy { $0.bytes == $1.bytes })
        #expect(reference.version == "1.4.0")
    }

    @Test("a document whose first page follows another's last page and shares its reference continues it")
    func continuation() {
        let parts = CaseContinuation.join(CaseSkill.canonicalOrder(Self.entries))
        let joined = parts.first { !$0.continuations.isEmpty }
        #expect(joined?.head.fileName == "a.pdf")
        #expect(joined?.continuations.map(\.fileName) == ["c.pdf"])
        #expect(parts.count == 4)
        // Without a shared reference the numbering alone joins nothing.
        var stranger = Self.entries[2]
        stranger.identifiers = []
        stranger.title = "Another title"
        #expect(CaseContinuation.join([Self.entries[0], stranger]).count == 2)
    }

    @Test("SKILL.md: dated timeline, shared references, continuations, one reference per part; QA passes")
    func skillContent() throws {
        let release = try CaseSkill.release(Self.profile, entries: Self.entries, previous: nil, engineVersion: "test")
        let skill = release.bundle.skillMarkdown
        #expect(skill.contains("name: case-harbor-claim"))
        #expect(skill.contains("version: \"1.4.0\""))
        #expect(skill.contains("- 2024-01-10 \u{2014} Document d"))
        #expect(skill.contains("- undated") == false, "c continues a and is not listed alone")
        #expect(skill.contains("CLM-2024-0113 appears in 3 documents"))
        #expect(skill.contains("RD-5521 appears in 2 documents"))
        #expect(skill.contains("c.pdf continues a.pdf from page 3 of 3"))
        #expect(release.bundle.files.filter { $0.path.hasPrefix("references/") }.count == 5)
        #expect(
            release.report.passed,
            "\(release.report.agents.map { ($0.agent, $0.score, $0.findings.map(\.message)) })"
        )
        #expect(release.bundle.description.unicodeScalars.count <= CaseSkill.descriptionLimit)
    }

    @Test("the next version compared with the previous passes the evolution agent")
    func evolution() throws {
        let previous = SkillFiles(
            CaseSkill.build(Self.profile, entries: Array(Self.entries.prefix(3)), engineVersion: "test")
        )
        let release = try CaseSkill.release(
            Self.profile,
            entries: Array(Self.entries.prefix(4)),
            previous: previous,
            engineVersion: "test"
        )
        let evolution = try #require(release.report.agents.first { $0.agent == "evolution" })
        #expect(evolution.passed)
        #expect(release.bundle.version == "1.3.0")
    }

    @Test("a large case keeps its description within the limit and lists as many documents as fit")
    func largeCase() throws {
        let many = (0..<40).map { index -> CaseEntry in
            let day = index % 28 + 1
            return Self.entry("doc\(index)", date: "2024-02-" + (day < 10 ? "0" : "") + String(day))
        }
        let release = try CaseSkill.release(Self.profile, entries: many, previous: nil, engineVersion: "test")
        #expect(release.bundle.description.unicodeScalars.count <= CaseSkill.descriptionLimit)
        #expect(release.bundle.description.contains("40 documents"))
        let structure = try #require(release.report.agents.first { $0.agent == "structure" })
        let errors = structure.findings.filter { $0.severity == .error }
        #expect(errors.isEmpty)
    }

    @Test(
        "page numbering as printed",
        arguments: [
            ("Page 3 of 5", 3, 5), ("Seite 2 von 7", 2, 7), ("Página 4 de 4", 4, 4), ("- 2 / 9 -", 2, 9),
            ("p. 1/3", 1, 3), ("Pagina 2 di 3", 2, 3),
        ]
    )
    func pageMarks(text: String, number: Int, total: Int) {
        #expect(CaseVocabulary.pageMark(text) == CaseEntry.PageMark(number: number, total: total))
    }

    @Test("not page numbering", arguments: ["3 of the 5 vans", "Page 6 of 5", "Total 1 of 2 items were shipped late"])
    func notPageMarks(text: String) {
        #expect(CaseVocabulary.pageMark(text) == nil)
    }

    @Test("reference codes in running text, not dates, amounts or hyphenated words")
    func referenceCodes() {
        #expect(
            CaseVocabulary.referenceCodes(in: "Re: your claim CLM-2024-0113 and order PO/3310/22, see 2024-03-01.")
                == ["CLM-2024-0113", "PO/3310/22"]
        )
        #expect(CaseVocabulary.referenceCodes(in: "A follow-up on the 1,200.00 EUR and 12-03-2024 visit").isEmpty)
    }

    @Test("an entry survives its JSON")
    func roundTrip() {
        let entry = Self.entries[0]
        #expect(CaseEntry(bytes: entry.bytes) == entry)
        #expect(CaseEntry(bytes: Array("{\"schema\": \"other\"}".utf8)) == nil)
    }
}
