import DocumentModel
import Fetch
import JSON
import OCR
import PDFText
import Skills
import SpoolConfig

/// A job manifest (`NAME.job.json`), validated against the schema of DESIGN.md and the tenant's plan.
public struct Manifest: Sendable, Hashable {
    /// One document of the job: a file in the same inbox (or archive), or a URL to fetch it from, and an optional
    /// page selection.
    public struct DocumentEntry: Sendable, Hashable {
        /// The file's name in the inbox; for a URL, the name its fetched bytes are kept and published under.
        public var file: String
        public var pages: String?
        public var password: String?
        /// Where to fetch the document from (`documents[].url`); nil for a file in the inbox.
        public var url: String?

        public init(file: String, pages: String? = nil, password: String? = nil, url: String? = nil) {
            self.file = file
            self.pages = pages
            self.password = password
            self.url = url
        }
    }

    public var documents: [DocumentEntry]
    public var outputFormats: [String]
    /// What a job does with its documents.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// Convert into the requested formats.
        case convert
        /// Only the summary of each document (1 credit per 50 pages).
        case info
    }

    public var mode = Mode.convert
    public var dryRun = false
    public var bounds = false
    public var fonts = false
    public var semantic = true
    /// OCR for pages without a text layer; the tenant's settings unless `options` says otherwise.
    public var ocr = OCRMode.auto
    public var ocrLanguages = [OCRLanguage.automatic]
    public var skillName: String?
    public var catalogue = PackageOptions.Catalogue.auto
    public var engine: String?
    public var review: ReviewPolicy
    public var reference: String?
    /// The case the documents join (`"case": {"name": …, "claimNumber": …}`); nil for a job of its own.
    public var caseRequest: CaseRequest?

    /// A manifest's case: by name, by claim number, or both.
    public struct CaseRequest: Sendable, Hashable {
        public var name: String?
        public var claimNumber: String?
    }

    /// The formats the engines offer today.
    public static let knownFormats = ["json", "md", "ascii", "text"] + SkillRequest.formats

    /// The job of a lone PDF: the tenant's default formats.
    public static func lone(file: String, tenant: TenantConfiguration) -> Manifest {
        var manifest = Manifest(
            documents: [DocumentEntry(file: file)],
            outputFormats: tenant.defaultFormats,
            review: tenant.review
        )
        (manifest.ocr, manifest.ocrLanguages) = (tenant.ocr, tenant.ocrLanguages)
        return manifest
    }

    /// Parses and validates manifest bytes.
    ///
    /// - Parameter nested: whether document paths may name subfolders (inside an extracted archive).
    /// - Throws: ``SpoolError`` with an `ERR::MANIFEST::…`, `ERR::SECURITY::…` or `ERR::PLAN::…` code.
    public init(bytes: [UInt8], tenant: TenantConfiguration, nested: Bool = false) throws {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch {
            throw SpoolError(.manifestJSON, "the manifest is not valid JSON: \(error)")
        }
        let fields = try Self.object(root, "the manifest")
        try Self.checkKeys(
            fields,
            [
                "documents", "outputFormats", "mode", "dryRun", "options", "skill", "engine", "review", "reference",
                "case",
            ],
            context: ""
        )
        guard case .array(let entries)? = Self.value(fields, "documents") else {
            throw SpoolError(.manifestInvalid, "\"documents\" must be an array of {\"file\": …} objects")
        }
        guard !entries.isEmpty else { throw SpoolError(.manifestInvalid, "\"documents\" is empty") }
        guard entries.count <= tenant.plan.documentsPerJob else {
            throw SpoolError(
                .tooManyDocuments,
                "\(entries.count) documents, the plan allows \(tenant.plan.documentsPerJob) per job"
            )
        }
        var documents: [DocumentEntry] = []
        for (index, entry) in entries.enumerated() {
            let context = "documents[\(index)]."
            let members = try Self.object(entry, "documents[\(index)]")
            try Self.checkKeys(members, ["file", "url", "filename", "pages", "password"], context: context)
            let url = try Self.string(members, "url", context: context)
            let file: String
            switch (try Self.string(members, "file", context: context), url) {
            case (let named?, nil):
                file = named
                try Self.checkPath(file, nested: nested)
                guard try Self.string(members, "filename", context: context) == nil else {
                    throw SpoolError(.manifestInvalid, "\(context)filename goes with url, not with file")
                }
            case (nil, let url?):
                try Self.checkURL(url, tenant: tenant, context: context)
                file = try Self.string(members, "filename", context: context) ?? Self.fileName(of: url, index: index)
                try Self.checkPath(file, nested: false)
            case (.some, .some):
                throw SpoolError(.manifestInvalid, "\(context) names both a file and a url; one of them")
            case (nil, nil):
                throw SpoolError(.manifestInvalid, "\(context)file (or url) is required")
            }
            let pages = try Self.string(members, "pages", context: context)
            if let pages {
                // The syntax is checked now, the page numbers against the real page count at inspection.
                guard Self.isPageSyntax(pages) else {
                    throw SpoolError(.manifestPages, "\(context)pages \"\(pages)\" does not parse")
                }
            }
            guard !documents.contains(where: { $0.file == file }) else {
                throw SpoolError(.manifestInvalid, "\(context)file \"\(file)\" is listed twice")
            }
            documents.append(
                DocumentEntry(
                    file: file,
                    pages: pages,
                    password: try Self.string(members, "password", context: context),
                    url: url
                )
            )
        }
        self.documents = documents

        let formats = try Self.strings(fields, "outputFormats") ?? tenant.defaultFormats
        guard !formats.isEmpty else { throw SpoolError(.manifestInvalid, "\"outputFormats\" is empty") }
        for format in formats {
            guard Self.knownFormats.contains(format) else {
                throw SpoolError(
                    .unknownFormat,
                    "format \"\(format)\" is not offered; known: \(Self.knownFormats.joined(separator: ", "))"
                )
            }
            if let allowed = tenant.allowedFormats, !allowed.contains(format) {
                throw SpoolError(.formatNotAllowed, "format \"\(format)\" is not in tenant \(tenant.name)'s plan")
            }
        }
        outputFormats = formats.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }

        mode = try Self.choice(fields, "mode", context: "") ?? .convert
        dryRun = try Self.bool(fields, "dryRun", context: "") ?? false
        if let options = Self.value(fields, "options") {
            let members = try Self.object(options, "options")
            try Self.checkKeys(members, ["bounds", "fonts", "semantic", "ocr", "ocrLanguages"], context: "options.")
            bounds = try Self.bool(members, "bounds", context: "options.") ?? false
            fonts = try Self.bool(members, "fonts", context: "options.") ?? false
            semantic = try Self.bool(members, "semantic", context: "options.") ?? true
            ocr = try Self.choice(members, "ocr", context: "options.") ?? tenant.ocr
            if let codes = Self.value(members, "ocrLanguages") {
                guard case .array(let items) = codes, !items.isEmpty,
                    case let strings = items.compactMap(\.stringValue), strings.count == items.count,
                    strings.allSatisfy(OCRLanguage.isValid)
                else {
                    throw SpoolError(
                        .manifestInvalid,
                        "options.ocrLanguages must be a list of Tesseract codes such as \"eng\", \"deu\""
                    )
                }
                ocrLanguages = strings
            } else {
                ocrLanguages = tenant.ocrLanguages
            }
        } else {
            (ocr, ocrLanguages) = (tenant.ocr, tenant.ocrLanguages)
        }
        if let skill = Self.value(fields, "skill") {
            let members = try Self.object(skill, "skill")
            try Self.checkKeys(members, ["name", "catalogue"], context: "skill.")
            skillName = try Self.string(members, "name", context: "skill.")
            if let name = skillName, SkillPackager.skillName(name, fallback: "") != name {
                throw SpoolError(
                    .manifestInvalid,
                    "skill.name \"\(name)\" must be 1–64 characters of a-z, 0-9 and single dashes, without reserved or vague words"
                )
            }
            catalogue = try Self.choice(members, "catalogue", context: "skill.") ?? .auto
        }
        engine = try Self.string(fields, "engine", context: "")
        if let engine {
            do { try PDFEngine.check(pinned: engine) } catch let error as PDFError {
                throw SpoolError(SpoolError.Code(rawValue: error.code.rawValue), error.message)
            }
        }
        review = try Self.choice(fields, "review", context: "") ?? tenant.review
        reference = try Self.string(fields, "reference", context: "")
        if let value = Self.value(fields, "case"), value != .null {
            let members = try Self.object(value, "case")
            try Self.checkKeys(members, ["name", "claimNumber"], context: "case.")
            let request = CaseRequest(
                name: try Self.string(members, "name", context: "case."),
                claimNumber: try Self.string(members, "claimNumber", context: "case.")
            )
            for (field, text) in [("name", request.name), ("claimNumber", request.claimNumber)] {
                guard let text else { continue }
                guard (1...200).contains(text.count), !text.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
                    throw SpoolError(
                        .manifestInvalid,
                        "case.\(field) must be 1–200 characters without control characters"
                    )
                }
            }
            guard let label = request.name ?? request.claimNumber, CaseSlug.make(label) != nil else {
                throw SpoolError(.manifestInvalid, "case needs a name or a claimNumber with letters or digits")
            }
            caseRequest = request
        }
    }

    init(documents: [DocumentEntry], outputFormats: [String], review: ReviewPolicy) {
        self.documents = documents
        self.outputFormats = outputFormats
        self.review = review
    }

    /// Refuses what the fetch would refuse before connecting (the address is checked when the worker fetches).
    static func checkURL(_ url: String, tenant: TenantConfiguration, context: String) throws {
        do { try tenant.fetchPolicy.check(url: url) } catch let error as FetchError {
            throw SpoolError(SpoolError.Code(rawValue: error.code.rawValue), "\(context)url: \(error.message)")
        }
    }

    /// The name a fetched document is kept under: the URL's last path segment made safe (letters, digits, `.`, `_`,
    /// `-`), or `document-N`.
    static func fileName(of url: String, index: Int) -> String {
        let beforeQuery = url.split(whereSeparator: { $0 == "?" || $0 == "#" }).first.map(String.init) ?? url
        let afterScheme = beforeQuery.firstRange(of: "://").map { String(beforeQuery[$0.upperBound...]) } ?? beforeQuery
        let last = afterScheme.split(separator: "/").dropFirst().last.map(String.init) ?? ""
        var safe = Substring(
            String(last.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "-" }.prefix(120))
        )
        while let first = safe.first, first == "." || first == "-" { safe = safe.dropFirst() }
        while let final = safe.last, final == "." || final == "-" { safe = safe.dropLast() }
        return safe.isEmpty ? "document-\(index + 1)" : String(safe)
    }

    /// Refuses absolute paths, `..`, and (in an inbox) any subfolder.
    static func checkPath(_ path: String, nested: Bool) throws {
        guard !path.isEmpty else { throw SpoolError(.manifestInvalid, "an empty file name") }
        if path.hasPrefix("/") || path.hasPrefix("\\") || path.hasPrefix("~") {
            throw SpoolError(.absolutePath, "\"\(path)\" is an absolute path")
        }
        let parts = path.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "\\" })
        if parts.contains(where: { $0 == ".." }) {
            throw SpoolError(.pathTraversal, "\"\(path)\" climbs out of the inbox with '..'")
        }
        if parts.count > 1 && !nested || parts.contains(where: { $0.isEmpty || $0 == "." }) {
            throw SpoolError(.outsideInbox, "\"\(path)\" is not a file in the inbox itself")
        }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            throw SpoolError(.manifestInvalid, "\"\(path.debugDescription)\" holds control characters")
        }
    }

    /// `N` or `N-M` parts separated by commas, pages from 1, ranges forwards.
    static func isPageSyntax(_ text: String) -> Bool {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        return !parts.isEmpty
            && parts.allSatisfy { rawPart in
                let bounds = rawPart.filter { !$0.isWhitespace }.split(separator: "-", omittingEmptySubsequences: false)
                guard (1...2).contains(bounds.count),
                    bounds.allSatisfy({ !$0.isEmpty && $0.count <= 9 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                    let first = Int(bounds[0]), let last = Int(bounds[bounds.count - 1])
                else { return false }
                return first >= 1 && last >= first
            }
    }

    private static func object(_ value: JSONValue, _ what: String) throws -> [(String, JSONValue)] {
        guard case .object(let members) = value else { throw SpoolError(.manifestInvalid, "\(what) must be an object") }
        return members
    }

    private static func checkKeys(_ members: [(String, JSONValue)], _ allowed: Set<String>, context: String) throws {
        for (key, _) in members where !allowed.contains(key) {
            throw SpoolError(.manifestUnknownField, "unknown field \"\(context)\(key)\"")
        }
    }

    private static func value(_ members: [(String, JSONValue)], _ key: String) -> JSONValue? {
        members.last { $0.0 == key }?.1
    }

    private static func string(_ members: [(String, JSONValue)], _ key: String, context: String) throws -> String? {
        guard let value = value(members, key), value != .null else { return nil }
        guard case .string(let text) = value else {
            throw SpoolError(.manifestInvalid, "\"\(context)\(key)\" must be a string")
        }
        return text
    }

    /// A string field that must be one of an enum's values (`ERR::MANIFEST::INVALID_FIELD` otherwise).
    private static func choice<Choice: RawRepresentable & CaseIterable>(
        _ members: [(String, JSONValue)],
        _ key: String,
        context: String
    ) throws -> Choice? where Choice.RawValue == String {
        guard let text = try string(members, key, context: context) else { return nil }
        guard let value = Choice(rawValue: text) else {
            let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw SpoolError(.manifestInvalid, "\(context)\(key) must be one of \(allowed), not \"\(text)\"")
        }
        return value
    }

    private static func bool(_ members: [(String, JSONValue)], _ key: String, context: String) throws -> Bool? {
        guard let value = value(members, key), value != .null else { return nil }
        guard case .bool(let flag) = value else {
            throw SpoolError(.manifestInvalid, "\"\(context)\(key)\" must be true or false")
        }
        return flag
    }

    private static func strings(_ members: [(String, JSONValue)], _ key: String) throws -> [String]? {
        guard let value = value(members, key), value != .null else { return nil }
        guard case .array(let items) = value else {
            throw SpoolError(.manifestInvalid, "\"\(key)\" must be an array of strings")
        }
        return try items.map {
            guard case .string(let text) = $0 else {
                throw SpoolError(.manifestInvalid, "\"\(key)\" must be an array of strings")
            }
            return text
        }
    }
}
