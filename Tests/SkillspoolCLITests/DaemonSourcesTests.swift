import Digest
import Foundation
import PDFFixtures
import TestServers
import Testing

/// Word, HTML, Markdown and text files through the real daemon: dropped alone, named by a manifest, mixed with
/// PDFs in an archive; binary data named `.txt` fails with a code; skills come out of all of them.
@Suite("Daemon: Word, HTML, Markdown and text sources", .serialized)
struct DaemonSourcesTests {
    static let markdown = """
        # Onboarding guide

        New staff read this in their first week.

        ## Accounts

        1. Collect the laptop.
        2. Set up two-factor sign-in.

        | System | Owner |
        |---|---|
        | Mail | IT desk |
        | Payroll | HR |
        """

    static let html = """
        <!doctype html><html><head><title>Travel policy</title><script>track()</script></head><body>
        <h1>Travel policy</h1><p>Book trains for trips under 600 km.</p><h2>Allowances</h2>
        <table><tr><th>Item</th><th>Limit</th></tr><tr><td>Hotel</td><td>€ 140 a night</td></tr></table></body></html>
        """

    static let text = """
        MAINTENANCE NOTICE

        Date: 2026-12-12
        Window: 22:00 to 02:00

        The ledger export pauses during the window.
        """

    /// A Word package with a title, a heading, a bulleted list and a table.
    static func docx() throws -> [UInt8] {
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        func paragraph(_ text: String, style: String? = nil, list: Bool = false) -> String {
            let style = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
            let numbering = list ? "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>" : ""
            return "<w:p><w:pPr>\(style)\(numbering)</w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
        }
        let cell = { (text: String) in "<w:tc>\(paragraph(text))</w:tc>" }
        let body =
            paragraph("Expense Rules", style: "Title") + paragraph("Receipts", style: "Heading1")
            + paragraph("Keep every receipt for ten years.") + paragraph("Scan it", list: true)
            + paragraph("Upload it within a month", list: true)
            + "<w:tbl><w:tr>\(cell("Expense"))\(cell("Approver"))</w:tr><w:tr>\(cell("Travel"))\(cell("Line manager"))</w:tr></w:tbl>"
        let document = "<?xml version=\"1.0\"?><w:document \(w)><w:body>\(body)</w:body></w:document>"
        let styles =
            "<?xml version=\"1.0\"?><w:styles \(w)><w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style></w:styles>"
        let numbering =
            "<?xml version=\"1.0\"?><w:numbering \(w)><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\">"
            + "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/></w:lvl></w:abstractNum>"
            + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
        return try ArchiveBuilder.bytes([
            .file("word/document.xml", Array(document.utf8)), .file("word/styles.xml", Array(styles.utf8)),
            .file("word/numbering.xml", Array(numbering.utf8)),
        ])
    }

    @Test("a Word bomb, a huge HTML table and a half-uploaded Word file fail with codes; another tenant is served")
    func hostileSources() throws {
        let spool = try SpoolHarness(tenants: ["acme": "", "other": ""])
        try spool.start(tenants: ["acme", "other"])
        let bomb = try ArchiveBuilder.bytes([.file("word/document.xml", [UInt8](repeating: 0x20, count: 300 << 20))])
        try spool.drop(bomb, as: "bomb.docx")
        let cells = String(repeating: "<td colspan=\"64\">a</td>", count: 2_000)
        try spool.drop(
            Array("<table><tr>\(cells)</tr>\(String(repeating: "<tr><td>b</td></tr>", count: 2_000))</table>".utf8),
            as: "wide.html"
        )
        let whole = try Self.docx()
        try spool.drop(Array(whole.prefix(whole.count / 2)), as: "half.docx")
        try spool.drop(Array(Self.markdown.utf8), as: "guide.md", tenant: "other")
        try spool.wait("the other tenant's job is published", timeout: 60) {
            spool.statuses("other", where: "complete").count == 1
        }
        try spool.wait("the attacker's three files fail", timeout: 60) { spool.failureCodes().count == 3 }
        #expect(
            spool.failureCodes().sorted() == [
                "ERR::CONVERT::DOCUMENT_TOO_LARGE", "ERR::CONVERT::DOCUMENT_TOO_LARGE", "ERR::INPUT::INCOMPLETE_UPLOAD",
            ]
        )
        #expect(try spool.cli(["ledger", "verify"]).status == 0)
        #expect(spool.stop() == 0)
    }

    @Test("every source format becomes a job with outputs and skills; binary text fails with a code")
    func sources() throws {
        let spool = try SpoolHarness()
        try spool.start()
        try spool.drop(Array(Self.markdown.utf8), as: "guide.md")
        try spool.drop(Array(Self.html.utf8), as: "travel.html")
        try spool.drop(Array(Self.text.utf8), as: "notice.txt")
        try spool.drop(try Self.docx(), as: "expenses.docx")
        try spool.drop(
            Array(#"{"documents": [{"file": "expenses.docx"}], "outputFormats": ["json", "md", "claude-skill"]}"#.utf8),
            as: "expenses.job.json"
        )
        try spool.drop(
            try ArchiveBuilder.bytes([
                .file("bundle/readme.md", Array("# Bundle\n\nTwo files.\n".utf8)),
                .file("bundle/scan.pdf", SpoolPDF.numbered(7, tag: "Bundled")),
            ]),
            as: "mixed.zip"
        )
        try spool.drop(Array("<h1>Named</h1><p>Named by a manifest.</p>".utf8), as: "named.htm")
        try spool.drop(
            Array(
                #"{"documents": [{"file": "named.htm"}], "outputFormats": ["json"], "reference": "by-manifest"}"#.utf8
            ),
            as: "named.job.json"
        )
        try spool.drop(
            [0x00, 0x9F, 0x92, 0x96, 0x00, 0x01, 0x02] + Array(repeating: 0x00, count: 200),
            as: "binary.txt"
        )
        try spool.wait("six jobs complete and one failed", timeout: 60) {
            spool.statuses(where: "complete").count == 6 && spool.failureCodes().count == 1
        }
        #expect(spool.failureCodes() == ["ERR::INPUT::UNSUPPORTED_FORMAT"])
        let complete = spool.statuses(where: "complete")
        var formats: [String] = []
        for (job, status) in complete {
            let documents = status["documents"] as? [[String: Any]] ?? []
            formats += documents.compactMap { $0["format"] as? String }
            let files = spool.contents("acme", "outbox/\(job)")
            #expect(files.contains { $0.hasSuffix(".json") && $0 != "status.json" }, "\(job): \(files)")
        }
        #expect(formats.sorted() == ["docx", "html", "html", "markdown", "markdown", "pdf", "text"])
        // The Word file's skill carries its title, heading and table.
        let word = try #require(
            complete.first { ($0.value["documents"] as? [[String: Any]])?.first?["format"] as? String == "docx" }
        )
        let outbox = spool.folder("acme", "outbox/\(word.key)")
        let skill = try #require(
            FileManager.default.enumerator(atPath: outbox.path)?.compactMap { $0 as? String }.first {
                $0.hasSuffix("SKILL.md")
            }
        )
        let markdown = try String(contentsOf: outbox.appendingPathComponent(skill), encoding: .utf8)
        #expect(markdown.contains("Expense Rules"))
        #expect(markdown.contains("Line manager") || markdown.contains("Receipts"))
        spool.stop()
    }
}

/// Documents named by URL in manifests, fetched from a real HTTP server on 127.0.0.1 by the job's worker.
@Suite("Daemon: documents by URL", .serialized)
struct DaemonFetchTests {
    @Test("fetched where the tenant allows loopback and http; refused with codes under the defaults and past limits")
    func fetch() throws {
        let server = try HTTPTestServer()
        let pdf = SpoolPDF.numbered(3, tag: "Fetched")
        try server.serve(pdf, as: "report.pdf")
        try server.serve(Array("# Fetched notes\n\nServed as octets, read as Markdown.\n".utf8), as: "notes")
        let spool = try SpoolHarness(tenants: [
            "open": #", "fetch": {"allowHTTP": true, "allowPrivateAddresses": true, "timeoutSeconds": 8}"#,
            "strict": "",
        ])
        try spool.start(tenants: ["open", "strict"])
        let manifest = { (documents: String, reference: String) in
            Array(#"{"documents": [\#(documents)], "outputFormats": ["json"], "reference": "\#(reference)"}"#.utf8)
        }
        try spool.drop(
            manifest(
                #"{"url": "\#(server.base)/redirect/2/report.pdf"}, {"url": "\#(server.base)/file/notes", "filename": "notes.md"}"#,
                "two"
            ),
            as: "two.job.json",
            tenant: "open"
        )
        try spool.drop(
            manifest(#"{"url": "\#(server.base)/status/404"}"#, "missing"),
            as: "missing.job.json",
            tenant: "open"
        )
        try spool.drop(manifest(#"{"url": "\#(server.base)/slow"}"#, "slow"), as: "slow.job.json", tenant: "open")
        try spool.drop(
            manifest(#"{"url": "\#(server.base)/file/report.pdf"}"#, "http"),
            as: "http.job.json",
            tenant: "strict"
        )
        try spool.drop(
            manifest(#"{"url": "https://127.0.0.1:\#(server.port)/file/report.pdf"}"#, "loopback"),
            as: "loopback.job.json",
            tenant: "strict"
        )
        try spool.wait("the open tenant's three jobs end", timeout: 60) {
            spool.statuses("open", where: "complete").count == 1 && spool.failureCodes("open").count == 2
        }
        try spool.wait("the strict tenant's two jobs fail", timeout: 30) { spool.failureCodes("strict").count == 2 }
        #expect(spool.failureCodes("open").sorted() == ["ERR::FETCH::HTTP_STATUS", "ERR::FETCH::TIMEOUT"])
        #expect(
            spool.failureCodes("strict").sorted() == ["ERR::FETCH::PRIVATE_ADDRESS", "ERR::FETCH::SCHEME_NOT_ALLOWED"]
        )
        let (job, status) = try #require(spool.statuses("open", where: "complete").first)
        let documents = status["documents"] as? [[String: Any]] ?? []
        #expect(documents.map { $0["format"] as? String } == ["pdf", "markdown"])
        #expect(documents.first?["url"] as? String == "\(server.base)/redirect/2/report.pdf")
        let digest = SHA256.hex(of: pdf)
        #expect(documents.first?["sha256"] as? String == digest)
        #expect(spool.contents("open", "outbox/\(job)").contains("notes.json"))
        spool.stop()
    }
}
