import ArgumentParser
import Foundation
import PovReviewIO

/// The `povreview` command: runs the poor-household review pipeline and its tools.
public struct PovReviewCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "povreview",
        abstract: "Turns annual poor-household review dumps into trustworthy statistics.",
        discussion:
            "Reads the annual review dumps (CSV), validates and classifies every household under the multidimensional poverty standard of its review year, aggregates village → commune → district → province rates into SQLite, tracks households across years, evaluates the emulation criteria of the plans and writes CSV, XLSX and HTML exports.",
        version: PovReviewVersion.current,
        subcommands: [
            RunCommand.self, ValidateCommand.self, EvaluateCommand.self, ExplainCommand.self,
            ExportCommand.self, DescribeCommand.self, SampleCommand.self, DumpConfigCommand.self,
            RollupCommand.self,
        ],
        defaultSubcommand: nil
    )
    public init() {}

    /// Runs the command line `arguments` (without the program name), for tests; returns the exit code.
    public static func run(arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let failure as CommandFailure {
            FileHandleOutput.standardError.write("error: \(failure.description)\n")
            return failure.exitCode
        } catch {
            // Help and --version are "clean exits" with exit code 0: print them on standard output.
            let code = exitCode(for: error).rawValue
            let message = fullMessage(for: error)
            if !message.isEmpty {
                (code == 0 ? FileHandleOutput.standardOutput : FileHandleOutput.standardError).write(message + "\n")
            }
            return code
        }
    }

    /// The entry point of the executable.
    public static func mainEntry() async -> Never {
        let code = await run(arguments: Array(CommandLine.arguments.dropFirst()))
        Foundation.exit(code)
    }
}
