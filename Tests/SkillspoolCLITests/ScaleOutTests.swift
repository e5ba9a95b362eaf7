import Foundation
import TestServers
import Testing

/// Several `skillspool serve` nodes on one installation: one spool folder and one PostgreSQL ledger.
final class SpoolCluster {
    let spool: SpoolHarness
    private var nodes: [String: Process] = [:]

    /// `extra`: more JSON members of every tenant's configuration.
    init(tenants: [String], ledger: String, extra: String = "") throws {
        spool = try SpoolHarness(
            tenants: Dictionary(
                uniqueKeysWithValues: tenants.map { ($0, #", "quietSeconds": 0.1, "settleSeconds": 0.2"# + extra) }
            ),
            daemon: #", "leaseSeconds": 3"#,
            ledger: ledger
        )
    }

    deinit {
        for process in nodes.values where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    func start(_ node: String) throws {
        nodes[node] = try spool.launch(["--node", node], log: "\(node).log").0
    }

    /// SIGKILL: the node dies at whatever moment this is.
    func crash(_ node: String) {
        guard let process = nodes[node] else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM and wait; the exit status.
    @discardableResult
    func stop(_ node: String) -> Int32 {
        guard let process = nodes[node], process.isRunning else { return -1 }
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func log(_ node: String) -> String {
        (try? String(contentsOf: spool.root.appendingPathComponent("\(node).log"), encoding: .utf8)) ?? ""
    }
}

@Suite("Several daemons on one spool and one PostgreSQL ledger")
struct ScaleOutTests {
    static let enabled = TestPostgres.url != nil

    @Test(
        "three nodes, four tenants, a node killed every 1.5 s: every PDF is one complete job, billed once",
        .enabled(if: enabled, Comment(rawValue: TestPostgres.skipReason))
    )
    func killedNodes() throws {
        let tenants = ["t1", "t2", "t3", "t4"]
        let cluster = try SpoolCluster(tenants: tenants, ledger: TestPostgres.createDatabase())
        let spool = cluster.spool
        let nodes = ["n1", "n2", "n3"]
        for node in nodes { try cluster.start(node) }
        try spool.wait("every tenant served", timeout: 30) {
            tenants.allSatisfy { FileManager.default.fileExists(atPath: spool.folder($0, "inbox").path) }
        }
        let perTenant = 30
        var dropped = 0
        var generator = SplitMix(seed: 20_261_205)
        for round in 0..<8 {
            for _ in 0..<(tenants.count * perTenant / 8) {
                let tenant = tenants[dropped % tenants.count]
                try spool.dropByRename(
                    SpoolPDF.numbered(dropped, tag: "Node"),
                    temporary: ".n\(dropped).tmp",
                    as: "n\(dropped).pdf",
                    tenant: tenant
                )
                dropped += 1
            }
            Thread.sleep(forTimeInterval: 1 + Double(generator.next() % 1000) / 1000)
            let victim = nodes[round % nodes.count]
            cluster.crash(victim)
            // Once the victim stays away longer than a lease: the others take its tenants over.
            if round == 3 { Thread.sleep(forTimeInterval: 4.5) }
            try cluster.start(victim)
        }
        try spool.wait("every job finished", timeout: 240) {
            tenants.allSatisfy { tenant in
                spool.statuses(tenant, where: "complete").count >= perTenant
                    && spool.contents(tenant, "inbox").isEmpty && spool.contents(tenant, ".work").isEmpty
            }
        }
        var published: [String: Int] = [:]
        for tenant in tenants {
            for status in spool.statuses(tenant, where: "complete").values {
                for document in status["documents"] as? [[String: Any]] ?? [] {
                    published[document["filename"] as? String ?? "", default: 0] += 1
                }
            }
            #expect(spool.contents(tenant, "failed").isEmpty, "\(tenant): \(spool.failureCodes(tenant))")
        }
        #expect(published.count == dropped && published.values.allSatisfy { $0 == 1 }, "published \(published.count)")
        #expect(try spool.cli(["ledger", "verify"]).status == 0)
        let export = try spool.cli(["ledger", "export", "--format", "jsonl"]).stdout.split(separator: "\n")
        let reserves = export.filter { $0.contains(#""kind":"reserve""#) }
        let settles = export.filter { $0.contains(#""kind":"settle""#) }
        #expect(reserves.count == dropped && settles.count == dropped)
        // The work was shared, and a node killed for longer than a lease had its tenants taken over.
        let claimers = nodes.filter { cluster.log($0).contains(#""message":"claimed""#) }
        #expect(claimers.count >= 2, "only \(claimers) claimed jobs")
        #expect(nodes.contains { cluster.log($0).contains("tenant taken over") })
        for node in nodes { #expect(cluster.stop(node) == 0) }
    }

    @Test(
        "with two nodes, review decisions, dashboards and per-node metrics work for every tenant",
        .enabled(if: enabled, Comment(rawValue: TestPostgres.skipReason))
    )
    func reviewAndDashboards() throws {
        let tenants = ["t1", "t2", "t3", "t4"]
        let cluster = try SpoolCluster(
            tenants: tenants,
            ledger: TestPostgres.createDatabase(),
            extra: #", "review": "always""#
        )
        let spool = cluster.spool
        for node in ["n1", "n2"] { try cluster.start(node) }
        try spool.wait("every tenant served", timeout: 30) {
            tenants.allSatisfy { FileManager.default.fileExists(atPath: spool.folder($0, "inbox").path) }
        }
        for (index, tenant) in tenants.enumerated() {
            try spool.drop(SpoolPDF.numbered(index, tag: "Review"), as: "r\(index).pdf", tenant: tenant)
        }
        try spool.wait("every tenant's job held", timeout: 60) {
            tenants.allSatisfy { spool.statuses($0, where: "review").count == 1 }
        }
        for tenant in tenants {
            let job = try #require(spool.statuses(tenant, where: "review").keys.first)
            #expect(try spool.cli(["review", "approve", job, "--tenant", tenant]).status == 0)
        }
        try spool.wait("every approval carried out", timeout: 60) {
            tenants.allSatisfy { spool.statuses($0, where: "complete").count == 1 }
                && tenants.allSatisfy {
                    FileManager.default.fileExists(
                        atPath: spool.folder($0, "outbox").appendingPathComponent("index.html").path
                    )
                }
        }
        // Each tenant was served by one of the two nodes, and each node wrote its own metrics.
        let logs = ["n1", "n2"].map { cluster.log($0) }
        #expect(logs.allSatisfy { $0.contains(#""message":"claimed""#) })
        for node in ["n1", "n2"] {
            #expect(
                FileManager.default.fileExists(
                    atPath: spool.root.appendingPathComponent("spool/metrics-\(node).prom").path
                )
            )
        }
        for node in ["n1", "n2"] { #expect(cluster.stop(node) == 0) }
    }

    @Test(
        "a daemon on a SQLite ledger and nodes on PostgreSQL never share a spool",
        .enabled(if: enabled, Comment(rawValue: TestPostgres.skipReason))
    )
    func enginesDoNotMix() throws {
        let cluster = try SpoolCluster(tenants: ["acme"], ledger: TestPostgres.createDatabase())
        try cluster.start("n1")
        try cluster.spool.wait("the node serves", timeout: 20) {
            FileManager.default.fileExists(atPath: cluster.spool.folder("acme", "inbox").path)
        }
        // The same spool with a SQLite ledger: refused while the node runs.
        let alone = cluster.spool.root.appendingPathComponent("etc/alone.json")
        try """
        { "spool": "\(cluster.spool.root.path)/spool", "ledger": "\(cluster.spool.root.path)/alone.sqlite",
          "tenants": "\(cluster.spool.root.path)/etc/tenants" }
        """.write(to: alone, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["serve", "--config", alone.path])
        #expect(refused.status == 2 && refused.stderr.contains("ERR::SPOOL::IN_USE"))
        #expect(cluster.stop("n1") == 0)
    }

    @Test(
        "the database stops for a while: drops wait in the inbox, the node resumes by itself, nothing fails or is lost",
        .enabled(if: PrivatePostgres.available, "PostgreSQL's server is not installed")
    )
    func databaseOutage() throws {
        let server = try PrivatePostgres()
        let cluster = try SpoolCluster(tenants: ["acme"], ledger: server.url)
        let spool = cluster.spool
        try cluster.start("n1")
        try spool.wait("the node serves", timeout: 20) {
            FileManager.default.fileExists(atPath: spool.folder("acme", "inbox").path)
        }
        func drop(_ range: Range<Int>) throws {
            for index in range {
                try spool.dropByRename(
                    SpoolPDF.numbered(index, tag: "Outage"),
                    temporary: ".o\(index).tmp",
                    as: "o\(index).pdf",
                    tenant: "acme"
                )
            }
        }
        try drop(0..<5)
        try spool.wait("the first drops published", timeout: 60) {
            spool.statuses("acme", where: "complete").count == 5
        }
        try server.stop()
        try drop(5..<15)
        // Long enough for the node to notice and to have failed every drop, were it going to.
        Thread.sleep(forTimeInterval: 6)
        #expect(spool.contents("acme", "failed").isEmpty, "\(spool.failureCodes("acme"))")
        #expect(spool.statuses("acme", where: "complete").count == 5)
        try server.start()
        try spool.wait("every drop published after the database came back", timeout: 120) {
            spool.statuses("acme", where: "complete").count == 15 && spool.contents("acme", "inbox").isEmpty
                && spool.contents("acme", ".work").isEmpty
        }
        #expect(spool.contents("acme", "failed").isEmpty, "\(spool.failureCodes("acme"))")
        #expect(cluster.log("n1").contains("ERR::LEDGER::DATABASE"))
        #expect(try spool.cli(["ledger", "verify"]).status == 0)
        let export = try spool.cli(["ledger", "export", "--format", "jsonl"]).stdout.split(separator: "\n")
        #expect(export.filter { $0.contains(#""kind":"settle""#) }.count == 15)
        #expect(cluster.stop("n1") == 0)
    }
}
