/// An indirect object's number and generation.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    public var number: Int32
    public var generation: Int32
    public init(_ number: Int32, _ generation: Int32) {
        self.number = number
        self.generation = generation
    }
    public var description: String { "\(number) \(generation) R" }
}

/// A PDF object converted from qpdf into plain Swift values.
///
/// Direct parts are converted eagerly; indirect objects stay ``reference(_:)`` until resolved through
/// ``ObjectStore``, so cycles in the object graph never recurse.
public enum PDFObject: Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case real(Double)
    case string([UInt8])
    case name(String)
    case array([PDFObject])
    case dictionary(PDFDictionary)
    /// A stream: its dictionary and the object that holds its data.
    case stream(PDFDictionary, ObjectID)
    case reference(ObjectID)

    public var number: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .real(let value): value
        default: nil
        }
    }

    public var int: Int? {
        switch self {
        case .integer(let value): value
        case .real(let value) where value.isFinite && abs(value) < 1e15: Int(value.rounded())
        default: nil
        }
    }

    public var name: String? {
        if case .name(let value) = self { return value }
        return nil
    }

    public var bytes: [UInt8]? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var array: [PDFObject]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The dictionary of a dictionary or of a stream.
    public var dictionary: PDFDictionary? {
        switch self {
        case .dictionary(let value): value
        case .stream(let value, _): value
        default: nil
        }
    }

    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// A text string decoded as PDF text (UTF-16BE with BOM, UTF-8 with BOM, else PDFDocEncoding).
    public var text: String? {
        guard case .string(let raw) = self else { return nil }
        return PDFTextString.decode(raw)
    }
}

/// A dictionary with its keys (without the leading slash).
public struct PDFDictionary: Sendable {
    public var entries: [String: PDFObject]
    public init(_ entries: [String: PDFObject] = [:]) { self.entries = entries }
    public subscript(key: String) -> PDFObject? { entries[key] }
    public var isEmpty: Bool { entries.isEmpty }
}

/// Decoding of PDF text strings (document info, ActualText, …).
enum PDFTextString {
    static func decode(_ raw: [UInt8]) -> String {
        if raw.count >= 2, raw[0] == 0xFE, raw[1] == 0xFF {
            var units: [UInt16] = []
            units.reserveCapacity(raw.count / 2)
            var index = 2
            while index + 1 < raw.count {
                units.append(UInt16(raw[index]) << 8 | UInt16(raw[index + 1]))
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF {
            return String(decoding: raw[3...], as: UTF8.self)
        }
        var result = String.UnicodeScalarView()
        for byte in raw {
            let name = BaseEncoding.pdfDoc.glyphName(for: byte)
            if let scalars = name.flatMap(AdobeGlyphList.scalars(for:)) {
                result.append(contentsOf: scalars)
            } else if let scalar = Unicode.Scalar(UInt32(byte)) {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
