import ArgumentParser

/// `povreview dump-config`: prints the effective configuration (pipeline file + flags + defaults).
struct DumpConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-config", abstract: "Print the effective configuration of a pipeline.")

    @OptionGroup var options: PipelineOptions

    func run() throws {
        FileHandleOutput.standardOutput.write(try options.config().rendered)
    }
}
