import Foundation
import PDFFixtures
import Testing

@Suite("skillspool package, qa, topics, skills index")
struct SkillCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("skillspool-skills-\(UUID().uuidString)")

    func pdf(_ lines: [String]) throws -> String {
        var content = "BT /B 16 Tf 72 720 Td (Router Manual) Tj /R 11 Tf"
        for line in lines { content += " 0 -18 Td (\(line)) Tj" }
        return try PDFFixture.temporaryFile(PDFFixture.helvetica(content + " ET"))
    }

    @Test("package writes a valid skill and zip twice identically; --previous bumps the version when content changes")
    func packageAndEvolve() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try pdf(["The router connects the office to the internet.", "Voltage: 12 V"])
        let out1 = folder.appendingPathComponent("v1").path
        let out2 = folder.appendingPathComponent("again").path
        for out in [out1, out2] {
            let result = try CLI.run(["package", first, "--format", "claude-skill,cursor-rules,agents-md", "-o", out])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let zip1 = try Data(contentsOf: URL(fileURLWithPath: out1 + "/router-manual.zip"))
        let zip2 = try Data(contentsOf: URL(fileURLWithPath: out2 + "/router-manual.zip"))
        #expect(zip1 == zip2)
        let qa = try CLI.run(["qa", out1 + "/router-manual.zip", "--source", first])
        #expect(qa.status == 0, "\(qa.stdout)")

        let second = try pdf(["The router connects the office to the internet.", "Voltage: 24 V", "Reset: hold 10 s"])
        let out3 = folder.appendingPathComponent("v2").path
        let evolved = try CLI.run(["package", second, "--previous", out1, "-o", out3])
        #expect(evolved.status == 0, "\(evolved.stderr)")
        let skill = try String(contentsOfFile: out3 + "/router-manual/SKILL.md", encoding: .utf8)
        #expect(skill.contains("version: \"1.1.0\""))
        let report = try String(contentsOfFile: out3 + "/router-manual.qa.json", encoding: .utf8)
        #expect(report.contains("EVO-CHANGED"))

        let index = try CLI.run(["skills", "index", out1])
        #expect(index.stdout.hasPrefix("<available_skills>\n<skill>\n<name>\nrouter-manual\n</name>"))
        #expect(index.stdout.contains("/router-manual/SKILL.md\n</location>"))
        let topics = try CLI.run(["topics", first, "--json"])
        #expect(topics.status == 0 && topics.stdout.contains("\"shouldCatalogue\": false"))
    }

    @Test("qa exits 1 with the rule ids for a zip with two SKILL.md and a broken link")
    func qaFindsDefects() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let skill = Array(
            "---\nname: bad-skill\ndescription: \"Bad skill. Use when testing QA.\"\n---\n# Bad\n\n## A\n\nSee [x](references/x.md) when needed.\n\n## B\n"
                .utf8
        )
        let zip = try ArchiveBuilder.bytes([
            .folder("bad-skill/"), .file("bad-skill/SKILL.md", skill), .folder("bad-skill/extra/"),
            .file("bad-skill/extra/SKILL.md", skill),
        ])
        let path = folder.appendingPathComponent("bad-skill.zip").path
        try Data(zip).write(to: URL(fileURLWithPath: path))
        let result = try CLI.run(["qa", path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("E10"))
        #expect(result.stdout.contains("E12"))
    }
}
