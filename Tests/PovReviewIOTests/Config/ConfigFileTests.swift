import Foundation
import Testing

@testable import PovReviewCore
@testable import PovReviewIO

@Suite("Pipeline and standard files")
struct ConfigFileTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func temporaryFile(_ text: String, name: String = "p.yaml") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test("The shipped standard files carry the numbers of standards.md")
    func shippedStandards() throws {
        let folder = Self.repository.appendingPathComponent("Pipelines/standards")
        let vn2022 = try StandardFile.load(folder.appendingPathComponent("vn-2022.yaml"))
        #expect(vn2022.incomeLine == AreaThresholds(rural: 1_500_000, urban: 2_000_000))
        #expect(vn2022.averageUpperBound == AreaThresholds(rural: 2_250_000, urban: 3_000_000))
        #expect(vn2022.scoreLine == AreaThresholds(rural: 140, urban: 175))
        #expect(vn2022.indicators.count == 12)
        #expect(!vn2022.indicators.contains(.digitalServices))
        #expect(vn2022.deprivationCutoff == 3)
        #expect(!vn2022.provisional)
        let vn2027 = try StandardFile.load(folder.appendingPathComponent("vn-2027.yaml"))
        #expect(vn2027.incomeLine == AreaThresholds(rural: 2_200_000, urban: 2_800_000))
        #expect(vn2027.averageUpperBound == nil)
        #expect(vn2027.scoreLine == nil)
        #expect(vn2027.provisional)
        #expect(Set(vn2027.indicators) == Set(vn2022.indicators).subtracting([.telecom, .informationAccess]).union([.digitalServices, .waste]))
        #expect(vn2027.indicators.count == 12)
        let local = try StandardFile.load(folder.appendingPathComponent("da-nang-local.yaml"))
        #expect(!local.national)
    }

    @Test("A misspelt pipeline key is reported with its line and the keys expected")
    func misspeltKey() throws {
        let url = try temporaryFile(
            """
            version: 1
            inputs:
              folder: dumps
              admin: admin.csv
              crosswalks: c.csv
            """)
        #expect {
            try PipelineConfig.load(file: url)
        } throws: { error in
            let e = error as? LocatedError
            return e?.line == 5 && e?.message.contains("unknown key \"crosswalks\"") == true
                && e?.message.contains("crosswalk") == true
        }
    }

    @Test("--inputs replaces the dump folder and drops the pipeline's optional files")
    func inputsOverride() throws {
        let url = try temporaryFile(
            """
            version: 1
            name: test
            inputs:
              folder: dumps
              admin: admin.csv
              crosswalk: crosswalk.csv
              targets: targets.csv
              totals: totals.csv
            """)
        let base = url.deletingLastPathComponent()
        let plain = try PipelineConfig.load(file: url)
        #expect(plain.inputFolder == base.appendingPathComponent("dumps").standardizedFileURL)
        #expect(plain.crosswalkFile == base.appendingPathComponent("crosswalk.csv").standardizedFileURL)
        #expect(plain.databaseFile.lastPathComponent == "test.sqlite")
        let other = URL(fileURLWithPath: "/data/other")
        let overridden = try PipelineConfig.load(file: url, overrides: .init(inputs: other, targets: URL(fileURLWithPath: "/data/t.csv")))
        #expect(overridden.inputFolder == other)
        #expect(overridden.crosswalkFile == nil)
        #expect(overridden.totalsFile == nil)
        #expect(overridden.targetsFile == URL(fileURLWithPath: "/data/t.csv"))
        #expect(overridden.adminFile == base.appendingPathComponent("admin.csv").standardizedFileURL)
    }

    @Test("A bad year range in the schedule is located")
    func badSchedule() throws {
        let url = try temporaryFile(
            """
            version: 1
            inputs: { folder: d, admin: a.csv }
            standards:
              schedule:
                - { years: "2025-2021", standards: [vn-2022] }
            """)
        #expect {
            try PipelineConfig.load(file: url)
        } throws: { error in
            (error as? LocatedError)?.line == 5
        }
    }

    @Test("The default pipeline loads and names the five plans")
    func defaultPipeline() throws {
        let config = try PipelineConfig.load(file: Self.repository.appendingPathComponent("Pipelines/default.yaml"))
        #expect(config.plans.compactMap(\.id) == ["national-666", "lang-son", "vinh-phuc", "bac-ninh", "da-nang"])
        #expect(config.schedule == StandardSchedule.nationalDefault)
        #expect(config.quarantineLimit == 0.05)
        #expect(config.databaseFile.lastPathComponent == "default.sqlite")
    }
}
