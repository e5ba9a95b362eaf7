import CQPDF

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open PDF file: qpdf's object layer (xref, recovery, decryption, stream filters) behind plain Swift values.
///
/// The document owns one `qpdf_data` handle and is confined to the task that opened it; qpdf is not thread-safe
/// per document. Use ``withDocument(path:password:limits:_:)`` to lend it to a scope.
public final class PDFDocument {
    private var qpdf: qpdf_data?
    /// Limits applied to everything read from this document.
    public let limits: ConversionLimits
    private var resolved: [ObjectID: PDFObject] = [:]
    private var decodedBytes = 0

    /// Opens the file at `path`.
    ///
    /// - Throws: ``PDFError`` with `ERR::INPUT::…` codes when the file is not a PDF, needs a password, or cannot
    ///   be recovered.
    public convenience init(path: String, password: String? = nil, limits: ConversionLimits = .default) throws {
        guard let prefix = FileBytes.readPrefix(path: path, count: 1024) else {
            throw PDFError(.unreadable, "cannot read '\(path)'", retryable: true)
        }
        try Self.checkHeader(prefix)
        try self.init(limits: limits, password: password) { qpdf in qpdf_read(qpdf, path, password) }
    }

    /// Opens a PDF held in memory.
    public convenience init(bytes: [UInt8], password: String? = nil, limits: ConversionLimits = .default) throws {
        try Self.checkHeader(bytes.prefix(1024))
        try self.init(limits: limits, password: password) { qpdf in
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                    qpdf_read_memory(qpdf, "memory", pointer, UInt64(buffer.count), password)
                }
            }
        }
    }

    private init(limits: ConversionLimits, password: String?, read: (qpdf_data) -> QPDF_ERROR_CODE) throws {
        let hadPassword = !(password ?? "").isEmpty
        self.limits = limits
        guard let handle = qpdf_init() else {
            throw PDFError(.damaged, "qpdf could not be initialised", retryable: true)
        }
        qpdf = handle
        qpdf_silence_errors(handle)
        qpdf_set_suppress_warnings(handle, QPDF_TRUE)
        qpdf_set_attempt_recovery(handle, QPDF_TRUE)
        let status = read(handle)
        if status & QPDF_ERRORS != 0 || qpdf_has_error(handle) != 0 {
            throw takeError(defaultCode: .damaged, hadPassword: hadPassword)
        }
        let pages = qpdf_get_num_pages(handle)
        if pages < 0 || qpdf_has_error(handle) != 0 {
            throw takeError(defaultCode: .damaged, hadPassword: hadPassword)
        }
        if pages == 0 { throw PDFError(.emptyPDF, "the document has no pages") }
        if Int(pages) > limits.maxPages {
            throw PDFError(
                .maxPagesExceeded,
                "the document has \(pages) pages, more than the limit of \(limits.maxPages)"
            )
        }
    }

    deinit {
        if qpdf != nil { qpdf_cleanup(&qpdf) }
    }

    /// Opens a document, lends it to `body`, and releases every qpdf resource when `body` returns.
    public static func withDocument<Result>(
        path: String,
        password: String? = nil,
        limits: ConversionLimits = .default,
        _ body: (PDFDocument) throws -> Result
    ) throws -> Result {
        let document = try PDFDocument(path: path, password: password, limits: limits)
        return try body(document)
    }

    private static func checkHeader<Bytes: Collection<UInt8>>(_ prefix: Bytes) throws {
        let bytes = Array(prefix)
        let signature: [UInt8] = Array("%PDF-".utf8)
        guard bytes.count >= signature.count else {
            throw PDFError(.notPDF, "the file is too short to be a PDF")
        }
        for start in 0...(bytes.count - signature.count) where bytes[start] == signature[0] {
            if Array(bytes[start..<start + signature.count]) == signature { return }
        }
        throw PDFError(.notPDF, "no %PDF- header in the first 1024 bytes")
    }

    private func takeError(defaultCode: PDFError.Code, hadPassword: Bool) -> PDFError {
        guard let qpdf, qpdf_has_error(qpdf) != 0, let error = qpdf_get_error(qpdf) else {
            return PDFError(defaultCode, "qpdf reported an error without details")
        }
        let code = qpdf_get_error_code(qpdf, error)
        let detail = qpdf_get_error_message_detail(qpdf, error).map { String(cString: $0) } ?? "unknown error"
        switch code {
        case qpdf_e_password:
            return hadPassword
                ? PDFError(.badPassword, "the password is neither the user nor the owner password: \(detail)")
                : PDFError(.passwordRequired, "the document is encrypted and needs a password: \(detail)")
        case qpdf_e_system:
            return PDFError(.unreadable, detail, retryable: true)
        default:
            return PDFError(defaultCode, detail)
        }
    }

    // MARK: - Document-level facts

    /// Number of pages in the document.
    public var pageCount: Int { Int(qpdf_get_num_pages(qpdf)) }

    /// Whether the file is encrypted (it opened, so the password, if any, was right).
    public var isEncrypted: Bool { qpdf_is_encrypted(qpdf) != 0 }

    /// The PDF version from the header, e.g. `1.7`.
    public var version: String { String(cString: qpdf_get_pdf_version(qpdf)) }

    /// A value of the document information dictionary (`Producer`, `Creator`, `Title`, …).
    public func info(_ key: String) -> String? {
        guard let value = qpdf_get_info_key(qpdf, "/" + key) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    // MARK: - Objects

    /// The page at `index` (0-based) with its inherited attributes.
    func pageObject(at index: Int) -> (PDFDictionary, ObjectID, qpdf_oh) {
        let handle = qpdf_get_page_n(qpdf, Int(index))
        let id = ObjectID(Int32(qpdf_oh_get_object_id(qpdf, handle)), Int32(qpdf_oh_get_generation(qpdf, handle)))
        return (convert(handle, depth: 0).dictionary ?? PDFDictionary(), id, handle)
    }

    /// Moves inherited page attributes (Resources, MediaBox, CropBox, Rotate) down to every page.
    func pushInheritedAttributes() {
        qpdf_push_inherited_attributes_to_page(qpdf)
        _ = qpdf_has_error(qpdf) != 0 ? qpdf_get_error(qpdf) : nil
    }

    /// Releases every qpdf object handle; call between pages of long documents.
    func releaseHandles() {
        qpdf_oh_release_all(qpdf)
    }

    /// Follows references until a direct value (or null).
    public func resolve(_ object: PDFObject?) -> PDFObject {
        guard let object else { return .null }
        guard case .reference(let id) = object else { return object }
        if let cached = resolved[id] { return cached }
        resolved[id] = .null  // a reference cycle resolves to null
        let handle = qpdf_get_object_by_id(qpdf, id.number, id.generation)
        let value = convert(handle, depth: 0)
        qpdf_oh_release(qpdf, handle)
        resolved[id] = value
        return value
    }

    /// The resolved dictionary at `key`, if that entry is a dictionary or a stream.
    public func dictionary(_ dictionary: PDFDictionary?, _ key: String) -> PDFDictionary? {
        resolve(dictionary?[key]).dictionary
    }

    /// The decoded data of a stream, or nil when its filters cannot be decoded (e.g. images).
    ///
    /// - Throws: ``PDFError`` when the stream or the document exceeds the byte limits.
    public func streamData(_ id: ObjectID) throws -> [UInt8]? {
        try streamData(id, decoding: qpdf_dl_generalized, what: "stream")
    }

    /// The data of a stream decoded up to `level` (`qpdf_dl_all` also decodes DCT images), counted against the
    /// byte limits; nil when qpdf cannot decode its filters.
    func streamData(_ id: ObjectID, decoding level: qpdf_stream_decode_level_e, what: String) throws -> [UInt8]? {
        let handle = qpdf_get_object_by_id(qpdf, id.number, id.generation)
        defer { qpdf_oh_release(qpdf, handle) }
        var buffer: UnsafeMutablePointer<UInt8>?
        var length = 0
        var filtered: QPDF_BOOL = QPDF_FALSE
        let status = qpdf_oh_get_stream_data(qpdf, handle, level, &filtered, &buffer, &length)
        defer { free(buffer) }
        if qpdf_has_error(qpdf) != 0 { _ = qpdf_get_error(qpdf) }
        // Data asked for undecoded is never "filtered".
        guard status & QPDF_ERRORS == 0, filtered != QPDF_FALSE || level == qpdf_dl_none, let buffer else { return nil }
        try account(bytes: length, what: "\(what) \(id)")
        return Array(UnsafeBufferPointer(start: buffer, count: length))
    }

    /// The page's content streams, decoded and concatenated.
    func pageContent(_ page: qpdf_oh) throws -> [UInt8] {
        var buffer: UnsafeMutablePointer<UInt8>?
        var length = 0
        let status = qpdf_oh_get_page_content_data(qpdf, page, &buffer, &length)
        defer { free(buffer) }
        if qpdf_has_error(qpdf) != 0 { _ = qpdf_get_error(qpdf) }
        guard status & QPDF_ERRORS == 0, let buffer else { return [] }
        try account(bytes: length, what: "page content")
        return Array(UnsafeBufferPointer(start: buffer, count: length))
    }

    func account(bytes: Int, what: String) throws {
        if bytes > limits.maxStreamBytes {
            throw PDFError(
                .streamTooLarge,
                "\(what) decodes to \(bytes) bytes, over the limit of \(limits.maxStreamBytes)"
            )
        }
        decodedBytes += bytes
        if decodedBytes > limits.maxDocumentBytes {
            throw PDFError(
                .documentTooLarge,
                "the document's streams decode to more than \(limits.maxDocumentBytes) bytes"
            )
        }
    }

    // MARK: - Conversion

    private func convert(_ handle: qpdf_oh, depth: Int) -> PDFObject {
        if depth > 0, qpdf_oh_is_indirect(qpdf, handle) != 0 {
            let id = ObjectID(Int32(qpdf_oh_get_object_id(qpdf, handle)), Int32(qpdf_oh_get_generation(qpdf, handle)))
            return .reference(id)
        }
        if depth > 64 { return .null }
        switch qpdf_oh_get_type_code(qpdf, handle) {
        case ot_boolean:
            return .bool(qpdf_oh_get_bool_value(qpdf, handle) != 0)
        case ot_integer:
            return .integer(Int(qpdf_oh_get_int_value(qpdf, handle)))
        case ot_real:
            return .real(qpdf_oh_get_numeric_value(qpdf, handle))
        case ot_name:
            let name = String(cString: qpdf_oh_get_name(qpdf, handle))
            return .name(name.hasPrefix("/") ? String(name.dropFirst()) : name)
        case ot_string:
            var length = 0
            guard let pointer = qpdf_oh_get_binary_string_value(qpdf, handle, &length) else { return .string([]) }
            return .string(
                pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
                    Array(UnsafeBufferPointer(start: $0, count: length))
                }
            )
        case ot_array:
            let count = Int(qpdf_oh_get_array_n_items(qpdf, handle))
            var items: [PDFObject] = []
            items.reserveCapacity(count)
            for index in 0..<count {
                items.append(convert(qpdf_oh_get_array_item(qpdf, handle, Int32(index)), depth: depth + 1))
            }
            return .array(items)
        case ot_dictionary:
            return .dictionary(convertDictionary(handle, depth: depth))
        case ot_stream:
            let id = ObjectID(Int32(qpdf_oh_get_object_id(qpdf, handle)), Int32(qpdf_oh_get_generation(qpdf, handle)))
            return .stream(convertDictionary(qpdf_oh_get_dict(qpdf, handle), depth: depth), id)
        default:
            return .null
        }
    }

    private func convertDictionary(_ handle: qpdf_oh, depth: Int) -> PDFDictionary {
        // qpdf's key iterator is one per qpdf_data, so collect the keys before recursing.
        var keys: [String] = []
        qpdf_oh_begin_dict_key_iter(qpdf, handle)
        while qpdf_oh_dict_more_keys(qpdf) != 0 {
            keys.append(String(cString: qpdf_oh_dict_next_key(qpdf)))
        }
        var entries: [String: PDFObject] = [:]
        entries.reserveCapacity(keys.count)
        for key in keys {
            let value = convert(qpdf_oh_get_key(qpdf, handle, key), depth: depth + 1)
            entries[key.hasPrefix("/") ? String(key.dropFirst()) : key] = value
        }
        return PDFDictionary(entries)
    }
}

/// An image XObject's samples, decoded by qpdf (Flate, LZW, run-length and DCT through libjpeg), with what it takes
/// to read them.
public struct ImageSamples: Sendable {
    public var width: Int
    public var height: Int
    public var bitsPerComponent: Int
    /// Colour components per pixel: 1 (grey, or a palette index with `palette`), 3 (RGB) or 4 (CMYK).
    public var components: Int
    /// RGB triples of an `Indexed` colour space.
    public var palette: [UInt8]?
    /// `/Decode [1 0]` (or a 1-bit image mask painted in black): sample values are inverted.
    public var inverted: Bool
    /// The samples, decoded unless `encoding` says otherwise.
    public var data: [UInt8]
    /// How `data` holds the samples.
    public var encoding = Encoding.decoded

    /// Filters qpdf does not decode, left for the OCR reader's image libraries.
    public enum Encoding: Sendable, Hashable {
        case decoded
        /// CCITT fax data: `k` < 0 Group 4, 0 Group 3 one-dimensional, > 0 Group 3 two-dimensional; `blackIs1`
        /// makes black runs 1 samples.
        case ccitt(k: Int, blackIs1: Bool)
        /// JPEG 2000.
        case jpx
    }
}

extension PDFDocument {
    /// The samples of the image stream `id` — CCITT fax and JPEG 2000 data left encoded (`encoding`) — or nil when
    /// its filters are beyond every decoder at hand (JBIG2, chains ending in CCITT or JPX) or its colour space is
    /// not one a scan uses.
    ///
    /// - Throws: ``PDFError`` when the decoded samples exceed the byte limits.
    public func imageSamples(_ id: ObjectID) throws -> ImageSamples? {
        guard case .stream(let dictionary, _) = resolve(.reference(id)),
            let width = resolve(dictionary["Width"]).int, let height = resolve(dictionary["Height"]).int,
            PlacedImage.sides.contains(width), PlacedImage.sides.contains(height)
        else { return nil }
        let isMask = if case .bool(true) = resolve(dictionary["ImageMask"]) { true } else { false }
        let bits = isMask ? 1 : resolve(dictionary["BitsPerComponent"]).int ?? 8
        guard [1, 2, 4, 8, 16].contains(bits) else { return nil }
        var components = 1
        var palette: [UInt8]?
        if !isMask {
            let space = resolve(dictionary["ColorSpace"])
            switch space.name ?? space.array.flatMap({ resolve($0.first).name }) {
            case "DeviceGray", "CalGray", "Separation", nil: components = 1
            case "DeviceRGB", "CalRGB", "Lab": components = 3
            case "DeviceCMYK": components = 4
            case "ICCBased":
                let profile = space.array.flatMap { $0.count > 1 ? resolve($0[1]).dictionary : nil }
                components = profile.flatMap { resolve($0["N"]).int } ?? 3
            case "Indexed":
                guard let parts = space.array, parts.count == 4 else { return nil }
                let base = resolve(parts[1])
                guard base.name == "DeviceRGB" || base.array.flatMap({ resolve($0.first).name }) == "ICCBased"
                else { return nil }
                switch resolve(parts[3]) {
                case .string(let bytes): palette = bytes
                case .reference(let table): palette = try streamData(table)
                default: return nil
                }
            default: return nil
            }
        }
        guard [1, 3, 4].contains(components) else { return nil }
        let decode = resolve(dictionary["Decode"]).array?.compactMap { resolve($0).number }
        // A mask paints its 0 samples; a Decode array starting at 1 reads samples the other way round.
        let inverted = isMask ? true : (decode?.first ?? 0) > 0.5
        let filter = resolve(dictionary["Filter"])
        let filters = filter.name.map { [$0] } ?? filter.array?.compactMap { resolve($0).name } ?? []
        let encoding = try encodedImageFormat(filters, dictionary: dictionary, width: width)
        let data: [UInt8]
        if encoding != nil {
            guard let raw = try rawStreamData(id) else { return nil }
            data = raw
        } else {
            guard let decoded = try streamData(id, decoding: qpdf_dl_all, what: "image") else { return nil }
            let rowBytes = (width * components * bits + 7) / 8
            guard decoded.count >= rowBytes * height else { return nil }
            data = Array(decoded.prefix(rowBytes * height))
        }
        var samples = ImageSamples(
            width: width,
            height: height,
            bitsPerComponent: bits,
            components: components,
            palette: palette,
            inverted: inverted,
            data: data
        )
        samples.encoding = encoding ?? .decoded
        return samples
    }

    /// The encoding an image keeps for the OCR reader when its only filter is CCITT fax or JPEG 2000; nil for
    /// filters qpdf decodes. A CCITT image whose rows are not the image's width is refused.
    private func encodedImageFormat(
        _ filters: [String],
        dictionary: PDFDictionary,
        width: Int
    ) throws -> ImageSamples.Encoding? {
        guard filters.count == 1 else { return nil }
        switch filters[0] {
        case "JPXDecode":
            return .jpx
        case "CCITTFaxDecode":
            let parameters = resolve(dictionary["DecodeParms"])
            let dictionary =
                parameters.dictionary ?? parameters.array.flatMap { resolve($0.first).dictionary } ?? PDFDictionary()
            guard (resolve(dictionary["Columns"]).int ?? 1728) == width else { return nil }
            let blackIs1 = if case .bool(true) = resolve(dictionary["BlackIs1"]) { true } else { false }
            return .ccitt(k: resolve(dictionary["K"]).int ?? 0, blackIs1: blackIs1)
        default:
            return nil
        }
    }

    /// A stream's data as stored, counted against the byte limits.
    func rawStreamData(_ id: ObjectID) throws -> [UInt8]? {
        try streamData(id, decoding: qpdf_dl_none, what: "image")
    }
}
