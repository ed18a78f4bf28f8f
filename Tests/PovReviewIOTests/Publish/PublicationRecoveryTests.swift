import Foundation
import Testing

@testable import PovReviewIO

/// `Publication.recover` completes a switch from any point a kill can leave it at, and is a
/// no-op once done (the end-to-end kill test is `PublicationTests` in PovReviewCommandsTests).
@Suite struct PublicationRecoveryTests {
    struct Folder {
        let root: URL
        var database: URL { root.appendingPathComponent("p.sqlite") }
        var builtDatabase: URL { root.appendingPathComponent(".p.sqlite.building-1") }
        var exports: URL { root.appendingPathComponent("p/exports") }
        var builtExports: URL { root.appendingPathComponent("p/exports.building-1") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("povreview-publication-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("p"), withIntermediateDirectories: true)
        }

        func write(_ text: String, _ url: URL) throws { try Data(text.utf8).write(to: url) }
        func read(_ url: URL) -> String? { (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) } }

        /// The old pair in place, the new pair built, and the journal written (as `commit` does).
        func halfway() throws -> Publication {
            try write("old db", database)
            try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
            try write("old csv", exports.appendingPathComponent("01.csv"))
            try write("new db", builtDatabase)
            try FileManager.default.createDirectory(at: builtExports, withIntermediateDirectories: true)
            try write("new csv", builtExports.appendingPathComponent("01.csv"))
            let publication = Publication(
                databaseURL: database, builtDatabase: builtDatabase,
                exportsURL: exports, builtExports: builtExports)
            try publication.write(to: Publication.journal(of: database))
            return publication
        }
    }

    @Test("Killed right after the journal: recovery switches both")
    func afterJournal() throws {
        let folder = try Folder()
        _ = try folder.halfway()
        #expect(try Publication.recover(databaseURL: folder.database) != nil)
        #expect(folder.read(folder.database) == "new db")
        #expect(folder.read(folder.exports.appendingPathComponent("01.csv")) == "new csv")
        #expect(!FileManager.default.fileExists(atPath: folder.builtDatabase.path))
        #expect(!FileManager.default.fileExists(atPath: Publication.journal(of: folder.database).path))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.root.appendingPathComponent("p").path)
        #expect(names == ["exports"], "the old exports are removed: \(names)")
        #expect(try Publication.recover(databaseURL: folder.database) == nil, "a second recovery has nothing to do")
    }

    @Test("Killed with the old exports moved aside and the new ones not yet in: recovery puts the new ones in")
    func afterMovingAside() throws {
        let folder = try Folder()
        let publication = try folder.halfway()
        try Publication.rename(folder.exports.path, publication.exports!.previous!)
        #expect(!FileManager.default.fileExists(atPath: folder.exports.path))
        try Publication.recover(databaseURL: folder.database)
        #expect(folder.read(folder.exports.appendingPathComponent("01.csv")) == "new csv")
        #expect(folder.read(folder.database) == "new db")
        #expect(!FileManager.default.fileExists(atPath: publication.exports!.previous!))
    }

    @Test("Killed after the database switch: recovery only cleans up")
    func afterDatabase() throws {
        let folder = try Folder()
        let publication = try folder.halfway()
        try Publication.rename(folder.exports.path, publication.exports!.previous!)
        try Publication.rename(folder.builtExports.path, folder.exports.path)
        try Publication.rename(folder.builtDatabase.path, folder.database.path)
        try Publication.recover(databaseURL: folder.database)
        #expect(folder.read(folder.database) == "new db")
        #expect(folder.read(folder.exports.appendingPathComponent("01.csv")) == "new csv")
        #expect(!FileManager.default.fileExists(atPath: publication.exports!.previous!))
    }

    @Test("A journal that cannot be read stops the run with what to check")
    func unreadableJournal() throws {
        let folder = try Folder()
        try folder.write("{ not json", Publication.journal(of: folder.database))
        #expect {
            try Publication.recover(databaseURL: folder.database)
        } throws: { error in
            "\(error)".contains("records an interrupted publication but cannot be read")
                && "\(error)".contains(Publication.journal(of: folder.database).path)
        }
    }

    @Test("A failed rename undoes the exports switch: the previous pair stays")
    func failedRenameRollsBack() throws {
        let folder = try Folder()
        try folder.write("old db", folder.database)
        try FileManager.default.createDirectory(at: folder.exports, withIntermediateDirectories: true)
        try folder.write("old csv", folder.exports.appendingPathComponent("01.csv"))
        try FileManager.default.createDirectory(at: folder.builtExports, withIntermediateDirectories: true)
        try folder.write("new csv", folder.builtExports.appendingPathComponent("01.csv"))
        // A folder where the built database file should be: its rename over the database file
        // fails (EISDIR) after the exports were switched, which must be undone.
        try FileManager.default.createDirectory(at: folder.builtDatabase, withIntermediateDirectories: true)
        try folder.write("x", folder.builtDatabase.appendingPathComponent("x"))
        let publication = Publication(
            databaseURL: folder.database, builtDatabase: folder.builtDatabase,
            exportsURL: folder.exports, builtExports: folder.builtExports)
        #expect(throws: PublicationError.self) { try publication.commit(journalBeside: folder.database) }
        #expect(folder.read(folder.database) == "old db")
        #expect(folder.read(folder.exports.appendingPathComponent("01.csv")) == "old csv")
        #expect(!FileManager.default.fileExists(atPath: Publication.journal(of: folder.database).path))
    }
}
