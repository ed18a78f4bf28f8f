import ArgumentParser
import PovReviewIO

/// `povreview describe`: the database schema with the description of every table and column.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe", abstract: "Print the database schema with descriptions (English or Vietnamese).")

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "Language of the descriptions: en or vi.")
    var lang: String = "en"

    func run() throws {
        let db = try database.open()
        let text = try SchemaDescription.render(db, language: lang == "vi" ? .vietnamese : .english)
        FileHandleOutput.standardOutput.write(text)
    }
}
