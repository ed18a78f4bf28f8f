import ArgumentParser
import PovReviewCore
import PovReviewIO

/// `povreview describe`: the database schema with the description of every table and column.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe", abstract: "Print the database schema with descriptions (English or Vietnamese).")

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "Language of the descriptions: en or vi.")
    var lang: String = "en"

    @Flag(name: .long, help: "Print the accepted header and value aliases of the dumps instead (Markdown).")
    var aliases = false

    func run() throws {
        if aliases {
            FileHandleOutput.standardOutput.write(DefaultAliases.markdown())
            return
        }
        let db = try database.open()
        let text = try SchemaDescription.render(db, language: lang == "vi" ? .vietnamese : .english)
        FileHandleOutput.standardOutput.write(text)
    }
}
