import ArgumentParser
import Foundation
import PovReviewCore
import PovReviewIO

/// `povreview rollup`: combines province databases into national figures (issue 10, item 3).
struct RollupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollup",
        abstract: "Combine province databases into a national database (province, region and country rows).",
        discussion: """
            Copies every province's unit_rates rows and adds region and country rows summed from the \
            province counts (rates recomputed from the sums). Refuses a database whose last run did not \
            succeed, databases of different schema versions, and two databases for one province. A \
            review year in which a province of the other years is missing is listed in rollup_gaps \
            and printed as a warning.
            """)

    @Option(name: .long, parsing: .upToNextOption, help: "Province databases (each written by `povreview run`).")
    var databases: [String] = []

    @Option(name: .long, help: "The national database to write (built aside, then renamed into place).")
    var database: String

    @Option(name: .long, help: "Province → region reference file (CSV).")
    var regions: String = ProvinceRegionFile.defaultPath

    func run() throws {
        let summary: NationalRollup.Summary
        do {
            summary = try NationalRollup.build(databases: databases, output: database, regionsFile: regions)
        } catch {
            throw CommandFailure(error.description)
        }
        var text =
            "rollup: \(summary.sources) province database(s), review years "
            + summary.reviewYears.map(String.init).joined(separator: ", ")
            + ": \(summary.copiedRows) unit rows copied, \(summary.regionRows) region rows, \(summary.countryRows) country rows → \(database)\n"
        if !summary.provisionalProvinces.isEmpty {
            text +=
                "rollup: note: the region of province(s) \(summary.provisionalProvinces.map(\.rawValue).joined(separator: ", ")) is provisional in \(regions)\n"
        }
        FileHandleOutput.standardOutput.write(text)
        for gap in summary.gaps {
            FileHandleOutput.standardError.write(
                "warning: province \(gap.province) is missing from review year \(gap.reviewYear) (present in \(gap.presentIn.map(String.init).joined(separator: ", "))); the region and country rows of \(gap.reviewYear) leave it out (see rollup_gaps)\n"
            )
        }
    }
}
