import JSON

extension Document {
    /// The document as JSON with keys in schema order.
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("documentType", documentType.jsonValue), ("meta", meta.jsonValue)]
        if let styles {
            members.append(
                (
                    "styles",
                    .array(
                        styles.enumerated().map { index, style in
                            .object([
                                ("id", .int(index + 1)), ("font", .string(style.font)), ("size", .number(style.size)),
                                ("bold", .bool(style.bold)), ("italic", .bool(style.italic)),
                                ("monospace", .bool(style.monospace)),
                            ])
                        }
                    )
                )
            )
        }
        members.append(("sections", .array(sections.map(\.jsonValue))))
        return .object(members)
    }

    /// Serialized JSON (compact unless `pretty`), newline-terminated.
    public func json(pretty: Bool = false) -> String {
        JSONWriter.serialize(jsonValue, pretty: pretty) + "\n"
    }
}

extension DocumentType {
    /// The `documentType` object.
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("type", .string(type))]
        if let subtype { members.append(("subtype", .string(subtype))) }
        members.append(("confidence", .number(confidence)))
        members.append(
            (
                "alternatives",
                .array(alternatives.map { .object([("type", .string($0.type)), ("score", .number($0.score))]) })
            )
        )
        members.append(("signals", .array(signals.map { .string($0) })))
        return .object(members)
    }
}

extension DocumentMeta {
    var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [
            ("schemaVersion", .int(Self.schemaVersion)),
            ("engineVersion", .string(engineVersion)),
            ("determinism", .string("byte-stable")),
            ("pageCount", .int(pageCount)),
            ("totalSections", .int(totalSections)),
            ("pages", .string(selectedPages)),
        ]
        if let producer { members.append(("producer", .string(producer))) }
        if let title { members.append(("title", .string(title))) }
        members.append(("encrypted", .bool(isEncrypted)))
        members.append(("unmappedGlyphs", .int(unmappedGlyphs)))
        members.append(
            (
                "segments",
                .array(
                    segments.map { segment in
                        var fields: [(String, JSONValue)] = [
                            ("pages", .object([("from", .int(segment.firstPage)), ("to", .int(segment.lastPage))])),
                            ("type", .string(segment.type)),
                        ]
                        if let subtype = segment.subtype { fields.append(("subtype", .string(subtype))) }
                        fields.append(("signal", .string(segment.signal)))
                        return .object(fields)
                    }
                )
            )
        )
        if let ocr {
            members.append(
                (
                    "ocr",
                    .object([
                        ("engine", .string(ocr.engine)), ("languages", .string(ocr.languages)),
                        ("pages", .array(ocr.pages.map { .int($0) })),
                        ("confidence", .array(ocr.confidences.map { .number($0) })),
                        ("unreadPages", .array(ocr.unreadPages.map { .int($0) })),
                    ])
                )
            )
        }
        return .object(members)
    }
}

extension Section {
    var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("kind", .string(kind)), ("index", .int(index))]
        if let source { members.append(("source", .string(source))) }
        if let confidence { members.append(("confidence", .number(confidence))) }
        members += [
            ("width", .number(width)), ("height", .number(height)), ("blocks", .array(blocks.map(\.jsonValue))),
        ]
        return .object(members)
    }
}

extension Block {
    var jsonValue: JSONValue {
        switch self {
        case .cluster(let cluster):
            var members: [(String, JSONValue)] = [("type", .string("cluster"))]
            if let role = cluster.role { members.append(("role", .string(role))) }
            if let bounds = cluster.bounds { members.append(("bounds", .array(bounds.map { .number($0) }))) }
            members.append(("entries", .array(cluster.entries.map(\.jsonValue))))
            return .object(members)
        case .table(let table):
            var members: [(String, JSONValue)] = [("type", .string("table"))]
            if table.continued { members.append(("continued", .bool(true))) }
            if let confidence = table.confidence { members.append(("confidence", .number(confidence))) }
            if let bounds = table.bounds { members.append(("bounds", .array(bounds.map { .number($0) }))) }
            members.append(("columns", .array(table.columns.map { .object([("text", .string($0))]) })))
            members.append(
                (
                    "rows",
                    .array(
                        table.rows.enumerated().map { rowIndex, row in
                            let tags = rowIndex < table.rowTags.count ? table.rowTags[rowIndex] : []
                            var members: [(String, JSONValue)] =
                                rowIndex < table.headerRows ? [("header", .bool(true))] : []
                            members.append(
                                (
                                    "cells",
                                    .array(
                                        row.enumerated().map { column, text in
                                            Table.cell(text, tag: column < tags.count ? tags[column] : nil)
                                        }
                                    )
                                )
                            )
                            return .object(members)
                        }
                    )
                )
            )
            let names = table.columnNames
            members.append(
                (
                    "footers",
                    .array(
                        table.footers.enumerated().map { footerIndex, footer in
                            let tags = footerIndex < table.footerTags.count ? table.footerTags[footerIndex] : []
                            return .object([
                                ("label", .string(footer.label)),
                                (
                                    "cells",
                                    .array(
                                        footer.cells.enumerated().map { index, text in
                                            var cell: [(String, JSONValue)] = [
                                                ("text", .string(text)),
                                                (
                                                    "column",
                                                    .string(index < names.count ? names[index] : "")
                                                ),
                                            ]
                                            if index < tags.count, let tag = tags[index] { cell += Table.members(tag) }
                                            return .object(cell)
                                        }
                                    )
                                ),
                            ])
                        }
                    )
                )
            )
            return .object(members)
        }
    }
}

extension Entry {
    var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [("kind", .string(kind.rawValue))]
        if let level { members.append(("level", .int(level))) }
        if let number { members.append(("number", .string(number))) }
        if let marker { members.append(("marker", .string(marker))) }
        if let key, let value {
            members.append(("key", .string(key)))
            members.append(("value", .string(value)))
        }
        members.append(("text", .string(text)))
        if let semantic { members.append(("semantic", .string(semantic))) }
        if let normalized { members.append(("normalized", .string(normalized))) }
        if let unit { members.append(("unit", .string(unit))) }
        if let bounds { members.append(("bounds", .array(bounds.map { .number($0) }))) }
        if let style { members.append(("style", .int(style))) }
        if let size { members.append(("size", .number(size))) }
        if let confidence { members.append(("confidence", .number(confidence))) }
        return .object(members)
    }
}

extension Table {
    static func cell(_ text: String, tag: SemanticTag?) -> JSONValue {
        .object([("text", .string(text))] + (tag.map(members) ?? []))
    }

    static func members(_ tag: SemanticTag) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            ("semantic", .string(tag.semantic)), ("normalized", .string(tag.normalized)),
        ]
        if let unit = tag.unit { members.append(("unit", .string(unit))) }
        return members
    }
}
