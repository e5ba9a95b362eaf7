import DocumentModel
import Markup
import Skills
import Testing

/// Every sample of every format: its headings and tables recovered, its skills valid by our QA, its conversion
/// byte-stable; and over all samples of a format, the acceptance figures (heading recall and exact table cells,
/// each at least 0.95).
@Suite struct SourceSampleTests {
    static func convert(_ sample: SourceSample) throws -> Document {
        try SourceConverter.convert(
            bytes: sample.bytes,
            format: SourceFormat(rawValue: sample.format),
            options: .init()
        )
        .document
    }

    /// Headings found (title included) and expected cells found at their grid position.
    static func score(_ sample: SourceSample, _ document: Document) -> (headings: Int, cells: Int, cellTotal: Int) {
        let entries = document.sections.flatMap(\.blocks).flatMap(\.entries)
        let headings = Set(entries.filter { $0.kind == .heading || $0.kind == .title }.map(\.text))
        let found = sample.headings.filter(headings.contains).count
        let tables: [[[String]]] = document.sections.flatMap(\.blocks).compactMap {
            if case .table(let table) = $0 { [table.columns] + table.rows } else { nil }
        }
        var cells = 0
        var total = 0
        for (index, expected) in sample.tables.enumerated() {
            total += expected.reduce(0) { $0 + $1.count }
            guard index < tables.count else { continue }
            for (row, cellsOfRow) in expected.enumerated() where row < tables[index].count {
                for (column, cell) in cellsOfRow.enumerated()
                where column < tables[index][row].count && tables[index][row][column] == cell {
                    cells += 1
                }
            }
        }
        return (found, cells, total)
    }

    @Test(arguments: SourceSamples.all)
    func recoversHeadingsAndTables(_ sample: SourceSample) throws {
        let document = try Self.convert(sample)
        let score = Self.score(sample, document)
        let entries = document.sections.flatMap(\.blocks).flatMap(\.entries)
        #expect(
            score.headings == sample.headings.count,
            "headings: \(entries.filter { $0.kind == .heading || $0.kind == .title }.map(\.text))"
        )
        #expect(score.cells == score.cellTotal)
        #expect(
            document.sections.flatMap(\.blocks).filter { if case .table = $0 { true } else { false } }.count
                == sample.tables.count
        )
        if let items = sample.listItems {
            #expect(entries.filter { $0.kind == .listItem }.map(\.text) == items)
        }
        #expect(document.sections.allSatisfy { $0.kind == "section" })
    }

    @Test(arguments: SourceSamples.all)
    func skillsPassQualityAssurance(_ sample: SourceSample) throws {
        let document = try Self.convert(sample)
        let source = SkillSource(
            document: document,
            fileName: "\(sample.name).\(sample.format)",
            sha256: "0",
            pages: "1"
        )
        let request = SkillRequest(formats: ["claude-skill"], engineVersion: SourceConverter.markupVersion)
        let built = try SkillPublisher.build([source], request: request)
        #expect(!built.files.isEmpty)
        for report in built.reports {
            #expect(report.passed, "\(report.agents.filter { !$0.passed }.map(\.agent))")
        }
    }

    @Test(arguments: SourceSamples.all)
    func conversionIsByteStable(_ sample: SourceSample) throws {
        let first = try Self.convert(sample).json(pretty: true)
        let second = try Self.convert(sample).json(pretty: true)
        #expect(first == second)
    }

    @Test(arguments: ["html", "markdown", "text", "docx"])
    func acceptanceFiguresPerFormat(_ format: String) throws {
        let samples = SourceSamples.all.filter { $0.format == format }
        #expect(samples.count >= 5)
        var headings = 0
        var headingTotal = 0
        var cells = 0
        var cellTotal = 0
        for sample in samples {
            let score = Self.score(sample, try Self.convert(sample))
            headings += score.headings
            headingTotal += sample.headings.count
            cells += score.cells
            cellTotal += score.cellTotal
        }
        #expect(Double(headings) / Double(max(headingTotal, 1)) >= 0.95)
        #expect(cellTotal == 0 || Double(cells) / Double(cellTotal) >= 0.95)
    }
}
