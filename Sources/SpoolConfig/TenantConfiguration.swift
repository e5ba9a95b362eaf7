import OCR

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One tenant's configuration (`etc/tenants/NAME.json`): plan limits, default formats, settle time, QA threshold.
public struct TenantConfiguration: Sendable, Hashable {
    /// Plan limits; the defaults are AI Skill Mill's.
    public struct Plan: Sendable, Hashable {
        public var documentsPerJob = 10
        public var bytesPerDocument = 50 << 20
        public var pagesPerDocument = 500
        public var concurrentJobs = 10
        public var jobsPerHour = 100
        /// The monthly subscription allowance in credits (1 credit = 1 converted page).
        public var monthlyCredits = 0
        /// What a page read by OCR costs instead of 1 credit (a scan takes a second or two of a core, a text page
        /// a few milliseconds).
        public var creditsPerOCRPage = 1
        /// Wall-clock seconds a job's worker may take per document before it is killed (`ERR::LIMIT::TIMEOUT`).
        public var secondsPerDocument = 300
        /// Address space a job's worker may use (`ERR::LIMIT::MEMORY` beyond it).
        public var memoryPerJobBytes = 2 << 30
    }

    public var name: String
    /// A file must be unchanged this long before it is looked at.
    public var quietSeconds = 2.0
    /// A lone PDF waits this long for a manifest to claim it before it becomes a job of its own.
    public var settleSeconds = 5.0
    /// A PDF or manifest that stays incomplete (no `%%EOF`, invalid JSON) this long is quarantined.
    public var incompleteUploadSeconds = 3_600.0
    /// A manifest waits this long for the documents it names.
    public var manifestWaitSeconds = 600.0
    public var defaultFormats = ["json", "md"]
    /// The formats this tenant may ask for; nil allows every format the engines offer.
    public var allowedFormats: [String]? = nil
    /// `auto` (hold for review when QA fails), `always` or `never`.
    public var review = ReviewPolicy.auto
    public var plan = Plan()
    public var qaThreshold = 80
    /// The tenant's own document categories (Sky AI), tried in order.
    public var categories: [Category] = []
    /// What documents named by URL in manifests may reach; webhook endpoints obey the same rules.
    public var fetch = Fetch()
    /// Where job events are posted, signed with each endpoint's secret.
    public var webhooks: [WebhookEndpoint] = []
    /// When pages are read by OCR (a manifest's `options.ocr` overrides it).
    public var ocr = OCRMode.auto
    /// Tesseract's language codes for OCR.
    public var ocrLanguages = [OCRLanguage.automatic]

    /// Fetching documents named by URL (`documents[].url`); the body's limit is the plan's `bytesPerDocument`.
    public struct Fetch: Sendable, Hashable {
        /// `http://` as well as `https://`.
        public var allowHTTP = false
        /// Loopback, private, link-local and other non-public addresses (an intranet's document server).
        public var allowPrivateAddresses = false
        /// The whole fetch of one document: connection, redirects, body.
        public var timeoutSeconds = 60.0
        public var maxRedirects = 5
    }

    /// A tenant-defined document category.
    public struct Category: Sendable, Hashable {
        public var name: String
        public var definition = ""
        /// Words and phrases whose presence in a document speaks for this category.
        public var keyTopics: [String] = []
        /// Further evidence, e.g. a document type (`invoice`) or a phrase that only this category's documents hold.
        public var recognitionTips: [String] = []
        /// The category used when no other matches.
        public var isFallback = false
        /// An output naming pattern such as `INV-[Date]-[Type]`; nil keeps the source file's name.
        public var naming: String?

        public init(name: String) { self.name = name }
    }

    public init(name: String) { self.name = name }

    /// Tenant names: lowercase letters, digits and dashes, starting with a letter, at most 63 characters.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first),
            name.utf8.count <= 63
        else { return false }
        return name.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "-")
        }
    }

    /// Loads `folder/NAME.json`.
    public static func load(_ path: String) throws -> TenantConfiguration {
        guard let file = try ConfigurationFile.load(path) else { throw ConfigurationError("\(path): does not exist") }
        let fileName = String(path.split(separator: "/").last ?? "")
        let stem = fileName.hasSuffix(".json") ? String(fileName.dropLast(5)) : fileName
        try file.checkKeys([
            "name", "quietSeconds", "settleSeconds", "incompleteUploadSeconds", "manifestWaitSeconds", "defaultFormats",
            "allowedFormats", "review", "plan", "qa", "categories", "fetch", "webhooks", "ocr", "ocrLanguages",
        ])
        let name = try file.string("name") ?? stem
        guard isValidName(name), name == stem else {
            throw ConfigurationError(
                "\(path): tenant name \"\(name)\" must match the file name and be lowercase a-z, 0-9, -"
            )
        }
        var tenant = TenantConfiguration(name: name)
        tenant.quietSeconds = try file.number("quietSeconds") ?? tenant.quietSeconds
        tenant.settleSeconds = try file.number("settleSeconds") ?? tenant.settleSeconds
        tenant.incompleteUploadSeconds = try file.number("incompleteUploadSeconds") ?? tenant.incompleteUploadSeconds
        tenant.manifestWaitSeconds = try file.number("manifestWaitSeconds") ?? tenant.manifestWaitSeconds
        tenant.defaultFormats = try file.strings("defaultFormats") ?? tenant.defaultFormats
        tenant.allowedFormats = try file.strings("allowedFormats")
        if let text = try file.string("review") {
            guard let review = ReviewPolicy(rawValue: text) else {
                throw ConfigurationError("\(path): review must be one of \(ReviewPolicy.spelled), not \"\(text)\"")
            }
            tenant.review = review
        }
        if let plan = try file.object("plan") {
            try plan.checkKeys(
                [
                    "documentsPerJob", "bytesPerDocument", "pagesPerDocument", "concurrentJobs", "jobsPerHour",
                    "monthlyCredits", "creditsPerOCRPage", "secondsPerDocument", "memoryPerJobBytes",
                ],
                context: "plan."
            )
            tenant.plan.documentsPerJob = try plan.integer("documentsPerJob", minimum: 1) ?? tenant.plan.documentsPerJob
            tenant.plan.bytesPerDocument =
                try plan.integer("bytesPerDocument", minimum: 1) ?? tenant.plan.bytesPerDocument
            tenant.plan.pagesPerDocument =
                try plan.integer("pagesPerDocument", minimum: 1) ?? tenant.plan.pagesPerDocument
            tenant.plan.concurrentJobs = try plan.integer("concurrentJobs", minimum: 1) ?? tenant.plan.concurrentJobs
            tenant.plan.jobsPerHour = try plan.integer("jobsPerHour", minimum: 1) ?? tenant.plan.jobsPerHour
            tenant.plan.monthlyCredits = try plan.integer("monthlyCredits") ?? tenant.plan.monthlyCredits
            tenant.plan.creditsPerOCRPage =
                try plan.integer("creditsPerOCRPage", minimum: 0) ?? tenant.plan.creditsPerOCRPage
            tenant.plan.secondsPerDocument =
                try plan.integer("secondsPerDocument", minimum: 1) ?? tenant.plan.secondsPerDocument
            // Below 256 MiB the worker cannot even map its own libraries.
            tenant.plan.memoryPerJobBytes =
                try plan.integer("memoryPerJobBytes", minimum: 256 << 20) ?? tenant.plan.memoryPerJobBytes
        }
        for (index, entry) in (try file.objects("categories") ?? []).enumerated() {
            let context = "categories[\(index)]."
            try entry.checkKeys(
                ["name", "definition", "keyTopics", "recognitionTips", "fallback", "naming"],
                context: context
            )
            guard let name = try entry.string("name"), !name.isEmpty else {
                throw ConfigurationError("\(path): \(context)name is required")
            }
            var category = Category(name: name)
            category.definition = try entry.string("definition") ?? ""
            category.keyTopics = try entry.strings("keyTopics") ?? []
            category.recognitionTips = try entry.strings("recognitionTips") ?? []
            category.isFallback = try entry.boolean("fallback") ?? false
            category.naming = try entry.string("naming")
            tenant.categories.append(category)
        }
        if let fetch = try file.object("fetch") {
            try fetch.checkKeys(
                ["allowHTTP", "allowPrivateAddresses", "timeoutSeconds", "maxRedirects"],
                context: "fetch."
            )
            tenant.fetch.allowHTTP = try fetch.boolean("allowHTTP") ?? tenant.fetch.allowHTTP
            tenant.fetch.allowPrivateAddresses =
                try fetch.boolean("allowPrivateAddresses") ?? tenant.fetch.allowPrivateAddresses
            tenant.fetch.timeoutSeconds = try fetch.number("timeoutSeconds", minimum: 1) ?? tenant.fetch.timeoutSeconds
            tenant.fetch.maxRedirects = try fetch.integer("maxRedirects") ?? tenant.fetch.maxRedirects
        }
        for (index, entry) in (try file.objects("webhooks") ?? []).enumerated() {
            let endpoint = try WebhookEndpoint.load(entry, index: index, path: path)
            guard !tenant.webhooks.contains(where: { $0.url == endpoint.url }) else {
                throw ConfigurationError("\(path): webhooks[\(index)].url \(endpoint.url) is named twice")
            }
            guard tenant.fetch.allowHTTP || endpoint.url.lowercased().hasPrefix("https://") else {
                throw ConfigurationError(
                    "\(path): webhooks[\(index)].url is http://, which the tenant allows only with fetch.allowHTTP"
                )
            }
            tenant.webhooks.append(endpoint)
        }
        if let text = try file.string("ocr") {
            guard let mode = OCRMode(rawValue: text) else {
                throw ConfigurationError("\(path): ocr must be one of \"auto\", \"never\", \"always\", not \"\(text)\"")
            }
            tenant.ocr = mode
        }
        if let codes = try file.strings("ocrLanguages") {
            guard !codes.isEmpty, let bad = Optional(codes.filter { !OCRLanguage.isValid($0) }), bad.isEmpty else {
                throw ConfigurationError("\(path): ocrLanguages must be Tesseract codes such as \"eng\", \"deu\"")
            }
            tenant.ocrLanguages = codes
        }
        if let qa = try file.object("qa") {
            try qa.checkKeys(["threshold"], context: "qa.")
            tenant.qaThreshold = try qa.integer("threshold") ?? tenant.qaThreshold
        }
        return tenant
    }

    /// Every `*.json` in `folder`, sorted by name.
    public static func loadAll(folder: String) throws -> [TenantConfiguration] {
        guard let directory = opendir(folder) else {
            if errno == ENOENT { return [] }
            throw ConfigurationError("\(folder): cannot be listed")
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(".json"), !name.hasPrefix(".") { names.append(name) }
        }
        return try names.sorted().map { try load(folder + "/" + $0) }
    }
}
