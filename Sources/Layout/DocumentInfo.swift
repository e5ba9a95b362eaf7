import DocumentModel
import JSON
import PDFText

/// Info mode (`--info`) and cost mode (`--cost`): what a document is and what converting it would cost, without
/// producing the document.
public enum DocumentInfo {
    /// Credits for converting `pages` pages: one per page, or in info mode one per 50 pages (at least 1).
    public static func credits(pages: Int, infoMode: Bool) -> Int {
        infoMode ? max(1, (pages + 49) / 50) : pages
    }

    /// Type, word count, page count, encryption and producer; fonts and page sizes when asked. Of `options`, the
    /// pages, password and limits count.
    public static func inspect(
        path: String,
        options given: ConversionOptions,
        fonts: Bool,
        pageSizes: Bool
    ) throws -> JSONValue {
        var options = ConversionOptions(pages: given.pages, password: given.password, limits: given.limits)
        options.structure = false
        // Info says which pages are scans; reading them is the conversion's work.
        options.ocr = .never
        let conversion = try DocumentConverter.convert(path: path, options: options)
        return summary(of: conversion, fonts: fonts, pageSizes: pageSizes)
    }

    /// The info-mode summary of a conversion (structure analysis is not needed for it).
    public static func summary(of conversion: Conversion, fonts: Bool, pageSizes: Bool) -> JSONValue {
        let meta = conversion.meta
        let words = conversion.layouts.reduce(0) { total, layout in
            total + layout.blocks.reduce(0) { $0 + $1.lines.reduce(0) { $0 + $1.words.count } }
        }
        let inspected = conversion.layouts.count
        var members: [(String, JSONValue)] = [
            ("mode", .string("info")),
            ("engine", .string(PDFEngine.version)),
            ("determinism", .string("byte-stable")),
            ("pages", .int(inspected)),
            ("total_pages", .int(meta.pageCount)),
            ("credits", .int(credits(pages: inspected, infoMode: true))),
            ("documentType", conversion.documentType.jsonValue),
            ("wordCount", .int(words)),
            ("encrypted", .bool(meta.isEncrypted)),
        ]
        if let producer = meta.producer { members.append(("producer", .string(producer))) }
        if let title = meta.title { members.append(("title", .string(title))) }
        members.append(
            (
                "textLayer",
                .array(
                    conversion.layouts.map {
                        .object([("page", .int($0.number)), ("hasText", .bool(!$0.blocks.isEmpty))])
                    }
                )
            )
        )
        members.append(("ocrPages", .array(conversion.scannedPages.map { .int($0) })))
        if fonts {
            var table: [(String, JSONValue)] = []
            for (index, font) in conversion.fonts.enumerated() {
                table.append(
                    (
                        "f\(index + 1)",
                        .object([
                            ("name", .string(font.name)), ("family", .string(family(font.name))),
                            ("bold", .bool(font.isBold)),
                            ("italic", .bool(font.isItalic)), ("kind", .string(font.kind)),
                        ])
                    )
                )
            }
            members.append(("fonts", .object(table)))
        }
        if pageSizes {
            members.append(
                (
                    "pageSizes",
                    .array(
                        conversion.layouts.map {
                            .object([
                                ("page", .int($0.number)), ("width", .number($0.width)), ("height", .number($0.height)),
                            ])
                        }
                    )
                )
            )
        }
        return .object(members)
    }

    /// The dry run: pages, total pages and estimated credits; nothing is converted.
    public static func cost(path: String, options: ConversionOptions, infoMode: Bool) throws -> JSONValue {
        try PDFDocument.withDocument(path: path, password: options.password, limits: options.limits) { pdf in
            try dryRun(billing: "page", total: pdf.pageCount, pages: options.pages, infoMode: infoMode)
        }
    }

    /// The cost-mode answer for a source of `total` billable units (`page`, or `section` for sources without
    /// pages), of which `pages` selects some.
    public static func dryRun(billing unit: String, total: Int, pages: String?, infoMode: Bool) throws -> JSONValue {
        let selection = try pages.map { try PageSelection(parsing: $0, pageCount: total) } ?? .all(total)
        var members: [(String, JSONValue)] = [
            ("dry_run", .bool(true)),
            ("mode", .string(infoMode ? "info" : "convert")),
            ("engine", .string(PDFEngine.version)),
            ("determinism", .string("byte-stable")),
            ("billable", .object([("unit", .string(unit)), ("count", .int(selection.pages.count))])),
            ("pages", .int(selection.pages.count)),
            ("total_pages", .int(total)),
            ("estimated_credits", .int(credits(pages: selection.pages.count, infoMode: infoMode))),
        ]
        if pages != nil { members.append(("selected_pages", .array(selection.pages.map { .int($0) }))) }
        return .object(members)
    }

    /// `Helvetica` from `Helvetica-BoldOblique` or `Arial,Bold`.
    static func family(_ name: String) -> String {
        String(name.prefix { $0 != "-" && $0 != "," })
    }
}
