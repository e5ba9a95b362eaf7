import Foundation
import SpoolConfig
import Testing

@Suite("Configuration files")
struct ConfigurationTests {
    private func write(_ text: String, name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("the committed defaults load")
    func committedDefaults() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let configuration = try SpoolConfiguration.load(path: root.appendingPathComponent("etc/skillspool.json").path)
        #expect(configuration.ledger == "./spool/ledger.sqlite")
        #expect(configuration.limits.maxPages == 500)
        let tenants = try TenantConfiguration.loadAll(folder: root.appendingPathComponent("etc/tenants").path)
        #expect(tenants.map(\.name) == ["demo"])
        #expect(tenants[0].plan.documentsPerJob == 10 && tenants[0].plan.monthlyCredits == 1000)
        #expect(tenants[0].plan.creditsPerOCRPage == 1)
    }

    @Test("engine limits and paths are read")
    func daemon() throws {
        let path = try write(
            #"{"ledger": "/var/lib/x.sqlite", "engine": {"maxPages": 40, "maxXObjectDepth": 3}}"#,
            name: "d.json"
        )
        let configuration = try SpoolConfiguration.load(path: path)
        #expect(configuration.ledger == "/var/lib/x.sqlite")
        #expect(configuration.limits.maxPages == 40 && configuration.limits.maxXObjectDepth == 3)
    }

    @Test("a missing default file means defaults; a missing explicit file is an error")
    func missing() throws {
        #expect(throws: ConfigurationError.self) { try SpoolConfiguration.load(path: "/nonexistent/skillspool.json") }
    }

    @Test(
        "unknown keys, wrong types and bad names are refused",
        arguments: [
            (#"{"plan": {"documentsPerJob": 10, "extra": 1}}"#, "acme.json"),
            (#"{"settleSeconds": "two"}"#, "acme.json"),
            (#"{"plan": {"documentsPerJob": 0}}"#, "acme.json"),
            (#"{"name": "other"}"#, "acme.json"),
            (#"{}"#, "Bad_Name.json"),
            (#"{"qa": {"threshold": 80}, "colour": "red"}"#, "acme.json"),
            (#"{"plan": "#, "acme.json"),
        ]
    )
    func refused(text: String, name: String) throws {
        let path = try write(text, name: name)
        #expect(throws: ConfigurationError.self) { try TenantConfiguration.load(path) }
    }
}
