import ConvertCLI
import DocumentModel
import JSON
import Layout
import Markup

/// Every format the product reads — PDF, Word, HTML, Markdown, text — for `convert` in the complete command tree.
public enum AnySourceReader: SourceReader {
    public static func convert(path: String, options: ConversionOptions) throws -> any ConvertedSource {
        try SourceConverter.convert(path: path, options: options)
    }

    public static func info(
        path: String,
        options: ConversionOptions,
        fonts: Bool,
        pageSizes: Bool
    ) throws
        -> JSONValue
    {
        try SourceConverter.info(path: path, options: options, fonts: fonts, pageSizes: pageSizes)
    }

    public static func cost(path: String, options: ConversionOptions, infoMode: Bool) throws -> JSONValue {
        try SourceConverter.cost(path: path, options: options, infoMode: infoMode)
    }
}
