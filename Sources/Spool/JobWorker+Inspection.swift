import Archives
import Digest
import DocumentModel
import Fetch
import FileSystem
import Layout
import Markup
import OCR
import PDFText
import SpoolConfig

extension Manifest {
    /// The manifest of a claimed job and the folder its document paths are relative to: the lone document's
    /// default job, the dropped manifest, or for an archive (once extracted) its manifest or its documents.
    static func resolve(
        _ ticket: JobTicket,
        work: Directory,
        tenant: TenantConfiguration,
        archive: JobInspection.ArchiveContents?
    ) throws -> (Manifest, Directory) {
        let input = try work.folder("input")
        switch ticket.source {
        case .lone:
            return (Manifest.lone(file: ticket.trigger, tenant: tenant), input)
        case .manifest:
            return (try Manifest(bytes: input.read(ticket.trigger), tenant: tenant), input)
        case .archive:
            let extracted = try work.folder("extracted")
            guard let archive else {
                throw SpoolError(.io, "the archive of the job was not inspected", retryable: true)
            }
            if let manifest = archive.manifest {
                return (try Manifest(bytes: extracted.read(manifest), tenant: tenant, nested: true), extracted)
            }
            return (
                Manifest(
                    documents: archive.documents.map { Manifest.DocumentEntry(file: $0) },
                    outputFormats: tenant.defaultFormats,
                    review: tenant.review
                ),
                extracted
            )
        }
    }
}

extension JobWorker {
    /// Extracts the job's archive into `.work/<job>/extracted/` and says what it holds.
    func extract() throws -> JobInspection.ArchiveContents {
        let input = try work.folder("input")
        try work.remove("extracted")
        let extracted = try work.folder("extracted", create: true)
        let archive = try input.openRegularFile(ticket.trigger)
        let limits = ArchiveLimits(
            maxMembers: 1_000,
            maxTotalBytes: tenant.plan.bytesPerDocument * tenant.plan.documentsPerJob + (1 << 20)
        )
        let members = try ArchiveReader.withArchive(descriptor: archive.descriptor.rawValue) {
            try $0.extract(into: extracted.descriptor.rawValue, limits: limits)
        }
        let manifests = members.filter { !$0.path.contains("/") && InboxName($0.path) == .manifest }
        guard manifests.count <= 1 else {
            throw SpoolError(.manifestInvalid, "the archive holds \(manifests.count) manifests; one at most")
        }
        if let manifest = manifests.first { return .init(manifest: manifest.path, documents: []) }
        let documents = members.map(\.path).filter { path in
            if case .document = InboxName(String(path.split(separator: "/").last ?? "")) { true } else { false }
        }.sorted()
        guard !documents.isEmpty else {
            throw SpoolError(.emptyArchive, "'\(ticket.trigger)' holds no document (.pdf, .docx, .html, .md, .txt)")
        }
        guard documents.count <= tenant.plan.documentsPerJob else {
            throw SpoolError(
                .tooManyDocuments,
                "'\(ticket.trigger)' holds \(documents.count) documents, the plan allows \(tenant.plan.documentsPerJob) per job"
            )
        }
        return .init(manifest: nil, documents: documents)
    }

    /// The job's manifest and the folder its documents are in.
    func resolve(archive: JobInspection.ArchiveContents?) throws -> (Manifest, Directory) {
        try Manifest.resolve(ticket, work: work, tenant: tenant, archive: archive)
    }
    /// Opens (or fetches) every document, checks it against the plan and counts the pages it will convert. A
    /// source without pages (Word, HTML, Markdown, text) is converted here already: its sections, which stand for
    /// pages, are counted from its document, which the rendering then uses.
    func inspect(_ manifest: Manifest, folder: Directory) throws -> [WorkingDocument] {
        var documents: [WorkingDocument] = []
        var stems = Set<String>()
        for (index, entry) in manifest.documents.enumerated() {
            let bytes: [UInt8]
            if let url = entry.url {
                bytes = try fetched(entry.file, from: url)
            } else {
                bytes = try Self.open(entry.file, in: folder).readWithinPlan(limit: tenant.plan.bytesPerDocument)
            }
            let named = SourceFormat(fileName: entry.file)
            // A fetched document is what its bytes say (a server's names and types are hints); a file is what its
            // name says, Word and PDF strictly.
            let format =
                entry.url != nil
                ? SourceFormat.detect(bytes, hint: named) ?? named
                : named == .pdf || named == .docx ? named : SourceFormat.detect(bytes, hint: named)
            let pageCount: Int
            var markup: MarkupConversion?
            if format == .pdf || (format == nil && named == nil) {
                // Bytes of no known format under no known name go to the PDF engine, which names what is wrong.
                pageCount = try PDFDocument(bytes: bytes, password: entry.password, limits: configuration.limits)
                    .pageCount
            } else {
                var options = ConversionOptions(limits: configuration.limits)
                options.semantic = manifest.semantic
                // A named text whose bytes are binary is refused here (`ERR::INPUT::UNSUPPORTED_FORMAT`).
                switch try SourceConverter.convert(bytes: bytes, format: format ?? named, options: options) {
                case .markup(let converted):
                    markup = converted
                    pageCount = converted.document.sections.count
                case .pdf:
                    // Bytes that turned out to be a PDF are read by the PDF engine when rendering.
                    pageCount = try PDFDocument(bytes: bytes, password: entry.password, limits: configuration.limits)
                        .pageCount
                }
            }
            guard pageCount <= tenant.plan.pagesPerDocument else {
                throw SpoolError(
                    .tooManyPages,
                    "'\(entry.file)' has \(pageCount) pages, the plan allows \(tenant.plan.pagesPerDocument)"
                )
            }
            let selection =
                try entry.pages.map { try PageSelection(parsing: $0, pageCount: pageCount) } ?? .all(pageCount)
            var report = JobReport.DocumentReport(
                id: "d\(index + 1)",
                fileName: entry.file,
                sha256: SHA256.hex(of: bytes),
                bytes: bytes.count
            )
            report.pageCount = pageCount
            report.url = entry.url
            report.selectedPages = entry.pages.map { _ in selection.description }
            let name = String(entry.file.split(separator: "/").last ?? "document")
            let stem = Self.unique(Self.stem(of: name), in: &stems)
            report.format = (format ?? .pdf).rawValue
            var document = WorkingDocument(
                entry: entry,
                bytes: bytes,
                report: report,
                selection: selection,
                stem: stem,
                format: format,
                markup: markup
            )
            // Scans are told from text pages by reading every page's content: done only when it changes the price
            // or the estimate asked for.
            if markup == nil, manifest.mode == .convert, manifest.ocr != .never,
                manifest.dryRun || tenant.plan.creditsPerOCRPage != 1
            {
                document.ocrPageCount = try DocumentConverter.ocrPages(
                    bytes: bytes,
                    password: entry.password,
                    selection: selection,
                    mode: manifest.ocr,
                    limits: configuration.limits
                ).count
            }
            documents.append(document)
        }
        return documents
    }

    /// The bytes of a document named by URL: fetched once into `.work/<job>/fetched/NAME` and read from there when
    /// the job runs again (after a crash or a restart), so a run again converts the same bytes.
    func fetched(_ name: String, from url: String) throws -> [UInt8] {
        let folder = try work.folder("fetched", create: true)
        if folder.contains(name) {
            return try folder.openRegularFile(name).readWithinPlan(limit: tenant.plan.bytesPerDocument)
        }
        let document: FetchedDocument
        do {
            document = try DocumentFetcher.fetchBlocking(url, policy: tenant.fetchPolicy)
        } catch let error as FetchError {
            throw SpoolError(error)
        }
        try folder.writeDurably(name, document.bytes)
        return document.bytes
    }

    /// Opens a document path (components checked by the manifest) without following any link.
    static func open(_ path: String, in folder: Directory) throws -> OpenFile {
        let parts = path.split(separator: "/").map(String.init)
        var current = folder
        for part in parts.dropLast() { current = try current.folder(part) }
        guard let last = parts.last, current.contains(last) else {
            throw SpoolError(.missingDocument, "'\(path)' is not among the job's files")
        }
        return try current.openRegularFile(last)
    }

    /// The file name without the extension of a supported format (`report.docx` → `report`).
    static func stem(of name: String) -> String {
        guard SourceFormat(fileName: name) != nil, let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }

    /// `name`, or `name-2`, `name-3`, … when taken.
    static func unique(_ name: String, in taken: inout Set<String>) -> String {
        var candidate = name
        var counter = 1
        while taken.contains(candidate) {
            counter += 1
            candidate = "\(name)-\(counter)"
        }
        taken.insert(candidate)
        return candidate
    }
}
