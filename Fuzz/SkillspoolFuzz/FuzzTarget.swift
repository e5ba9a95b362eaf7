import Archives
import DocumentModel
import Layout
import Markup
import PDFFixtures
import PDFText
import Spool
import SpoolConfig

#if canImport(Glibc)
    import Glibc
#endif

/// The parsers a tenant's bytes reach, one fuzz target each. `make fuzz` builds this file with libFuzzer
/// (`-sanitize=fuzzer,address`, `-D FUZZING`) and runs every target; built normally it is a regression runner that
/// feeds the files it is given to one target, so every crash found stays a test.
enum FuzzTarget: String, CaseIterable {
    /// The object layer and every page's content: qpdf's parser, our object conversion, content-stream lexer and
    /// interpreter, fonts and CMaps in place (small limits).
    case pdf
    /// A content stream alone, drawn on a one-page document with standard fonts, then laid out: the lexer, the
    /// interpreter and the layout at thousands of executions a second.
    case content
    /// Whole documents through the whole conversion (pages, layout, structure); the slowest target.
    case document
    case cmap
    case truetype
    case cff
    case type1
    case manifest
    case archive
    /// Word, HTML, Markdown and text through their readers and the document builder; the first byte picks the
    /// format (a Word package is a zip, so its seeds are whole packages).
    case markup

    static let limits = ConversionLimits(
        maxPages: 8,
        maxStreamBytes: 4 << 20,
        maxDocumentBytes: 16 << 20,
        maxOperatorsPerPage: 200_000,
        maxGlyphsPerPage: 20_000,
        maxGlyphsPerDocument: 50_000,
        maxOperatorsPerDocument: 1_000_000
    )

    /// A scratch file for the archive reader, which reads from a descriptor.
    nonisolated(unsafe) static var scratch: Int32 = -1

    /// Runs one input; refusals are expected, crashes and sanitizer reports are the findings.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .pdf:
            guard let document = try? PDFDocument(bytes: bytes, limits: Self.limits) else { return }
            _ = try? document.extractPages(.all(document.pageCount))
        case .content:
            let options = ConversionOptions(limits: Self.limits)
            _ = try? DocumentConverter.convert(bytes: PDFFixture.page(drawing: bytes), options: options)
        case .document:
            _ = try? DocumentConverter.convert(bytes: bytes, options: ConversionOptions(limits: Self.limits))
        case .cmap:
            _ = CMap(parsing: bytes)
        case .truetype:
            _ = TrueTypeFont(data: bytes)
        case .cff:
            _ = CFFFont(data: bytes)
        case .type1:
            _ = Type1FontProgram.builtInEncoding(bytes)
        case .manifest:
            _ = try? Manifest(bytes: bytes, tenant: TenantConfiguration(name: "fuzz"), nested: true)
        case .archive:
            if Self.scratch < 0 {
                Self.scratch = open("/dev/shm/skillspool-fuzz-\(getpid())", O_RDWR | O_CREAT | O_TRUNC, 0o600)
                unlink("/dev/shm/skillspool-fuzz-\(getpid())")
            }
            ftruncate(Self.scratch, 0)
            _ = bytes.withUnsafeBytes { pwrite(Self.scratch, $0.baseAddress, $0.count, 0) }
            lseek(Self.scratch, 0, SEEK_SET)
            _ = try? ArchiveReader.withArchive(descriptor: Self.scratch) {
                try $0.readMembers(limits: ArchiveLimits(maxMembers: 64, maxTotalBytes: 8 << 20))
            }
        case .markup:
            guard let first = bytes.first else { return }
            let formats: [SourceFormat] = [.docx, .html, .markdown, .text]
            let format = formats[Int(first) % formats.count]
            _ = try? SourceConverter.convert(
                bytes: Array(bytes.dropFirst()),
                format: format,
                options: ConversionOptions(limits: Self.limits)
            )
        }
    }

    /// The target `SKILLSPOOL_FUZZ_TARGET` names.
    static var selected: FuzzTarget {
        guard let name = getenv("SKILLSPOOL_FUZZ_TARGET").map({ String(cString: $0) }),
            let target = FuzzTarget(rawValue: name)
        else {
            let message = "set SKILLSPOOL_FUZZ_TARGET to one of: \(allCases.map(\.rawValue).joined(separator: ", "))\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
            exit(2)
        }
        return target
    }
}

#if FUZZING
    nonisolated(unsafe) private var target: FuzzTarget?

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        if target == nil { target = FuzzTarget.selected }
        target?.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }
#else
    /// `skillspool-fuzz FILE…` with `SKILLSPOOL_FUZZ_TARGET` set: each file once through the target.
    @main
    enum RegressionRunner {
        static func main() {
            let target = FuzzTarget.selected
            for path in CommandLine.arguments.dropFirst() {
                guard let file = fopen(path, "rb") else { continue }
                var bytes: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 65_536)
                while true {
                    let count = fread(&chunk, 1, chunk.count, file)
                    if count == 0 { break }
                    bytes += chunk[..<count]
                }
                fclose(file)
                target.run(bytes)
            }
            print("ran \(CommandLine.arguments.count - 1) inputs through \(target.rawValue)")
        }
    }
#endif
