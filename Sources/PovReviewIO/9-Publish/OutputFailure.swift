import Foundation

/// Turns an error met while building the outputs into a message a night operator can act on
/// (issue 10, item 4): the path the user gave (never the hidden file being built), what went
/// wrong in words (a full disk, a read-only folder) and what to do, never a Foundation dump
/// (`NSCocoaErrorDomain Code=…`).
public enum OutputFailure {
    /// - Parameters:
    ///   - target: the public path being replaced (the database file or the exports folder).
    ///   - what: "the new database" or "the exports".
    public static func pipelineError(_ error: any Error, target: URL, what: String) -> PipelineError {
        if let error = error as? PipelineError { return error }
        if let error = error as? PublicationError {
            return .output(path: target.path, problem: "\(what) could not be published", action: error.description)
        }
        let folder = target.deletingLastPathComponent().path
        var number = errnoValue(of: error)
        // libxlsxwriter reports "error writing" without errno: a folder with no space left says it.
        if number == nil, error is ExportError, freeBytes(folder).map({ $0 < 1 << 20 }) == true { number = ENOSPC }
        if number == ENOSPC || number == EDQUOT || (error as? SQLiteError)?.code == 13 {
            return .output(
                path: target.path, problem: "the disk is full while writing \(what) (in \(folder))",
                action: "free space there or choose another output path, then run again; the previous outputs are unchanged")
        }
        if number == EROFS || number == EACCES || number == EPERM || [8, 14].contains((error as? SQLiteError)?.code) {
            return .output(
                path: target.path,
                problem: "cannot write \(what) into \(folder) (\(number.map { String(cString: strerror($0)) } ?? "read-only or not permitted"))",
                action: "make the folder writable for the user that runs povreview, or choose another output path")
        }
        if let sqlite = error as? SQLiteError {
            return .database("\(sqlite.message) (SQLite error \(sqlite.code), while building \(what) for \(target.path))")
        }
        if let export = error as? ExportError {
            switch export {
            case .workbook(_, let message), .fileSystem(_, let message):
                return .output(
                    path: target.path, problem: "cannot write \(what) (\(message))",
                    action: "check the folder's permissions and free space, then run again")
            }
        }
        let reason = number.map { String(cString: strerror($0)) } ?? "\(type(of: error))"
        return .output(path: target.path, problem: "cannot write \(what) (\(reason))", action: "check the folder's permissions and free space, then run again")
    }

    /// Free bytes for an unprivileged user on the file system of `folder`.
    static func freeBytes(_ folder: String) -> UInt64? {
        var stats = statvfs()
        guard statvfs(folder, &stats) == 0 else { return nil }
        return UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
    }

    /// The POSIX error number behind a Foundation error, if any.
    static func errnoValue(of error: any Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case CocoaError.fileWriteOutOfSpace.rawValue: return ENOSPC
            case CocoaError.fileWriteVolumeReadOnly.rawValue: return EROFS
            case CocoaError.fileWriteNoPermission.rawValue: return EACCES
            default: return nil
            }
        }
        return nil
    }
}
