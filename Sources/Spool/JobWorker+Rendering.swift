import DocumentModel
import JSON
import Layout
import Ledger
import Markup
import PDFText
import Skills
import SpoolConfig

extension JobWorker {
    /// Document type and tenant category per document; the category's naming convention renames the outputs.
    func classify(_ documents: inout [WorkingDocument], manifest: Manifest) {
        var stems = Set<String>()
        for index in documents.indices {
            guard let conversion = documents[index].conversion else { continue }
            let type = documents[index].document?.documentType ?? conversion.documentType
            documents[index].report.documentType = type.type
            var stem = documents[index].stem
            if let document = documents[index].document,
                let category = CategoryClassifier.classify(
                    document,
                    text: conversion.leadText,
                    categories: tenant.categories
                )
            {
                documents[index].report.category = category.name
                if let pattern = category.naming {
                    stem = CategoryClassifier.name(
                        pattern: pattern,
                        document: document,
                        category: category.name,
                        stem: stem,
                        reference: manifest.reference
                    )
                }
            }
            documents[index].stem = Self.unique(stem, in: &stems)
        }
    }

    /// Renders every requested format of every document: `<stem>.json`, `.md`, `.ascii.txt`, `.txt`, or in info
    /// mode `<stem>.info.json`.
    func package(
        _ documents: [WorkingDocument],
        manifest: Manifest,
        infoMode: Bool
    )
        -> [(name: String, format: String, bytes: [UInt8])]
    {
        var outputs: [(name: String, format: String, bytes: [UInt8])] = []
        for working in documents {
            guard let conversion = working.conversion else { continue }
            if infoMode {
                let summary = conversion.summary(fonts: manifest.fonts, pageSizes: manifest.bounds)
                outputs.append(
                    (
                        "\(working.stem).info.json", "info",
                        Array((JSONWriter.serialize(summary, pretty: true) + "\n").utf8)
                    )
                )
                continue
            }
            for format in manifest.outputFormats {
                switch format {
                case "json":
                    if let document = working.document {
                        outputs.append(("\(working.stem).json", format, Array(document.json(pretty: true).utf8)))
                    }
                case "md":
                    if let document = working.document {
                        outputs.append(("\(working.stem).md", format, Array(document.markdown().utf8)))
                    }
                case "ascii":
                    if let document = working.document {
                        outputs.append(("\(working.stem).ascii.txt", format, Array(document.ascii().utf8)))
                    }
                case "text":
                    outputs.append(("\(working.stem).txt", format, Array(conversion.text.utf8)))
                default:
                    break
                }
            }
        }
        return outputs
    }
}

extension JobWorker {
    /// For a job of a case, `<stem>.case.json` per document: what the case skill is rebuilt from.
    func caseEntries(_ documents: [WorkingDocument]) -> [(name: String, format: String, bytes: [UInt8])] {
        documents.compactMap { working in
            guard let document = working.document else { return nil }
            let source = SkillSource(
                document: document,
                fileName: working.report.fileName,
                sha256: working.report.sha256,
                pages: working.selection.description
            )
            let entry = CaseEntry.make(source, job: ticket.id, category: working.report.category) { text in
                SemanticTagger.tag(text).flatMap { $0.kind == "date" ? $0.normalized : nil }
            }
            return (working.stem + CaseEntry.fileSuffix, "case", entry.bytes)
        }
    }

    /// The skill formats of the job (claude-skill, cursor-rules, agents-md) with a QA report per skill.
    func packageSkills(
        _ documents: [WorkingDocument],
        manifest: Manifest
    ) throws
        -> (files: [PublishedFile], reports: [QAReport])
    {
        let sources = documents.compactMap { working -> SkillSource? in
            guard let document = working.document else { return nil }
            return SkillSource(
                document: document,
                fileName: working.report.fileName,
                sha256: working.report.sha256,
                pages: working.selection.description
            )
        }
        var request = SkillRequest(
            formats: manifest.outputFormats.filter(SkillRequest.formats.contains),
            name: manifest.skillName,
            engineVersion: PDFEngine.version
        )
        request.catalogue = manifest.catalogue
        request.threshold = tenant.qaThreshold
        return try SkillPublisher.build(sources, request: request)
    }
}
