import Foundation

/// Writes text to standard output or standard error.
struct FileHandleOutput {
    let handle: FileHandle
    static let standardOutput = FileHandleOutput(handle: .standardOutput)
    static let standardError = FileHandleOutput(handle: .standardError)

    func write(_ text: String) { handle.write(Data(text.utf8)) }

    /// Whether the stream is an interactive terminal (progress display) or a file/pipe (log lines).
    var isTerminal: Bool { isatty(handle.fileDescriptor) != 0 }
}
