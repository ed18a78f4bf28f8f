import Foundation

/// Publishes a run's database and its exports together, or neither (issue 10, item 1).
///
/// Both are built aside (`.<db>.building-<pid>`, `exports.building-<pid>`) and flushed with
/// fsync, files and folders. Then a small journal, `.<db>.publishing`, is written (to a temporary
/// name, fsynced, renamed, folder fsynced): from that moment the publication is decided and
/// will be completed. The renames follow: the previous exports aside, the new exports in, the new
/// database in (rename(2) replaces the old file atomically); then the old exports and the journal
/// are removed. A run killed at any point leaves the journal; the next run (or `export`), holding
/// the output lock, completes it before anything else (`recover`), so the pair on disk is always
/// the old one, the new one, or a journaled switch that the next command finishes. Every step is
/// idempotent, so a kill during recovery is recovered the same way.
///
/// A failure of a rename in the publishing process (not a kill) undoes the exports switch and
/// removes the journal, so the previous pair stays.
public struct Publication: Codable, Sendable, Equatable {
    /// A built item and the public path it replaces.
    public struct Item: Codable, Sendable, Equatable {
        public var built: String
        public var target: String
        /// Where the previous item is moved while the new one goes in (exports only).
        public var previous: String?
    }

    public var pid: Int32
    public var database: Item?
    public var exports: Item?
    /// A stale `quarantine.csv` of an earlier failed run, removed with the publication.
    public var staleFiles: [String]

    /// The journal of the database `databaseURL`.
    public static func journal(of databaseURL: URL) -> URL {
        databaseURL.deletingLastPathComponent().appendingPathComponent(".\(databaseURL.lastPathComponent).publishing")
    }

    /// A publication of `builtDatabase` over `databaseURL` (nil: the database is not replaced)
    /// and of `builtExports` over `exportsURL` (nil: the exports are not replaced).
    public init(databaseURL: URL, builtDatabase: URL?, exportsURL: URL, builtExports: URL?, staleFiles: [URL] = []) {
        pid = getpid()
        database = builtDatabase.map { Item(built: $0.path, target: databaseURL.path, previous: nil) }
        exports = builtExports.map {
            Item(
                built: $0.path, target: exportsURL.path,
                previous: exportsURL.deletingLastPathComponent().appendingPathComponent("\(exportsURL.lastPathComponent).old-\(getpid())").path)
        }
        self.staleFiles = staleFiles.map(\.path)
    }

    /// Flushes the built files, writes the journal and switches; `databaseURL` names the
    /// journal's place. Throws `PublicationError` with the previous pair left in place.
    public func commit(journalBeside databaseURL: URL) throws {
        if let database { try FileSync.sync(URL(fileURLWithPath: database.built)) }
        if let exports { try FileSync.syncTree(URL(fileURLWithPath: exports.built)) }
        FaultInjection.point("publish-before-journal")
        let journal = Self.journal(of: databaseURL)
        try write(to: journal)
        FaultInjection.point("publish-journal-written")
        do {
            try complete()
        } catch {
            rollBack()
            try? FileManager.default.removeItem(at: journal)
            throw error
        }
        try FileManager.default.removeItem(at: journal)
        try? FileSync.sync(journal.deletingLastPathComponent())
    }

    /// Completes the publication a killed run left half done, if any; call with the output lock
    /// held, before anything else touches the outputs. Returns the journal that was completed.
    @discardableResult
    public static func recover(databaseURL: URL) throws -> Publication? {
        let journal = journal(of: databaseURL)
        try? FileManager.default.removeItem(atPath: journal.path + ".tmp")
        guard FileManager.default.fileExists(atPath: journal.path) else { return nil }
        let publication: Publication
        do {
            publication = try JSONDecoder().decode(Publication.self, from: Data(contentsOf: journal))
        } catch {
            throw PublicationError.unreadableJournal(path: journal.path)
        }
        try publication.complete()
        try FileManager.default.removeItem(at: journal)
        try? FileSync.sync(journal.deletingLastPathComponent())
        return publication
    }

    /// The switch, in an order every step of which can be repeated.
    func complete() throws {
        let manager = FileManager.default
        if let exports, manager.fileExists(atPath: exports.built) {
            if manager.fileExists(atPath: exports.target), let previous = exports.previous {
                if manager.fileExists(atPath: previous) { try manager.removeItem(atPath: previous) }
                try Self.rename(exports.target, previous)
                FaultInjection.point("publish-exports-moved-aside")
            }
            try Self.rename(exports.built, exports.target)
            try FileSync.sync(URL(fileURLWithPath: exports.target).deletingLastPathComponent())
            FaultInjection.point("publish-exports-in-place")
        }
        if let database, manager.fileExists(atPath: database.built) {
            try Self.rename(database.built, database.target)
            try FileSync.sync(URL(fileURLWithPath: database.target).deletingLastPathComponent())
            FaultInjection.point("publish-database-in-place")
        }
        if let previous = exports?.previous, manager.fileExists(atPath: previous) {
            try manager.removeItem(atPath: previous)
        }
        for file in staleFiles { try? manager.removeItem(atPath: file) }
    }

    /// Undoes the exports switch after a failed rename in this process (the database is renamed
    /// last, so it is still the previous one).
    func rollBack() {
        guard let exports else { return }
        let manager = FileManager.default
        if let database, manager.fileExists(atPath: database.target), !manager.fileExists(atPath: database.built) {
            return  // the database is already the new one: keep the new pair
        }
        if let previous = exports.previous, manager.fileExists(atPath: previous) {
            if manager.fileExists(atPath: exports.target) { try? manager.removeItem(atPath: exports.target) }
            _ = Foundation.rename(previous, exports.target)
        }
        try? manager.removeItem(atPath: exports.built)
    }

    func write(to journal: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let temporary = URL(fileURLWithPath: journal.path + ".tmp")
        do {
            try encoder.encode(self).write(to: temporary)
        } catch {
            throw PublicationError.rename(
                from: temporary.path, to: journal.path, reason: "cannot write the publication journal (\(error.localizedDescription))")
        }
        try FileSync.sync(temporary)
        try Self.rename(temporary.path, journal.path)
        try FileSync.sync(journal.deletingLastPathComponent())
    }

    static func rename(_ from: String, _ to: String) throws {
        if Foundation.rename(from, to) != 0 {
            throw PublicationError.rename(from: from, to: to, reason: String(cString: strerror(errno)))
        }
    }
}

/// Why a publication failed; the previous database and exports are in place.
public enum PublicationError: Error, CustomStringConvertible, Sendable {
    case sync(path: String, reason: String)
    case rename(from: String, to: String, reason: String)
    case unreadableJournal(path: String)

    public var description: String {
        switch self {
        case .sync(let path, let reason):
            return
                "cannot flush \(path) to disk (\(reason)); the previous database and exports are unchanged. Check that the disk is not full or failing, then run again."
        case .rename(let from, let to, let reason):
            return
                "cannot move \(from) to \(to) (\(reason)); the previous database and exports are unchanged. Check the folder's permissions and free space, then run again."
        case .unreadableJournal(let path):
            return
                "\(path) records an interrupted publication but cannot be read; check that the database and the exports beside it belong together (or delete them), remove \(path) and run again."
        }
    }
}
