import ArgumentParser

/// The `povreview` command: runs the poor-household review pipeline and its tools.
public struct PovReviewCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "povreview",
        abstract: "Turns annual poor-household review dumps into trustworthy statistics.",
        subcommands: []
    )
    public init() {}
}
