import DocumentModel
import JSON

/// What one document brings to its case: who and what it names, its own date, its amounts and reference numbers,
/// where its page numbering says it starts and ends, and its text as Markdown.
///
/// Made by the job's worker (`<stem>.case.json`, an output of every job that belongs to a case) and read back when
/// the case skill is rebuilt, so the rebuild never converts a document again.
public struct CaseEntry: Sendable, Hashable {
    /// A labelled value the document states (`Invoice No.: INV-204`, `Total: 1,250.00 EUR`).
    public struct Fact: Sendable, Hashable {
        public var key: String
        public var value: String
        /// The canonical form (ISO date, dot-decimal amount, an identifier without spaces, upper case).
        public var normalized: String
        public var unit: String?
        public var page: Int

        public init(key: String, value: String, normalized: String, unit: String? = nil, page: Int) {
            self.key = key
            self.value = value
            self.normalized = normalized
            self.unit = unit
            self.page = page
        }
    }

    /// A printed page number with its total (`Page 3 of 5`).
    public struct PageMark: Sendable, Hashable {
        public var number: Int
        public var total: Int

        public init(number: Int, total: Int) {
            self.number = number
            self.total = total
        }
    }

    public var job: String
    public var fileName: String
    public var sha256: String
    /// The document's label: its title with its issuer and number (as its own skill is named), or its file name.
    public var title: String
    /// The classifier's document type (`invoice`, `letter`, …).
    public var kind: String
    /// The tenant's category, when one matched.
    public var category: String?
    /// The document's own date, ISO `yyyy-mm-dd`.
    public var date: String?
    public var pageCount: Int
    /// The description the document's own skill carries.
    public var description: String
    /// The words that stand out in the document (names of products, parties, places, subjects).
    public var terms: [String]
    /// Issuers, senders, recipients, customers, insured parties.
    public var parties: [String]
    public var amounts: [Fact]
    /// Reference numbers (invoice, policy, claim, order, account numbers and reference codes in the text).
    public var identifiers: [Fact]
    public var dates: [Fact]
    /// The page numbering printed on the document's first and last page.
    public var firstMark: PageMark?
    public var lastMark: PageMark?
    /// The document as Markdown with page citations, as a skill's reference (page headers and footers left out).
    public var markdown: String

    public init(
        job: String,
        fileName: String,
        sha256: String,
        title: String,
        kind: String,
        category: String? = nil,
        date: String? = nil,
        pageCount: Int,
        description: String,
        terms: [String] = [],
        parties: [String] = [],
        amounts: [Fact] = [],
        identifiers: [Fact] = [],
        dates: [Fact] = [],
        firstMark: PageMark? = nil,
        lastMark: PageMark? = nil,
        markdown: String
    ) {
        self.job = job
        self.fileName = fileName
        self.sha256 = sha256
        self.title = title
        self.kind = kind
        self.category = category
        self.date = date
        self.pageCount = pageCount
        self.description = description
        self.terms = terms
        self.parties = parties
        self.amounts = amounts
        self.identifiers = identifiers
        self.dates = dates
        self.firstMark = firstMark
        self.lastMark = lastMark
        self.markdown = markdown
    }

    /// The output's file name suffix (`<stem>.case.json`).
    public static let fileSuffix = ".case.json"
    /// The largest entry a rebuild reads (a document's Markdown included).
    public static let byteLimit = 16 << 20
}

extension CaseEntry {
    public var json: JSONValue {
        func fact(_ fact: Fact) -> JSONValue {
            var members: [(String, JSONValue)] = [
                ("key", .string(fact.key)), ("value", .string(fact.value)), ("normalized", .string(fact.normalized)),
            ]
            if let unit = fact.unit { members.append(("unit", .string(unit))) }
            members.append(("page", .int(fact.page)))
            return .object(members)
        }
        func mark(_ mark: PageMark?) -> JSONValue {
            mark.map { .object([("number", .int($0.number)), ("total", .int($0.total))]) } ?? .null
        }
        return .object([
            ("schema", .string("skillspool-case-entry v1")), ("job", .string(job)), ("fileName", .string(fileName)),
            ("sha256", .string(sha256)), ("title", .string(title)), ("kind", .string(kind)),
            ("category", category.map { .string($0) } ?? .null), ("date", date.map { .string($0) } ?? .null),
            ("pageCount", .int(pageCount)), ("description", .string(description)),
            ("terms", .array(terms.map { .string($0) })),
            ("parties", .array(parties.map { .string($0) })), ("amounts", .array(amounts.map(fact))),
            ("identifiers", .array(identifiers.map(fact))), ("dates", .array(dates.map(fact))),
            ("firstPageMark", mark(firstMark)), ("lastPageMark", mark(lastMark)), ("markdown", .string(markdown)),
        ])
    }

    public var bytes: [UInt8] { Array((JSONWriter.serialize(json, pretty: true) + "\n").utf8) }

    /// Reads an entry written by ``bytes``; nil when it is not one (a damaged or foreign file).
    public init?(bytes: [UInt8]) {
        guard bytes.count <= Self.byteLimit, let value = try? JSONParser.parse(bytes),
            value["schema"] == .string("skillspool-case-entry v1"), case .string(let job)? = value["job"],
            case .string(let fileName)? = value["fileName"], case .string(let sha256)? = value["sha256"],
            case .string(let title)? = value["title"], case .string(let kind)? = value["kind"],
            case .int(let pageCount)? = value["pageCount"], case .string(let description)? = value["description"],
            case .string(let markdown)? = value["markdown"]
        else { return nil }
        func string(_ value: JSONValue?) -> String? {
            if case .string(let text)? = value { return text }
            return nil
        }
        func facts(_ value: JSONValue?) -> [Fact] {
            guard case .array(let items)? = value else { return [] }
            return items.compactMap { item in
                guard let key = string(item["key"]), let text = string(item["value"]),
                    let normalized = string(item["normalized"]), case .int(let page)? = item["page"]
                else { return nil }
                return Fact(key: key, value: text, normalized: normalized, unit: string(item["unit"]), page: page)
            }
        }
        func mark(_ value: JSONValue?) -> PageMark? {
            guard case .int(let number)? = value?["number"], case .int(let total)? = value?["total"] else { return nil }
            return PageMark(number: number, total: total)
        }
        var parties: [String] = []
        if case .array(let items)? = value["parties"] { parties = items.compactMap(string) }
        var terms: [String] = []
        if case .array(let items)? = value["terms"] { terms = items.compactMap(string) }
        self.init(
            job: job,
            fileName: fileName,
            sha256: sha256,
            title: title,
            kind: kind,
            category: string(value["category"]),
            date: string(value["date"]),
            pageCount: pageCount,
            description: description,
            terms: terms,
            parties: parties,
            amounts: facts(value["amounts"]),
            identifiers: facts(value["identifiers"]),
            dates: facts(value["dates"]),
            firstMark: mark(value["firstPageMark"]),
            lastMark: mark(value["lastPageMark"]),
            markdown: markdown
        )
    }
}
