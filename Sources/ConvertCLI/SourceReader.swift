import DocumentModel
import JSON
import Layout

/// The sources a `convert` process reads: the small `skillspool` process reads PDFs
/// (``PDFSourceReader``); the complete command tree reads every supported format.
public protocol SourceReader {
    /// Converts the file at `path`.
    static func convert(path: String, options: ConversionOptions) throws -> any ConvertedSource
    /// The info-mode summary (`--info`).
    static func info(path: String, options: ConversionOptions, fonts: Bool, pageSizes: Bool) throws -> JSONValue
    /// What converting would bill (`--cost`).
    static func cost(path: String, options: ConversionOptions, infoMode: Bool) throws -> JSONValue
}

/// Thrown by a reader for a file it does not read: the process hands the whole command to the complete tree.
public struct SourceHandOver: Error {
    public let path: String
}

/// PDFs only, so the small process links no Word, HTML or Markdown library (each costs every conversion's
/// start-up); any other file is a ``SourceHandOver``.
public enum PDFSourceReader: SourceReader {
    public static func convert(path: String, options: ConversionOptions) throws -> any ConvertedSource {
        try checkPDF(path)
        return try DocumentConverter.convert(path: path, options: options)
    }

    public static func info(
        path: String,
        options: ConversionOptions,
        fonts: Bool,
        pageSizes: Bool
    ) throws
        -> JSONValue
    {
        try checkPDF(path)
        return try DocumentInfo.inspect(path: path, options: options, fonts: fonts, pageSizes: pageSizes)
    }

    public static func cost(path: String, options: ConversionOptions, infoMode: Bool) throws -> JSONValue {
        try checkPDF(path)
        return try DocumentInfo.cost(path: path, options: options, infoMode: infoMode)
    }

    private static func checkPDF(_ path: String) throws {
        guard DocumentConverter.reads(path: path) else { throw SourceHandOver(path: path) }
    }
}
