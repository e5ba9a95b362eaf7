import Foundation
import PDFFixtures
import Testing

/// Cases through the real daemon: documents that arrive over time in case folders and by manifest build one case
/// skill per case, a version per new document, the same bytes whatever the order; archive and reopen by file and
/// by command, across a restart.
@Suite(.serialized)
struct DaemonCasesTests {
    /// The case folders' slugs and the documents each must list in the end.
    static let expected: [String: Set<String>] = [
        "harbor-claim": ["notice.pdf", "invoice-rd5521.pdf", "adjuster-part1.pdf", "adjuster-part2.pdf"],
        "northwind-supply-dispute": ["contract.pdf", "complaint.pdf", "credit-note.pdf"],
        "fleet-lease": ["lease.pdf", "handover.pdf", "damage.pdf"],
    ]

    @Test func twelveDropsBuildThreeCaseSkillsWhateverTheOrder() throws {
        let first = try SpoolHarness()
        try first.start()
        // Over time: one drop at a time, each version checked as it is published.
        var seen: [String: Set<[UInt8]>] = [:]
        for drop in shuffled(CaseDocuments.drops, seed: 7) {
            let slug = drop[0].folder ?? "northwind-supply-dispute"
            try place(drop, in: first)
            let document = drop.first { $0.name.hasSuffix(".pdf") }!.bytes
            seen[slug, default: []].insert(document)
            let version = "1.\(seen[slug]!.count - 1).0"
            try first.wait("\(slug) at \(version)", timeout: 60) {
                caseStatus(first, slug)?["version"] as? String == version && inboxIsEmpty(first)
            }
            let status = try #require(caseStatus(first, slug))
            let qa = try #require(status["qa"] as? [String: Any])
            #expect(qa["passed"] as? Bool == true, "\(slug) \(version): \(qa)")
            let skill = try String(
                contentsOf: caseFolder(first, slug).appendingPathComponent("case-\(slug)/SKILL.md"),
                encoding: .utf8
            )
            #expect(skill.contains("version: \"\(version)\""))
            // The reference validator too, where it is installed (`make cases-check` runs it on every version
            // the daemon publishes, in CI).
            if let validator = Self.agentskills {
                let result = try CLI.runTool(
                    validator,
                    ["validate", caseFolder(first, slug).appendingPathComponent("case-\(slug)").path]
                )
                #expect(result.status == 0, "agentskills validate \(slug) \(version): \(result.stdout)\(result.stderr)")
            }
        }
        // All at once, in another order, on another spool.
        let second = try SpoolHarness()
        try second.start()
        for drop in shuffled(CaseDocuments.drops, seed: 99) { try place(drop, in: second) }
        try second.wait("every case complete", timeout: 120) {
            Self.expected.allSatisfy { slug, files in
                caseStatus(second, slug)?["version"] as? String == "1.\(files.count - 1).0"
            } && inboxIsEmpty(second)
        }
        for (slug, files) in Self.expected {
            let status = try #require(caseStatus(first, slug))
            let listed = (status["documents"] as? [[String: Any]] ?? []).compactMap { $0["fileName"] as? String }
            #expect(Set(listed) == files, "\(slug): \(listed)")
            #expect(listed.count == files.count)
            #expect(status["version"] as? String == "1.\(files.count - 1).0")
            // Byte-identical skill folder and zip.
            let name = "case-\(slug)"
            #expect(
                try tree(caseFolder(first, slug).appendingPathComponent(name))
                    == tree(caseFolder(second, slug).appendingPathComponent(name))
            )
            #expect(
                try Data(contentsOf: caseFolder(first, slug).appendingPathComponent(name + ".zip"))
                    == Data(contentsOf: caseFolder(second, slug).appendingPathComponent(name + ".zip"))
            )
            let changelog = try String(
                contentsOf: caseFolder(first, slug).appendingPathComponent("CHANGELOG.md"),
                encoding: .utf8
            )
            for minor in 0..<files.count { #expect(changelog.contains("## 1.\(minor).0"), "\(slug): \(changelog)") }
        }
        // The continued report is one document in the case view.
        let harbor = try #require(caseStatus(first, "harbor-claim"))
        let continued = (harbor["documents"] as? [[String: Any]] ?? []).first { $0["continues"] != nil }
        #expect(continued?["continues"] as? String == "adjuster-part1.pdf")
        let skill = try String(
            contentsOf: caseFolder(first, "harbor-claim").appendingPathComponent("case-harbor-claim/SKILL.md"),
            encoding: .utf8
        )
        #expect(skill.contains("adjuster-part2.pdf continues adjuster-part1.pdf from page 3 of 3"))
        #expect(skill.contains("CLM-2024-0113 appears in 4 documents"))
        let northwind = try #require(caseStatus(first, "northwind-supply-dispute"))
        #expect(northwind["claimNumber"] as? String == "NW-2024-77")
        // Two duplicates: answered, not billed again.
        #expect(first.statuses().values.filter { $0["duplicateOf"] != nil }.count == 2)
        let listing = try first.cli(["cases", "list", "--json"])
        #expect(listing.status == 0)
        let cases = try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(cases.count == 3)
        #expect(Set(cases.compactMap { $0["slug"] as? String }) == Set(Self.expected.keys))
        let index = try String(
            contentsOf: first.folder("acme", "outbox").appendingPathComponent("available_skills.xml"),
            encoding: .utf8
        )
        for slug in Self.expected.keys { #expect(index.contains("<name>\ncase-\(slug)\n</name>")) }
        let dashboard = try String(
            contentsOf: first.folder("acme", "outbox").appendingPathComponent("index.html"),
            encoding: .utf8
        )
        #expect(dashboard.contains("<h2>Cases</h2>"))
        #expect(first.stop() == 0)
        #expect(second.stop() == 0)
    }

    @Test func archiveAndReopenByCommandAndByFileSurviveARestart() throws {
        let spool = try SpoolHarness()
        try spool.start()
        for drop in CaseDocuments.drops where drop[0].folder == "fleet-lease" { try place(drop, in: spool) }
        try spool.wait("fleet case at 1.2.0", timeout: 60) {
            caseStatus(spool, "fleet-lease")?["version"] as? String == "1.2.0"
        }
        #expect(try spool.cli(["cases", "archive", "fleet-lease"]).status == 0)
        let archived = spool.folder("acme", "outbox").appendingPathComponent("cases/.archived/fleet-lease")
        try spool.wait("the case moved to .archived", timeout: 20) {
            FileManager.default.fileExists(atPath: archived.appendingPathComponent("case.json").path)
                && !FileManager.default.fileExists(atPath: caseFolder(spool, "fleet-lease").path)
        }
        // A document that arrives while the case is archived is converted and kept, not folded.
        let returned = PDFFixture.pages([
            [
                "Return Protocol", "Lease number: FL-4471", "Date: 30 January 2027",
                "Three vans returned with 141,220 km in total.",
            ]
        ])
        try place([CaseDocuments.Drop(folder: "fleet-lease", name: "return.pdf", bytes: returned)], in: spool)
        try spool.wait("the return protocol converted", timeout: 30) {
            spool.statuses(where: "complete").values.contains { status in
                (status["documents"] as? [[String: Any]])?.contains { $0["filename"] as? String == "return.pdf" }
                    == true
            }
        }
        Thread.sleep(forTimeInterval: 1.5)
        #expect(archivedStatus(spool)?["version"] as? String == "1.2.0")
        #expect(spool.stop() == 0)
        try spool.start()
        // Reopened by a file: the document that waited is folded in.
        try place([CaseDocuments.Drop(folder: "fleet-lease", name: "REOPEN", bytes: Array("reopen\n".utf8))], in: spool)
        try spool.wait("reopened at 1.3.0", timeout: 30) {
            caseStatus(spool, "fleet-lease")?["version"] as? String == "1.3.0"
        }
        #expect(!FileManager.default.fileExists(atPath: archived.path))
        // Archived by a file, reopened by the command.
        try place([CaseDocuments.Drop(folder: "fleet-lease", name: "ARCHIVE", bytes: [])], in: spool)
        try spool.wait("archived by file", timeout: 20) { FileManager.default.fileExists(atPath: archived.path) }
        #expect(try spool.cli(["cases", "reopen", "fleet-lease"]).status == 0)
        try spool.wait("reopened by command", timeout: 20) { caseStatus(spool, "fleet-lease") != nil }
        let show = try spool.cli(["cases", "show", "fleet-lease", "--json"])
        let record = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(record["documents"] as? Int == 4)
        #expect(record["archived"] as? Bool == false)
        let events = (record["events"] as? [[String: Any]] ?? []).compactMap { $0["event"] as? String }
        #expect(events.filter { $0 == "archived" }.count == 2)
        #expect(events.filter { $0 == "reopened" }.count == 2)
        #expect(events.filter { $0 == "published" }.count == 4)
        // ARCHIVE for a case that does not exist is quarantined with its code; nothing else is touched.
        try place([CaseDocuments.Drop(folder: "no-such-case", name: "ARCHIVE", bytes: [])], in: spool)
        try spool.wait("the stray ARCHIVE quarantined", timeout: 20) {
            spool.failureCodes().contains("ERR::CASE::UNKNOWN")
        }
        #expect(spool.stop() == 0)
    }

    @Test func aManifestInACaseFolderNamingAnotherCaseIsRefused() throws {
        let spool = try SpoolHarness()
        try spool.start()
        try place(
            [
                CaseDocuments.Drop(
                    folder: "fleet-lease",
                    name: "complaint.pdf",
                    bytes: CaseDocuments.northwindComplaint
                ),
                CaseDocuments.Drop(
                    folder: "fleet-lease",
                    name: "complaint.job.json",
                    bytes: CaseDocuments.manifest("complaint.pdf")
                ),
            ],
            in: spool
        )
        try spool.wait("refused", timeout: 20) { spool.failureCodes().contains("ERR::CASE::CONFLICT") }
        #expect(spool.stop() == 0)
    }

    @Test func archiveDroppedWithTheFirstDocumentWaitsForTheCase() throws {
        let spool = try SpoolHarness()
        try spool.start()
        try place(
            [
                CaseDocuments.Drop(folder: "fleet-lease", name: "ARCHIVE", bytes: []),
                CaseDocuments.Drop(folder: "fleet-lease", name: "lease.pdf", bytes: CaseDocuments.fleetLease),
            ],
            in: spool
        )
        // The document creates the case, then the decision archives it: the document is kept, not yet folded.
        try spool.wait("the new case archived", timeout: 30) {
            let listing = try? spool.cli(["cases", "list", "--json"])
            let cases = listing.flatMap {
                try? JSONSerialization.jsonObject(with: Data($0.stdout.utf8)) as? [[String: Any]]
            }
            return cases?.first?["archived"] as? Bool == true && !spool.statuses(where: "complete").isEmpty
        }
        #expect(spool.failureCodes().isEmpty)
        #expect(!spool.contents("acme", "inbox/fleet-lease").contains("ARCHIVE"))
        #expect(spool.stop() == 0)
    }

    @Test func anInterruptedClaimFromACaseFolderGoesBackToIt() throws {
        let spool = try SpoolHarness()
        // What a crash leaves after moving a case folder's file into a claim that was not renamed yet.
        let claim = spool.folder("acme", ".work").appendingPathComponent("j-interrupted.claim")
        try FileManager.default.createDirectory(
            at: claim.appendingPathComponent("input"),
            withIntermediateDirectories: true
        )
        try Data(CaseDocuments.fleetLease).write(to: claim.appendingPathComponent("input/lease.pdf"))
        try Data(
            """
            {"id": "j-interrupted", "tenant": "acme", "source": "lone", "trigger": "lease.pdf", "inputs": ["lease.pdf"],
             "createdAt": "2026-12-06T10:00:00.000Z", "attempts": 0, "origin": "fleet-lease",
             "case": {"slug": "fleet-lease", "name": "fleet-lease"}}
            """.utf8
        ).write(to: claim.appendingPathComponent("job.json"))
        try spool.start()
        try spool.wait("the lease folded into its case", timeout: 30) {
            caseStatus(spool, "fleet-lease")?["version"] as? String == "1.0.0"
        }
        #expect(!FileManager.default.fileExists(atPath: claim.path))
        #expect(spool.stop() == 0)
    }

    // MARK: helpers

    /// `agentskills` (skills-ref) on the PATH, if installed.
    static let agentskills: String? = {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/agentskills"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    func place(_ drop: [CaseDocuments.Drop], in spool: SpoolHarness) throws {
        // Documents first, the manifest last (as an uploader would).
        for file in drop.sorted(by: { !$0.name.hasSuffix(".job.json") && $1.name.hasSuffix(".job.json") }) {
            var folder = spool.folder("acme", "inbox")
            if let name = file.folder {
                folder = folder.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            let temporary = folder.appendingPathComponent(".\(file.name).upload")
            try Data(file.bytes).write(to: temporary)
            // rename(2) replaces a file of the same name, as an uploader's rename does.
            #expect(rename(temporary.path, folder.appendingPathComponent(file.name).path) == 0)
        }
    }

    func caseFolder(_ spool: SpoolHarness, _ slug: String) -> URL {
        spool.folder("acme", "outbox").appendingPathComponent("cases/\(slug)")
    }

    func caseStatus(_ spool: SpoolHarness, _ slug: String) -> [String: Any]? {
        guard let data = try? Data(contentsOf: caseFolder(spool, slug).appendingPathComponent("case.json")) else {
            return nil
        }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    func archivedStatus(_ spool: SpoolHarness) -> [String: Any]? {
        let url = spool.folder("acme", "outbox").appendingPathComponent("cases/.archived/fleet-lease/case.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    /// No document waits in the inbox or its case folders, and nothing is in flight.
    func inboxIsEmpty(_ spool: SpoolHarness) -> Bool {
        let inbox = spool.folder("acme", "inbox")
        let manager = FileManager.default
        for entry in (try? manager.contentsOfDirectory(atPath: inbox.path)) ?? [] {
            let path = inbox.appendingPathComponent(entry).path
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            if !isFolder.boolValue || !((try? manager.contentsOfDirectory(atPath: path)) ?? []).isEmpty { return false }
        }
        return spool.contents("acme", ".work").isEmpty
    }

    /// Every file below `folder` with its bytes, by relative path.
    func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        #expect(!files.isEmpty, "no files under \(folder.path)")
        return files
    }

    /// A fixed shuffle (SplitMix64), so a failure can be run again in the same order.
    func shuffled<T>(_ items: [T], seed: UInt64) -> [T] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var result = items
        for index in stride(from: result.count - 1, to: 0, by: -1) {
            let other = Int(next() % UInt64(index + 1))
            result.swapAt(index, other)
        }
        return result
    }
}
