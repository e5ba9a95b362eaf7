import Foundation
import PDFFixtures
import Testing

/// Scans through the real `convert`: a text PDF rendered to an image (pdftoppm) and wrapped back into an image-only
/// PDF (img2pdf) — as a PNG (Flate) and as a JPEG (DCT) — is read by Tesseract into the same document model.
@Suite("convert: scanned pages read by OCR")
struct ConvertOCRTests {
    static let content = """
        BT /B 20 Tf 72 720 Td (Quarterly Maintenance Report) Tj ET
        BT /R 12 Tf 72 680 Td (Invoice number: 4711) Tj ET
        BT /R 12 Tf 72 660 Td (Total due: 1,234.56 EUR) Tj ET
        BT /R 12 Tf 72 630 Td (The pumps were inspected on 12 March 2026 and found in good order.) Tj ET
        """

    /// A till receipt: items on the left, their amounts right-aligned far away, a bold total.
    static let receipt: String = {
        let items = [
            ("1 Croissant", "2,40"), ("2 Espresso", "5,20"), ("1 Orange juice", "4,10"), ("3 Macaron", "7,50"),
            ("1 Quiche lorraine", "8,90"), ("1 Sparkling water", "3,30"),
        ]
        var lines = ["BT /B 16 Tf 72 720 Td (Boulangerie Martin) Tj ET"]
        for (index, (item, amount)) in items.enumerated() {
            let y = 660 - index * 22
            lines.append("BT /R 12 Tf 72 \(y) Td (\(item)) Tj ET")
            lines.append("BT /R 12 Tf 500 \(y) Td (\(amount)) Tj ET")
        }
        lines.append("BT /B 12 Tf 72 510 Td (TOTAL EUR) Tj ET")
        lines.append("BT /B 12 Tf 492 510 Td (31,40) Tj ET")
        return lines.joined(separator: "\n")
    }()

    /// How a scanner stores its pages: grey PNG (Flate), JPEG (DCT), black and white fax (CCITT Group 4), or
    /// JPEG 2000 (JPX).
    enum ScanFormat: String, CaseIterable, Sendable {
        case png, jpeg, fax, jpeg2000

        /// ImageMagick's conversion of the grey PNG page into this format: file extension and options.
        var conversion: (suffix: String, options: [String])? {
            switch self {
            case .png: nil
            case .jpeg: ("jpg", ["-quality", "85"])
            case .fax: ("tif", ["-monochrome", "-compress", "Group4"])
            case .jpeg2000: ("jp2", ["-quality", "40"])
            }
        }
    }

    /// A text PDF drawing `content` scanned at `dpi` into an image-only PDF of `format` pages; nil when the tools
    /// are missing.
    static func scan(dpi: Int, format: ScanFormat, content: String = content, courier: Bool = false) throws -> String? {
        let tools = ["pdftoppm", "img2pdf", "convert"]
        guard tools.allSatisfy({ Self.which($0) }) else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ocr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = folder.appendingPathComponent("source.pdf")
        try Data(courier ? PDFFixture.courier(content) : PDFFixture.helvetica(content)).write(to: source)
        try run(
            "pdftoppm",
            ["-r", "\(dpi)", "-gray", "-png", "-singlefile", source.path, folder.appendingPathComponent("page").path]
        )
        var image = folder.appendingPathComponent("page.png")
        if let (suffix, options) = format.conversion {
            let converted = folder.appendingPathComponent("page.\(suffix)")
            try run("convert", [image.path] + options + [converted.path])
            image = converted
        }
        let scan = folder.appendingPathComponent("scan.pdf")
        try run("img2pdf", ["--imgsize", "\(dpi)dpi", "-o", scan.path, image.path])
        return scan.path
    }

    static func which(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }

    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    @Test(
        "a scan's words, numbers and heading come back, marked as OCR, the same bytes every time",
        arguments: [(200, ScanFormat.png), (300, .jpeg), (300, .fax), (200, .jpeg2000)]
    )
    func scannedPage(dpi: Int, format: ScanFormat) throws {
        guard let scan = try Self.scan(dpi: dpi, format: format) else {
            Issue.record("pdftoppm, img2pdf or ImageMagick is missing (make deps installs them)")
            return
        }
        let json = try CLI.run(["convert", scan, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let again = try CLI.run(["convert", scan, "--format", "json"])
        #expect(again.stdout == json.stdout, "two runs differ")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let meta = try #require(document["meta"] as? [String: Any])
        #expect((meta["engineVersion"] as? String)?.contains("+ocr@") == true)
        let ocr = try #require(meta["ocr"] as? [String: Any])
        #expect(ocr["pages"] as? [Int] == [1])
        #expect((ocr["engine"] as? String)?.hasPrefix("tesseract 5") == true)
        let section = try #require((document["sections"] as? [[String: Any]])?.first)
        #expect(section["source"] as? String == "ocr")
        #expect((section["confidence"] as? Double ?? 0) > 0.8)
        // Every entry read carries its lines' confidence.
        let entries = (section["blocks"] as? [[String: Any]] ?? []).flatMap { $0["entries"] as? [[String: Any]] ?? [] }
        #expect(!entries.isEmpty)
        for entry in entries {
            let confidence = try #require(entry["confidence"] as? Double, "\(entry)")
            #expect(confidence > 0 && confidence <= 1)
        }

        let text = try CLI.run(["convert", scan, "--format", "text"]).stdout
        for expected in [
            "Quarterly Maintenance Report", "Invoice number: 4711", "Total due: 1,234.56 EUR", "12 March 2026",
        ] {
            #expect(text.contains(expected), "missing \(expected) in:\n\(text)")
        }
        // The heading is told from its size, as in a text PDF.
        #expect(
            json.stdout.contains(#""kind":"title","text":"Quarterly Maintenance Report""#)
                || json.stdout.contains(#""kind":"heading","text":"Quarterly Maintenance Report""#)
        )

        let never = try CLI.run(["convert", scan, "--format", "text", "--ocr", "never"])
        #expect(never.status == 0)
        #expect(never.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    /// A German invoice (written for this test), umlauts in WinAnsi octal escapes.
    static let germanInvoice = """
        BT /B 18 Tf 72 720 Td (Rechnung) Tj ET
        BT /R 12 Tf 72 690 Td (Rechnungsnummer: RE-2026-0815) Tj ET
        BT /R 12 Tf 72 670 Td (F\\344llig am 30. M\\344rz 2026) Tj ET
        BT /R 12 Tf 72 650 Td (Gesamtbetrag: 1.234,56 EUR) Tj ET
        BT /R 12 Tf 72 620 Td (Bitte \\374berweisen Sie den Betrag auf das unten genannte Konto.) Tj ET
        BT /R 12 Tf 72 600 Td (Vielen Dank f\\374r Ihren Auftrag und die gute Zusammenarbeit.) Tj ET
        """

    @Test("the language of a scan is told from its first page: German is read with German data, English as it is")
    func automaticLanguage() throws {
        guard let german = try Self.scan(dpi: 300, format: .png, content: Self.germanInvoice),
            let english = try Self.scan(dpi: 300, format: .png)
        else {
            Issue.record("pdftoppm, img2pdf or ImageMagick is missing (make deps installs them)")
            return
        }
        func read(_ scan: String, _ options: [String]) throws -> (languages: String?, version: String?, text: String) {
            let json = try CLI.run(["convert", scan, "--format", "json"] + options)
            #expect(json.status == 0, "\(json.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))
            let meta = try #require((object as? [String: Any])?["meta"] as? [String: Any])
            let text = try CLI.run(["convert", scan, "--format", "text"] + options).stdout
            return ((meta["ocr"] as? [String: Any])?["languages"] as? String, meta["engineVersion"] as? String, text)
        }
        let told = try read(german, [])
        #expect(told.languages == "deu+eng")
        #expect(told.version?.hasSuffix("-deu,eng") == true, "\(told.version ?? "no version")")
        for expected in ["Fällig am", "überweisen", "für Ihren Auftrag"] {
            #expect(told.text.contains(expected), "missing \(expected) in:\n\(told.text)")
        }
        // Listed languages alone when asked for, and an English page is read once, with English data.
        #expect(try read(german, ["--ocr-languages", "eng"]).languages == "eng")
        #expect(try read(english, []).languages == "eng")
        let automatic = try read(english, ["--ocr-languages", "auto"])
        #expect(automatic.text == (try read(english, ["--ocr-languages", "eng"])).text)
    }

    @Test("amounts right-aligned far from their items are read, whatever the resolution", arguments: [200, 300])
    func rightAlignedAmounts(dpi: Int) throws {
        guard let scan = try Self.scan(dpi: dpi, format: .jpeg, content: Self.receipt) else {
            Issue.record("pdftoppm, img2pdf or ImageMagick is missing (make deps installs them)")
            return
        }
        let text = try CLI.run(["convert", scan, "--format", "text"]).stdout
        // Each item is followed by an amount before the next item starts (a digit may be misread; none may be lost).
        let labels = [
            "Croissant", "Espresso", "Orange juice", "Macaron", "Quiche lorraine", "Sparkling water", "TOTAL",
        ]
        var rest = Substring(text)
        for (index, label) in labels.enumerated() {
            guard let start = rest.range(of: label) else {
                Issue.record("missing \(label) in:\n\(text)")
                return
            }
            rest = rest[start.upperBound...]
            let end = index + 1 < labels.count ? rest.range(of: labels[index + 1])?.lowerBound : nil
            let segment = rest[..<(end ?? rest.endIndex)]
            #expect(segment.contains(/[0-9]+,[0-9]{2}/), "no amount after \(label) in:\n\(text)")
        }
    }

    @Test("rows of printed dashes between a receipt's parts are read, dash for dash", arguments: [200, 300])
    func dashRows(dpi: Int) throws {
        // Courier, as a receipt printer prints: separate dashes, each a character wide.
        let rule = String(repeating: "-", count: 32)
        let content = """
            BT /C 12 Tf 72 720 Td (Kiosk am Markt) Tj ET
            BT /C 12 Tf 72 700 Td (\(rule)) Tj ET
            BT /C 12 Tf 72 680 Td (1 Zeitung 2,50) Tj ET
            BT /C 12 Tf 72 660 Td (\(rule)) Tj ET
            BT /C 12 Tf 72 640 Td (SUMME EUR 2,50) Tj ET
            """
        guard let scan = try Self.scan(dpi: dpi, format: .png, content: content, courier: true) else {
            Issue.record("pdftoppm, img2pdf or ImageMagick is missing (make deps installs them)")
            return
        }
        let text = try CLI.run(["convert", scan, "--format", "text"]).stdout
        #expect(text.components(separatedBy: rule).count - 1 == 2, "\(text)")
        #expect(!text.contains(rule + "-"), "\(text)")
    }

    /// Bytes that are no image format: a fixed pseudo-random sequence.
    static func noise(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 7) }
    }

    /// The signature box that opens a JPEG 2000 file.
    static let jp2Signature: [UInt8] = [0, 0, 0, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A]

    /// A page drawing one image over the whole page, its dictionary and samples given (Flate-compressed, unless the
    /// dictionary names a fax or JPEG 2000 filter: then stored as given).
    static func imagePage(_ dictionary: String, samples: [UInt8]) -> [UInt8] {
        var pdf = PDFFixture()
        let image =
            dictionary.contains("CCITTFaxDecode") || dictionary.contains("JPXDecode")
            ? pdf.addStream(samples, dictionary: "/Type /XObject /Subtype /Image " + dictionary)
            : pdf.addFlateStream(samples, dictionary: "/Type /XObject /Subtype /Image " + dictionary)
        pdf.addPage(content: "q 612 0 0 792 0 0 cm /Im1 Do Q", resources: "<< /XObject << /Im1 \(image) 0 R >> >>")
        return pdf.data()
    }

    @Test(
        "hostile images end as read pages or a coded refusal, never as a blank page, a crash or a memory spike",
        arguments: [
            ("/Width 1e300 /Height 5 /ColorSpace /DeviceGray /BitsPerComponent 8", [UInt8](repeating: 0, count: 10)),
            ("/Width 3000 /Height 3000 /ColorSpace /DeviceGray /BitsPerComponent 8", [UInt8](repeating: 0, count: 100)),
            (
                "/Width 40000 /Height 40000 /ColorSpace /DeviceGray /BitsPerComponent 1",
                [UInt8](repeating: 255, count: 1_000)
            ),
            // Larger than any image is believed to be: still a scan, reported unread.
            (
                "/Width 400000 /Height 400000 /ColorSpace /DeviceGray /BitsPerComponent 8",
                [UInt8](repeating: 0, count: 100)
            ),
            (
                "/Width 600 /Height 800 /ColorSpace [/Indexed /DeviceRGB 1 <000000>] /BitsPerComponent 8",
                [UInt8](repeating: 7, count: 480_000)
            ),
            (
                "/Width 2000 /Height 2000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode",
                Array(String(repeating: "not a jpeg ", count: 50).utf8)
            ),
            (
                "/Width 2480 /Height 3508 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode "
                    + "/DecodeParms << /K -1 /Columns 2480 /BlackIs1 true >>",
                Self.noise(20_000)
            ),
            (
                "/Width 1700 /Height 2200 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /JPXDecode",
                Self.jp2Signature + [UInt8](repeating: 0xFF, count: 4_000)
            ),
        ]
    )
    func hostileImages(dictionary: String, samples: [UInt8]) throws {
        let path = try PDFFixture.temporaryFile(Self.imagePage(dictionary, samples: samples))
        let result = try CLI.run(["convert", path, "--format", "json"])
        // A size that is a whole number is an image the page draws: the page is a scan, read, or refused with a
        // code when nothing on it could be read — never passed over as a blank page.
        if result.status == 2 {
            #expect(!dictionary.contains("1e300"))
            #expect(result.stderr.contains("\"code\":\"ERR::OCR::UNREADABLE_SCAN\""), "\(result.stderr)")
            return
        }
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        guard !dictionary.contains("1e300") else { return }
        let ocr = try #require((document["meta"] as? [String: Any])?["ocr"] as? [String: Any])
        #expect(ocr["pages"] as? [Int] == [1])
        #expect((ocr["unreadPages"] as? [Int] ?? []).isEmpty)
    }

    @Test("a text PDF is not touched by OCR, even with --ocr always")
    func textLayerUnchanged() throws {
        let path = try PDFFixture.temporaryFile(PDFFixture.helvetica(Self.content))
        let auto = try CLI.run(["convert", path, "--format", "json"])
        let always = try CLI.run(["convert", path, "--format", "json", "--ocr", "always"])
        #expect(auto.stdout == always.stdout)
        #expect(!auto.stdout.contains("\"ocr\""))
        #expect(!auto.stdout.contains("+ocr@"))
    }
}
