import Foundation
import Markup
import PDFText
import SpoolConfig
import Testing

@testable import Spool

@Suite("Manifest validation")
struct ManifestTests {
    let tenant: TenantConfiguration = {
        var tenant = TenantConfiguration(name: "acme")
        tenant.plan.documentsPerJob = 3
        tenant.allowedFormats = ["json", "md", "text"]
        return tenant
    }()

    func parse(_ text: String, nested: Bool = false) throws -> Manifest {
        try Manifest(bytes: Array(text.utf8), tenant: tenant, nested: nested)
    }

    @Test("a manifest's case: a name, a claim number or both; anything else is refused with its code")
    func caseField() throws {
        let named = try parse(
            #"{"documents": [{"file": "a.pdf"}], "case": {"name": "Smith v. Johnson", "claimNumber": "CLM-1"}}"#
        )
        #expect(named.caseRequest == Manifest.CaseRequest(name: "Smith v. Johnson", claimNumber: "CLM-1"))
        #expect(CaseSlug.make("Smith v. Johnson") == "smith-v-johnson")
        #expect(
            try parse(#"{"documents": [{"file": "a.pdf"}], "case": {"claimNumber": "CLM-1"}}"#).caseRequest?.name == nil
        )
        #expect(try parse(#"{"documents": [{"file": "a.pdf"}]}"#).caseRequest == nil)
        for bad in [
            #"{}"#, #"{"name": "..."}"#, #"{"name": 4}"#, #"{"name": "a", "owner": "b"}"#, #""smith""#,
            #"{"name": ""}"#,
        ] {
            #expect(throws: SpoolError.self, "\(bad)") {
                try parse(#"{"documents": [{"file": "a.pdf"}], "case": \#(bad)}"#)
            }
        }
    }

    @Test("OCR comes from the tenant unless the manifest's options say otherwise; language codes are checked")
    func ocrSettings() throws {
        var tenant = tenant
        tenant.ocr = .never
        tenant.ocrLanguages = ["deu"]
        let inherited = try Manifest(bytes: Array(#"{"documents": [{"file": "a.pdf"}]}"#.utf8), tenant: tenant)
        #expect(inherited.ocr == .never && inherited.ocrLanguages == ["deu"])
        #expect(Manifest.lone(file: "a.pdf", tenant: tenant).ocr == .never)
        let chosen = try parse(
            #"{"documents": [{"file": "a.pdf"}], "options": {"ocr": "always", "ocrLanguages": ["eng", "chi_sim"]}}"#
        )
        #expect(chosen.ocr == .always && chosen.ocrLanguages == ["eng", "chi_sim"])
        // The language told from the document, by default and beside listed codes.
        #expect(try parse(#"{"documents": [{"file": "a.pdf"}]}"#).ocrLanguages == ["auto"])
        let told = try parse(#"{"documents": [{"file": "a.pdf"}], "options": {"ocrLanguages": ["auto", "deu"]}}"#)
        #expect(told.ocrLanguages == ["auto", "deu"])
        for bad in [#"["../../etc/passwd"]"#, #"["en"]"#, "[]", #""eng""#, #"["ENG"]"#, #"["AUTO"]"#, #"["autox"]"#] {
            #expect(throws: SpoolError.self) {
                try parse(#"{"documents": [{"file": "a.pdf"}], "options": {"ocrLanguages": \#(bad)}}"#)
            }
        }
        #expect(throws: SpoolError.self) {
            try parse(#"{"documents": [{"file": "a.pdf"}], "options": {"ocr": "maybe"}}"#)
        }
    }

    @Test("a complete manifest keeps every field")
    func complete() throws {
        let manifest = try parse(
            """
            { "documents": [{ "file": "report.pdf", "pages": "1-11,18" }, { "file": "b.pdf", "password": "pw" }],
              "outputFormats": ["json", "md", "json"], "mode": "info", "dryRun": true,
              "options": { "bounds": true, "fonts": false, "semantic": false },
              "skill": { "name": "acme-router-manual", "catalogue": "never" },
              "engine": "\(PDFEngine.version)", "review": "always", "reference": "client-ref-42" }
            """
        )
        #expect(manifest.documents.map(\.file) == ["report.pdf", "b.pdf"])
        #expect(manifest.documents[0].pages == "1-11,18")
        #expect(manifest.documents[1].password == "pw")
        #expect(manifest.outputFormats == ["json", "md"])
        #expect(manifest.mode == .info && manifest.dryRun && manifest.bounds && !manifest.semantic)
        #expect(manifest.skillName == "acme-router-manual" && manifest.catalogue == .never)
        #expect(manifest.review == .always && manifest.reference == "client-ref-42")
    }

    @Test("formats default to the tenant's")
    func defaults() throws {
        let manifest = try parse(#"{"documents": [{"file": "a.pdf"}]}"#)
        #expect(manifest.outputFormats == tenant.defaultFormats)
        #expect(manifest.review == .auto)
    }

    @Test(
        "each refusal carries its code",
        arguments: [
            (#"{"documents": [{"file": "a.pdf"}], "colour": "red"}"#, "ERR::MANIFEST::UNKNOWN_FIELD"),
            (#"{"documents": [{"file": "a.pdf", "page": "1"}]}"#, "ERR::MANIFEST::UNKNOWN_FIELD"),
            (#"{"documents": [{"file": 7}]}"#, "ERR::MANIFEST::INVALID_FIELD"),
            (#"{"documents": "a.pdf"}"#, "ERR::MANIFEST::INVALID_FIELD"),
            (#"{"documents": [{"file": "a.pdf"}], "dryRun": "yes"}"#, "ERR::MANIFEST::INVALID_FIELD"),
            (#"{"documents": []}"#, "ERR::MANIFEST::INVALID_FIELD"),
            (#"{"documents": [{"file": "a.pdf"}], "mode": "fast"}"#, "ERR::MANIFEST::INVALID_FIELD"),
            (#"{"documents": [{"file": "a.pdf"}], "review": "sometimes"}"#, "ERR::MANIFEST::INVALID_FIELD"),
            (#"{"documents": [{"file": "a.pdf"}], "skill": {"catalogue": "maybe"}}"#, "ERR::MANIFEST::INVALID_FIELD"),
            (#"{"documents": [{"file": "../b/secret.pdf"}]}"#, "ERR::SECURITY::PATH_TRAVERSAL"),
            (#"{"documents": [{"file": "/etc/passwd"}]}"#, "ERR::SECURITY::ABSOLUTE_PATH"),
            (#"{"documents": [{"file": "sub/a.pdf"}]}"#, "ERR::SECURITY::OUTSIDE_INBOX"),
            (#"{"documents": [{"file": "a.pdf", "pages": "3-1"}]}"#, "ERR::MANIFEST::BAD_PAGES"),
            (#"{"documents": [{"file": "a.pdf", "pages": "one"}]}"#, "ERR::MANIFEST::BAD_PAGES"),
            (
                #"{"documents": [{"file": "a.pdf"}, {"file": "b.pdf"}, {"file": "c.pdf"}, {"file": "d.pdf"}]}"#,
                "ERR::PLAN::TOO_MANY_DOCUMENTS"
            ),
            (#"{"documents": [{"file": "a.pdf"}], "outputFormats": ["ascii"]}"#, "ERR::MANIFEST::FORMAT_NOT_ALLOWED"),
            (#"{"documents": [{"file": "a.pdf"}], "outputFormats": ["docx"]}"#, "ERR::MANIFEST::UNKNOWN_FORMAT"),
            (#"{"documents": [{"file": "a.pdf"}], "engine": "pdf@1999-01-01"}"#, "ERR::INPUT::BAD_VERSION"),
            (#"{"documents": [{"file": "a.pdf"}"#, "ERR::MANIFEST::INVALID_JSON"),
        ]
    )
    func refusals(text: String, code: String) {
        do {
            _ = try parse(text)
            Issue.record("accepted: \(text)")
        } catch let error as SpoolError {
            #expect(error.code.rawValue == code)
        } catch {
            Issue.record("uncoded error \(error)")
        }
    }

    @Test("inside an archive, subfolders are allowed but climbing out is not")
    func nested() throws {
        #expect(try parse(#"{"documents": [{"file": "docs/a.pdf"}]}"#, nested: true).documents[0].file == "docs/a.pdf")
        #expect(throws: SpoolError.self) { try parse(#"{"documents": [{"file": "docs/../../a.pdf"}]}"#, nested: true) }
    }

    @Test(
        "inbox names",
        arguments: [
            ("report.pdf", InboxName.document(.pdf)), ("REPORT.PDF", .document(.pdf)), ("batch.job.json", .manifest),
            ("b.zip", .archive(.zip)), ("b.tar", .archive(.tar)), ("b.tar.gz", .archive(.tarGzip)),
            ("b.tgz", .archive(.tarGzip)), (".report.pdf.Ab12Cd", .ignored), (".in.report.pdf", .ignored),
            ("report.pdf.part", .ignored), ("report.pdf.filepart", .ignored), ("x.tmp", .ignored),
            ("report.pdf~", .ignored), ("notes.docx", .document(.docx)), ("page.HTM", .document(.html)),
            ("readme.md", .document(.markdown)), ("notes.txt", .document(.text)), ("data.csv", .unsupported),
            ("notes.docx.part", .ignored),
        ]
    )
    func inboxNames(name: String, kind: InboxName) {
        #expect(InboxName(name) == kind)
    }
}

@Suite("Manifest fuzz regressions")
struct ManifestFuzzRegressionTests {
    static let inputs: [URL] = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        url.deleteLastPathComponent()
        let folder = url.appendingPathComponent("FuzzRegressions/manifest")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            .map { folder.appendingPathComponent($0) }
    }()

    @Test("manifests the fuzzer crashed on are refused with a code or accepted, never a trap", arguments: inputs)
    func replay(input: URL) throws {
        let bytes = try [UInt8](Data(contentsOf: input))
        do { _ = try Manifest(bytes: bytes, tenant: TenantConfiguration(name: "fuzz"), nested: true) } catch let error
            as SpoolError
        {
            #expect(error.codeText.hasPrefix("ERR::"))
        }
    }

    @Test(
        "documents by URL: a name from the URL or the manifest, https only by default, one of file and url",
        arguments: [
            (#"{"url": "https://docs.example.com/a/Q3%20report.pdf?x=1"}"#, "Q3-20report.pdf", nil as String?),
            (#"{"url": "https://docs.example.com/"}"#, "document-1", nil),
            (#"{"url": "https://docs.example.com/x", "filename": "x.html"}"#, "x.html", nil),
            (#"{"url": "http://docs.example.com/x.pdf"}"#, "", "ERR::FETCH::SCHEME_NOT_ALLOWED"),
            (#"{"url": "ftp://docs.example.com/x.pdf"}"#, "", "ERR::FETCH::SCHEME_NOT_ALLOWED"),
            (#"{"url": "docs.example.com/x.pdf"}"#, "", "ERR::FETCH::BAD_URL"),
            (#"{"url": "https://user:pw@docs.example.com/x.pdf"}"#, "", "ERR::FETCH::BAD_URL"),
            (#"{"url": "https://docs.example.com/x", "filename": "../x.pdf"}"#, "", "ERR::SECURITY::PATH_TRAVERSAL"),
            (#"{"url": "https://docs.example.com/x", "file": "x.pdf"}"#, "", "ERR::MANIFEST::INVALID_FIELD"),
            (#"{"file": "x.pdf", "filename": "y.pdf"}"#, "", "ERR::MANIFEST::INVALID_FIELD"),
        ]
    )
    func documentsByURL(_ entry: String, _ name: String, _ code: String?) {
        do {
            let manifest = try Manifest(
                bytes: Array(#"{"documents": [\#(entry)]}"#.utf8),
                tenant: TenantConfiguration(name: "acme")
            )
            #expect(code == nil)
            #expect(manifest.documents.first?.file == name)
            #expect(manifest.documents.first?.url != nil)
        } catch let error as SpoolError {
            #expect(error.code.rawValue == code)
        } catch {
            Issue.record("\(error)")
        }
    }
}
