import Foundation

/// Checks, before any work starts, that a run can write its outputs (issue 10, item 4): the
/// database is a file (or absent) in a folder the run can create or write, and the exports path
/// is a folder (or absent) whose parent the run can create or write. A run that would fail only
/// after an hour of ingest fails in a millisecond instead, naming the path the user gave.
public enum OutputPaths {
    public static func check(database: URL, exports: URL?) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: database.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw PipelineError.output(
                path: database.path, problem: "is a folder, but the database must be a file",
                action: "give --database a file name, e.g. \(database.appendingPathComponent("povreview.sqlite").path)")
        }
        try checkWritableFolder(database.deletingLastPathComponent(), for: "the database")
        guard let exports else { return }
        if manager.fileExists(atPath: exports.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw PipelineError.output(
                path: exports.path, problem: "is a file, but the exports go to a folder",
                action: "give --exports a folder (it is created if missing), or move the file away")
        }
        try checkWritableFolder(exports.deletingLastPathComponent(), for: "the exports")
    }

    /// `folder` is a writable folder, or can be created (its nearest existing ancestor is one).
    static func checkWritableFolder(_ folder: URL, for what: String) throws {
        let manager = FileManager.default
        var current = folder.standardizedFileURL
        var isDirectory: ObjCBool = false
        while !manager.fileExists(atPath: current.path, isDirectory: &isDirectory) {
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        guard isDirectory.boolValue else {
            throw PipelineError.output(
                path: current.path, problem: "is a file, but \(what) need\(what.hasSuffix("s") ? "" : "s") a folder here (\(folder.path))",
                action: "move the file away or choose another output path")
        }
        if access(current.path, W_OK | X_OK) != 0 {
            throw PipelineError.output(
                path: current.path,
                problem: "cannot write into this folder (\(String(cString: strerror(errno)))), where \(what) \(what.hasSuffix("s") ? "are" : "is") written",
                action: "make it writable for the user that runs povreview, or choose another output path")
        }
    }
}
