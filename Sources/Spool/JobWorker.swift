import CProcess
import CodedErrors
import DocumentModel
import FileSystem
import JSON
import Layout
import Ledger
import Markup
import PDFText
import Skills
import SpoolConfig

#if canImport(Glibc)
    import Glibc
#endif

/// The worker side of a job (`skillspool worker`): everything that reads a tenant's bytes, run in a
/// process of its own under the plan's limits. It reads `.work/<job>/` and writes only below it; the daemon
/// publishes what it leaves.
public struct JobWorker {
    let configuration: SpoolConfiguration
    let tenant: TenantConfiguration
    let ticket: JobTicket
    /// `.work/<job>/`.
    let work: Directory
    /// `.work/<job>/worker/`, emptied by the daemon before each run.
    let scratch: Directory

    /// One document while the job runs.
    struct WorkingDocument {
        var entry: Manifest.DocumentEntry
        var bytes: [UInt8]
        var report: JobReport.DocumentReport
        var selection: PageSelection = .all(0)
        var conversion: SourceConversion?
        var document: Document?
        var stem: String
        /// The source's format, from its name or its bytes (nil: neither said; the PDF engine reads it).
        var format: SourceFormat?
        /// A Word, HTML, Markdown or text source as the inspection converted it (every section).
        var markup: MarkupConversion?
        /// Pages of the selection OCR will read, when the inspection counted them.
        var ocrPageCount = 0
    }

    /// Runs `job` for `tenantName` and returns the process's exit status: 0 when done (rendered, or stopped by the
    /// daemon after the inspection), ``WorkerProcess/failureStatus`` with `worker/failure.json` for a coded failure.
    ///
    /// The conversation with the daemon: the worker writes `inspection.json` and the line `inspected` on its
    /// standard output, then reads `render` (go on) or `stop` from its standard input.
    public static func run(job: String, tenantName: String, configuration: SpoolConfiguration) -> Int32 {
        var scratch: Directory?
        do {
            let tenant = try TenantConfiguration.load("\(configuration.tenantsPath)/\(tenantName).json")
            let spool = try TenantSpool(configuration: tenant, spool: Directory.open(path: configuration.spoolPath))
            let work = try spool.work.folder(job)
            scratch = try work.folder(WorkerProcess.folderName)
            let worker = JobWorker(
                configuration: configuration,
                tenant: tenant,
                ticket: try JobTicket(bytes: work.read(JobTicket.fileName)),
                work: work,
                scratch: try work.folder(WorkerProcess.folderName)
            )
            let inspected = try worker.inspect()
            try work.writeDurably(JobInspection.fileName, inspected.record.bytes, durable: false)
            let said = Array((WorkerProcess.inspectedLine + "\n").utf8)
            _ = said.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            guard readLine() == WorkerProcess.renderLine else { return 0 }
            try worker.scratch.writeDurably(JobRendering.fileName, worker.render(inspected).bytes, durable: false)
            return 0
        } catch {
            let failure = JobFailure(error)
            let bytes = Array((JSONWriter.serialize(failure.json, pretty: true) + "\n").utf8)
            // Without a scratch folder there is nowhere to report to: the daemon sees a crash-like exit.
            guard (try? scratch?.writeDurably(WorkerProcess.failureName, bytes, durable: false)) != nil else {
                return 1
            }
            return WorkerProcess.failureStatus
        }
    }

    /// Bounds the calling process before it reads anything: address space, CPU time (a backstop for the daemon's
    /// wall-clock deadline), no core files, and death with the daemon.
    public static func bound(memoryBytes: Int, cpuSeconds: Int) {
        func limit(_ resource: __rlimit_resource, soft: Int, hard: Int) {
            var value = rlimit(rlim_cur: rlim_t(soft), rlim_max: rlim_t(hard))
            setrlimit(__rlimit_resource_t(resource.rawValue), &value)
        }
        limit(RLIMIT_AS, soft: memoryBytes, hard: memoryBytes)
        limit(RLIMIT_CPU, soft: cpuSeconds + 1, hard: cpuSeconds + 5)
        limit(RLIMIT_CORE, soft: 0, hard: 0)
        _ = skillspool_die_with_parent()
        // The daemon may have ended before the request above took effect.
        if getppid() == 1 { exit(1) }
    }

    /// What the inspection found, kept for the rendering in the same process: the documents stay read and parsed.
    struct Inspected {
        var record: JobInspection
        var manifest: Manifest
        var documents: [WorkingDocument]
    }

    /// The inspect phase: extracts an archive, opens every document, checks it against the plan.
    func inspect() throws -> Inspected {
        let archive = try ticket.source == .archive ? extract() : nil
        let (manifest, folder) = try resolve(archive: archive)
        let documents = try inspect(manifest, folder: folder)
        let record = JobInspection(
            documents: documents.map {
                JobInspection.Document(
                    report: $0.report,
                    selectedPageCount: $0.selection.pages.count,
                    ocrPageCount: $0.ocrPageCount,
                    selection: $0.selection.description,
                    stem: $0.stem
                )
            },
            archive: archive
        )
        return Inspected(record: record, manifest: manifest, documents: documents)
    }

    /// The render phase: converts, classifies and packages every inspected document, runs QA on the skills, and
    /// leaves the outputs in `worker/rendered/`.
    func render(_ inspected: Inspected) throws -> JobRendering {
        let manifest = inspected.manifest
        var documents = inspected.documents
        let infoMode = manifest.mode == .info
        for index in documents.indices {
            var options = ConversionOptions(
                pages: manifest.documents[index].pages,
                password: manifest.documents[index].password,
                bounds: manifest.bounds,
                limits: configuration.limits
            )
            options.structure = !infoMode
            options.semantic = manifest.semantic
            options.styles = manifest.fonts
            options.ocr = infoMode ? .never : manifest.ocr
            options.ocrLanguages = manifest.ocrLanguages
            if let markup = documents[index].markup {
                documents[index].conversion = .markup(
                    try markup.selecting(pages: options.pages, limits: options.limits)
                )
            } else {
                documents[index].conversion = .pdf(
                    try DocumentConverter.convert(bytes: documents[index].bytes, options: options)
                )
            }
            documents[index].bytes = []
            if !infoMode { documents[index].document = documents[index].conversion?.document }
        }
        classify(&documents, manifest: manifest)
        var outputs = package(documents, manifest: manifest, infoMode: infoMode)
        if ticket.caseLink != nil, !infoMode { outputs += caseEntries(documents) }
        var scores: [QAScoreRecord] = []
        var qaPassed = true
        if !infoMode, manifest.outputFormats.contains(where: SkillRequest.formats.contains) {
            let skills = try packageSkills(documents, manifest: manifest)
            outputs += skills.files.map { ($0.path, $0.format, $0.bytes) }
            scores = skills.reports.flatMap { skill in
                skill.agents.map {
                    QAScoreRecord(skill: skill.skill, agent: $0.agent, score: $0.score, passed: $0.passed)
                }
            }
            qaPassed = skills.reports.allSatisfy(\.passed)
        }
        let rendered = try scratch.folder(JobRendering.renderedFolder, create: true)
        for output in outputs { try rendered.writeDurably(path: output.name, output.bytes, durable: false) }
        return JobRendering(
            documents: documents.map(\.report),
            outputs: outputs.map { JobRendering.Output(name: $0.name, format: $0.format) },
            qaScores: scores,
            qaPassed: qaPassed
        )
    }
}
