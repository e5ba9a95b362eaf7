import JSON
import Layout
import Ledger
import PDFText

/// What a job's worker found before converting anything (`.work/<job>/worker/inspection.json`): each document's
/// size, digest, page count and page selection, and for an archive what it held. The daemon reserves credits from
/// it without reading a PDF itself.
struct JobInspection: Sendable, Hashable {
    /// One document as inspected.
    struct Document: Sendable, Hashable {
        var report: JobReport.DocumentReport
        /// Pages the selection converts (what credits are counted from).
        var selectedPageCount: Int
        /// Pages of the selection OCR will read (counted when the plan prices them apart and for a dry run, else 0).
        var ocrPageCount: Int
        /// The selection as `1-3,7`.
        var selection: String
        /// The output file stem, unique within the job.
        var stem: String
    }

    /// What an archive held once extracted into `.work/<job>/extracted/`.
    struct ArchiveContents: Sendable, Hashable {
        /// The manifest at the archive's top level, if any.
        var manifest: String?
        /// The archive's PDFs (member paths, sorted) when it holds no manifest.
        var documents: [String]
    }

    var documents: [Document]
    var archive: ArchiveContents?

    static let fileName = "inspection.json"

    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            (
                "documents",
                .array(
                    documents.map {
                        .object([
                            ("report", $0.report.json), ("selectedPageCount", .int($0.selectedPageCount)),
                            ("ocrPageCount", .int($0.ocrPageCount)), ("selection", .string($0.selection)),
                            ("stem", .string($0.stem)),
                        ])
                    }
                )
            )
        ]
        if let archive {
            members.append(
                (
                    "archive",
                    .object([
                        ("manifest", archive.manifest.map { .string($0) } ?? .null),
                        ("documents", .array(archive.documents.map { .string($0) })),
                    ])
                )
            )
        }
        return .object(members)
    }

    init(documents: [Document], archive: ArchiveContents?) {
        self.documents = documents
        self.archive = archive
    }

    /// Reads what ``json`` wrote.
    init(bytes: [UInt8]) throws {
        let value = try WorkerRecord.parse(bytes, Self.fileName)
        guard case .array(let entries)? = value["documents"] else { throw WorkerRecord.damaged(Self.fileName) }
        documents = try entries.map { entry in
            guard let report = entry["report"].flatMap(JobReport.DocumentReport.init(json:)),
                let count = entry["selectedPageCount"]?.intValue, let ocrCount = entry["ocrPageCount"]?.intValue,
                let selection = entry["selection"]?.stringValue, let stem = entry["stem"]?.stringValue
            else { throw WorkerRecord.damaged(Self.fileName) }
            return Document(
                report: report,
                selectedPageCount: count,
                ocrPageCount: ocrCount,
                selection: selection,
                stem: stem
            )
        }
        if let archive = value["archive"] {
            guard case .array(let names)? = archive["documents"] else { throw WorkerRecord.damaged(Self.fileName) }
            self.archive = ArchiveContents(
                manifest: archive["manifest"]?.stringValue,
                documents: names.compactMap(\.stringValue)
            )
        }
    }
}

/// What a job's worker made (`.work/<job>/worker/rendering.json`): the documents with their type and category, the
/// output files it left in `worker/rendered/`, and the QA scores of the skills among them.
struct JobRendering: Sendable, Hashable {
    /// One output file, relative to `worker/rendered/` and to the job's outbox folder alike.
    struct Output: Sendable, Hashable {
        var name: String
        var format: String
    }

    var documents: [JobReport.DocumentReport]
    var outputs: [Output]
    var qaScores: [QAScoreRecord]
    /// Whether every skill reached the tenant's QA threshold.
    var qaPassed: Bool

    static let fileName = "rendering.json"
    /// The folder below `worker/` holding the output files.
    static let renderedFolder = "rendered"

    var json: JSONValue {
        .object([
            ("documents", .array(documents.map(\.json))),
            ("outputs", .array(outputs.map { .object([("name", .string($0.name)), ("format", .string($0.format))]) })),
            ("qaScores", .array(qaScores.map(\.json))),
            ("qaPassed", .bool(qaPassed)),
        ])
    }

    init(documents: [JobReport.DocumentReport], outputs: [Output], qaScores: [QAScoreRecord], qaPassed: Bool) {
        self.documents = documents
        self.outputs = outputs
        self.qaScores = qaScores
        self.qaPassed = qaPassed
    }

    /// Reads what ``json`` wrote.
    init(bytes: [UInt8]) throws {
        let value = try WorkerRecord.parse(bytes, Self.fileName)
        guard case .array(let documents)? = value["documents"], case .array(let outputs)? = value["outputs"],
            case .array(let scores)? = value["qaScores"], case .bool(let passed)? = value["qaPassed"]
        else { throw WorkerRecord.damaged(Self.fileName) }
        self.documents = try documents.map {
            guard let report = JobReport.DocumentReport(json: $0) else { throw WorkerRecord.damaged(Self.fileName) }
            return report
        }
        self.outputs = try outputs.map {
            guard let name = $0["name"]?.stringValue, let format = $0["format"]?.stringValue else {
                throw WorkerRecord.damaged(Self.fileName)
            }
            return Output(name: name, format: format)
        }
        qaScores = try scores.map {
            guard let skill = $0["skill"]?.stringValue, let agent = $0["agent"]?.stringValue,
                let score = $0["score"]?.intValue, case .bool(let passed)? = $0["passed"]
            else { throw WorkerRecord.damaged(Self.fileName) }
            return QAScoreRecord(skill: skill, agent: agent, score: score, passed: passed)
        }
        qaPassed = passed
    }
}

extension JobInspection {
    var bytes: [UInt8] { WorkerRecord.bytes(json) }
}

extension JobRendering {
    var bytes: [UInt8] { WorkerRecord.bytes(json) }
}

/// Writing and reading the records a worker leaves for the daemon.
enum WorkerRecord {
    static func bytes(_ value: JSONValue) -> [UInt8] { Array((JSONWriter.serialize(value, pretty: true) + "\n").utf8) }

    static func parse(_ bytes: [UInt8], _ name: String) throws -> JSONValue {
        do { return try JSONParser.parse(bytes) } catch { throw damaged(name) }
    }

    static func damaged(_ name: String) -> SpoolError {
        SpoolError(.workerFailed, "the job's worker left a damaged \(name)", retryable: true)
    }
}

extension JobInspection {
    /// Credits the job reserves: the selected pages of every document (or their info-mode price), a page OCR reads
    /// at `ocrPagePrice`.
    func credits(infoMode: Bool, ocrPagePrice: Int) -> Int {
        documents.reduce(0) { $0 + Self.credits($1, infoMode: infoMode, ocrPagePrice: ocrPagePrice) }
    }

    static func credits(_ document: Document, infoMode: Bool, ocrPagePrice: Int) -> Int {
        guard !infoMode else { return DocumentInfo.credits(pages: document.selectedPageCount, infoMode: true) }
        let ocrPages = min(document.ocrPageCount, document.selectedPageCount)
        return document.selectedPageCount - ocrPages + ocrPages * ocrPagePrice
    }

    /// A dry run's `estimate.json`: pages and credits per document, nothing converted.
    func estimate(infoMode: Bool, ocrPagePrice: Int) -> [UInt8] {
        let entries = documents.map { document -> JSONValue in
            .object([
                ("file", .string(document.report.fileName)), ("pages", .int(document.selectedPageCount)),
                ("total_pages", .int(document.report.pageCount)), ("selected", .string(document.selection)),
                ("ocr_pages", .int(document.ocrPageCount)),
                ("credits", .int(Self.credits(document, infoMode: infoMode, ocrPagePrice: ocrPagePrice))),
            ])
        }
        let value = JSONValue.object([
            ("mode", .string(infoMode ? "info" : "convert")), ("dryRun", .bool(true)),
            ("engine", .string(PDFEngine.version)),
            ("credits", .int(credits(infoMode: infoMode, ocrPagePrice: ocrPagePrice))),
            ("documents", .array(entries)),
        ])
        return Array((JSONWriter.serialize(value, pretty: true) + "\n").utf8)
    }
}
