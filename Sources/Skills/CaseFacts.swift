import DocumentModel

/// The facts of a case across its documents: parties, kinds, amounts, and reference numbers several documents
/// share.
enum CaseFacts {
    /// A party and the documents (file names) that name it.
    struct Party {
        var name: String
        var documents: [String]
    }

    /// A reference number and where it appears.
    struct SharedReference {
        var code: String
        var documents: [(fileName: String, key: String, page: Int)]
    }

    /// `2 invoices, 1 letter`, most frequent first.
    static func kindCounts(_ documents: [CaseEntry]) -> [String] {
        var counts: [String: Int] = [:]
        for document in documents {
            let kind = (document.category ?? document.kind).replacing("_", with: " ")
            guard kind != "unknown" else { continue }
            counts[kind, default: 0] += 1
        }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map {
            "\($0.value) \($0.key)\($0.value == 1 || $0.key.hasSuffix("s") ? "" : "s")"
        }
    }

    /// Parties by how many documents name them, then by name.
    static func parties(_ documents: [CaseEntry]) -> [Party] {
        var byKey: [String: Party] = [:]
        for document in documents {
            for party in document.parties {
                let key = party.lowercased()
                var entry = byKey[key] ?? Party(name: party, documents: [])
                if !entry.documents.contains(document.fileName) { entry.documents.append(document.fileName) }
                byKey[key] = entry
            }
        }
        return byKey.values.sorted {
            $0.documents.count != $1.documents.count
                ? $0.documents.count > $1.documents.count : $0.name.utf8.lexicographicallyPrecedes($1.name.utf8)
        }
    }

    /// Reference numbers that appear in more than one document.
    static func sharedReferences(_ documents: [CaseEntry]) -> [SharedReference] {
        var byCode: [String: SharedReference] = [:]
        for document in documents {
            for fact in document.identifiers {
                var entry = byCode[fact.normalized] ?? SharedReference(code: fact.value, documents: [])
                guard !entry.documents.contains(where: { $0.fileName == document.fileName }) else { continue }
                entry.documents.append((document.fileName, fact.key, fact.page))
                byCode[fact.normalized] = entry
            }
        }
        return byCode.filter { $0.value.documents.count > 1 }.sorted {
            $0.value.documents.count != $1.value.documents.count
                ? $0.value.documents.count > $1.value.documents.count : $0.key < $1.key
        }.map(\.value)
    }

    /// `references/facts.md`: every party, amount, reference number and date of every document, with pages.
    static func markdown(_ profile: CaseProfile, parts: [CasePart]) -> String {
        let documents = parts.flatMap(\.documents)
        var lines = ["# Facts of the case \u{201C}\(Document.inline(profile.name))\u{201D}", ""]
        let parties = parties(documents)
        if !parties.isEmpty {
            lines += ["## Parties", ""]
            for party in parties {
                lines.append(
                    "- \(Document.inline(party.name)) \u{2014} in "
                        + party.documents.map { Document.inline($0) }.joined(separator: ", ")
                )
            }
            lines.append("")
        }
        let tables: [(title: String, columns: [String], facts: KeyPath<CaseEntry, [CaseEntry.Fact]>)] = [
            ("Amounts", ["Item", "Amount"], \.amounts), ("Reference numbers", ["Label", "Number"], \.identifiers),
            ("Dates", ["Label", "Date"], \.dates),
        ]
        for table in tables {
            let rows = documents.flatMap { document in
                document[keyPath: table.facts].map { [document.fileName, $0.key, $0.value, String($0.page)] }
            }
            guard !rows.isEmpty else { continue }
            let header = ["Document"] + table.columns + ["Page"]
            lines += [
                "## " + table.title, "", "| " + header.joined(separator: " | ") + " |", "| --- | --- | --- | --- |",
            ]
            lines += rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
            lines.append("")
        }
        if lines.count == 2 { lines.append("The documents state no labelled parties, amounts, numbers or dates.") }
        return lines.joined(separator: "\n").trimmingTrailingBlankLines() + "\n"
    }

    static func cell(_ text: String) -> String {
        Document.inline(text).replacing("|", with: "\\|")
    }
}
