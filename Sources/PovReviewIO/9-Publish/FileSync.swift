import Foundation

/// fsync(2) of files and folders, so that what a rename publishes is on disk before the rename
/// (and the rename itself is on disk before the journal that announced it is removed).
enum FileSync {
    /// Flushes a file or a folder (a folder's fsync makes the names it holds durable).
    static func sync(_ url: URL) throws {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw PublicationError.sync(path: url.path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        if fsync(fd) != 0 {
            // Some file systems refuse fsync on a folder (EINVAL); data files must succeed.
            if errno == EINVAL, isFolder(url) { return }
            throw PublicationError.sync(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Flushes every file under `folder` (recursively), then the folders themselves.
    static func syncTree(_ folder: URL) throws {
        let manager = FileManager.default
        var folders = [folder]
        if let items = manager.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey]) {
            for case let item as URL in items {
                if isFolder(item) { folders.append(item) } else { try sync(item) }
            }
        }
        for item in folders.reversed() { try sync(item) }
    }

    static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
