import DocumentModel
import JSON
import Layout
import PDFText

/// A converted source of any format: a PDF's conversion (page layouts, the document built on demand) or a
/// structured source's document, with what every caller needs from either.
public enum SourceConversion: Sendable {
    case pdf(Conversion)
    case markup(MarkupConversion)

    private var converted: any ConvertedSource {
        switch self {
        case .pdf(let conversion): conversion
        case .markup(let conversion): conversion
        }
    }

    /// The structured document (schema v1).
    public var document: Document { converted.document }

    public var documentType: DocumentType {
        switch self {
        case .pdf(let conversion): conversion.documentType
        case .markup(let conversion): conversion.document.documentType
        }
    }

    /// Reading-order text: pages (or sections) separated by form feeds.
    public var text: String { converted.text }

    /// The text of the first three pages or sections (what tenant categories are matched against).
    public var leadText: String {
        switch self {
        case .pdf(let conversion): conversion.layouts.prefix(3).map(\.text).joined(separator: "\n")
        case .markup(let conversion):
            conversion.document.sections.prefix(3).map { $0.blocks.map(\.plainText).joined(separator: "\n") }
                .joined(separator: "\n")
        }
    }

    /// The info-mode summary (`--info`, `mode: info`).
    public func summary(fonts: Bool, pageSizes: Bool) -> JSONValue {
        switch self {
        case .pdf(let conversion):
            return DocumentInfo.summary(of: conversion, fonts: fonts, pageSizes: pageSizes)
        case .markup(let conversion):
            let count = conversion.document.sections.count
            return .object([
                ("mode", .string("info")),
                ("engine", .string(PDFEngine.version)),
                ("determinism", .string("byte-stable")),
                ("format", .string(conversion.format.rawValue)),
                ("pages", .int(count)),
                ("total_pages", .int(count)),
                ("credits", .int(DocumentInfo.credits(pages: count, infoMode: true))),
                ("documentType", conversion.document.documentType.jsonValue),
                ("wordCount", .int(conversion.text.split(whereSeparator: \.isWhitespace).count)),
                ("encrypted", .bool(false)),
            ])
        }
    }
}

extension SourceConversion: ConvertedSource {}
extension MarkupConversion: ConvertedSource {}

/// A Word, HTML, Markdown or text source converted.
public struct MarkupConversion: Sendable {
    public var format: SourceFormat
    public var document: Document

    /// The same conversion with only the sections `pages` selects (`2-3`); every section when nil.
    /// - Throws: `ERR::INPUT::BAD_PAGE_RANGE` when the selection names sections the document does not have.
    public func selecting(pages: String?, limits: ConversionLimits) throws -> MarkupConversion {
        var selected = self
        try SourceConverter.select(&selected.document, pages: pages, limits: limits)
        return selected
    }

    /// Reading-order text: title, headings, paragraphs, list items with their markers, `key: value` lines and
    /// tables as tab-separated rows; sections separated by form feeds.
    public var text: String {
        let sections = document.sections.map { section in
            section.blocks.map { block -> String in
                switch block {
                case .table(let table):
                    return ([table.columns] + table.rows).map { $0.joined(separator: "\t") }.joined(separator: "\n")
                case .cluster(let cluster):
                    return cluster.entries.map { entry in
                        switch entry.kind {
                        case .listItem: (entry.marker.map { $0 + " " } ?? "") + entry.text
                        default: entry.text
                        }
                    }.joined(separator: "\n")
                }
            }.joined(separator: "\n\n")
        }
        return sections.joined(separator: "\n\u{0C}") + "\n"
    }
}
