import ArgumentParser
import Foundation
import PovReviewCore
import PovReviewIO
import PovReviewSample

/// `povreview sample`: writes a seeded, realistic fictional province's dumps and reference files.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Generate sample dumps (a fictional province, seeded and reproducible).",
        discussion: "With the defaults it regenerates SampleData/ byte for byte: povreview sample --out SampleData")

    @Option(name: .long, help: "Households per review year.")
    var households: Int = 10_000

    @Option(name: .long, help: "Review years, e.g. 2021-2025 or 2024.")
    var years: String = "2021-2025"

    @Option(name: .long, help: "Output folder.")
    var out: String

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = SampleConfiguration.defaultSeed

    @Option(name: .long, help: "Province code (2 digits).")
    var province: String = "99"

    @Flag(name: .long, help: "No bad rows and no messy spellings.")
    var noMessy = false

    @Flag(name: .long, help: "Keep the pre-2025 units in 2025 (no administrative reform).")
    var noReform = false

    @Flag(name: .long, help: "Also write household_totals.csv.")
    var totals = false

    func run() throws {
        guard let range = PipelineConfig.yearRange(years) else {
            throw ValidationError("--years must be a year (2024) or a range (2021-2025), got \"\(years)\"")
        }
        let configuration = SampleConfiguration(
            householdsPerYear: households, years: range, seed: seed, provinceCode: UnitCode(province),
            includesReform: !noReform, messyRows: !noMessy, writesHouseholdTotals: totals)
        let url = URL(fileURLWithPath: out)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            let summary = try SampleGenerator(configuration: configuration).write(to: url)
            var text = "wrote \(summary.files.count) files to \(url.path)\n"
            for (year, rows) in summary.householdRows.sorted(by: { $0.key < $1.key }) {
                text += "  \(SampleGenerator.dumpFileName(year)): \(rows) rows\n"
            }
            if !summary.badRows.isEmpty { text += "  bad rows (quarantined on purpose): \(summary.badRows.count)\n" }
            FileHandleOutput.standardOutput.write(text)
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
