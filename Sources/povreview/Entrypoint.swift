import PovReviewCommands

@main
struct Entrypoint {
    static func main() async {
        await PovReviewCommand.mainEntry()
    }
}
