import Foundation
import Testing

/// Scans dropped into the spool: read by OCR in the job, priced by the tenant's plan, counted by a dry run.
@Suite("Daemon: scans read by OCR and priced by the plan", .serialized)
struct DaemonOCRTests {
    @Test("a plan pricing OCR pages at 3 credits: a dry run counts the scanned page, the job reserves and charges it")
    func pricedScans() throws {
        guard let scan = try ConvertOCRTests.scan(dpi: 200, format: .png) else {
            Issue.record("pdftoppm, img2pdf or ImageMagick is missing (make deps installs them)")
            return
        }
        let spool = try SpoolHarness(plan: #", "creditsPerOCRPage": 3"#)
        try spool.start()
        let scanned = Array(try Data(contentsOf: URL(fileURLWithPath: scan)))
        try spool.drop(scanned, as: "scan.pdf")
        try spool.drop(SpoolPDF.numbered(1, tag: "Text"), as: "text.pdf")
        try spool.drop(
            Array(
                #"{"documents": [{"file": "scan.pdf"}, {"file": "text.pdf"}], "dryRun": true, "reference": "dry"}"#
                    .utf8
            ),
            as: "dry.job.json"
        )
        try spool.wait("the dry run is published") { spool.statuses(where: "complete").count == 1 }
        let dry = try #require(spool.statuses(where: "complete").first)
        let estimateURL = spool.folder("acme", "outbox/\(dry.key)/estimate.json")
        let estimate = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: estimateURL)) as? [String: Any]
        )
        #expect(estimate["credits"] as? Int == 4)
        let documents = try #require(estimate["documents"] as? [[String: Any]])
        #expect(documents.map { $0["ocr_pages"] as? Int } == [1, 0])
        #expect(documents.map { $0["credits"] as? Int } == [3, 1])

        // The same scan converted: 3 credits reserved and charged, its text marked as read by OCR.
        try spool.drop(scanned, as: "scan2.pdf")
        try spool.drop(Array(#"{"documents": [{"file": "scan2.pdf"}], "reference": "real"}"#.utf8), as: "real.job.json")
        try spool.wait("the scan is published") { spool.statuses(where: "complete").count == 2 }
        let real = try #require(spool.statuses(where: "complete").first { $0.value["reference"] as? String == "real" })
        let credits = try #require(real.value["credits"] as? [String: Any])
        #expect(credits["reserved"] as? Int == 3 && credits["charged"] as? Int == 3)
        let outputs = spool.contents("acme", "outbox/\(real.key)")
        let json = try #require(outputs.first { $0.hasSuffix(".json") && $0 != "status.json" })
        let text = try String(contentsOf: spool.folder("acme", "outbox/\(real.key)/\(json)"), encoding: .utf8)
        #expect(text.contains(#""source": "ocr""#))
        #expect(text.contains("Invoice number: 4711"))
        spool.stop()
    }
}
