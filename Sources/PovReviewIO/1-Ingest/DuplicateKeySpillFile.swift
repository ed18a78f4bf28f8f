import Foundation
import PovReviewCore

/// The duplicate-key table's records in an unnamed temporary file (created in `TMPDIR` and
/// unlinked at once, so nothing is left behind even after a kill), written through a 1 MB
/// buffer. About 30 bytes a household: the run's memory stays flat however many households it
/// reads, while the file grows on disk (and in the page cache, which the system may reclaim).
final class DuplicateKeySpillFile: DuplicateKeyRecordStore {
    private let descriptor: Int32
    private let folder: String
    private let capacity = 1 << 20
    private let buffer: UnsafeMutableRawPointer
    private var buffered = 0
    private var flushed: UInt64 = 0

    /// Creates the file in `folder` (the system's temporary folder by default).
    init(folder: URL = FileManager.default.temporaryDirectory) throws {
        self.folder = folder.path
        var template = Array((folder.path + "/povreview-keys-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Self.failure("cannot create", code: errno, in: folder.path) }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        unlink(path)
        self.descriptor = descriptor
        buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    var byteCount: UInt64 { flushed + UInt64(buffered) }

    func append(_ bytes: UnsafeRawBufferPointer) throws -> UInt64 {
        let offset = byteCount
        if buffered + bytes.count > capacity { try flush() }
        if bytes.count > capacity {
            try write(bytes)
        } else if let base = bytes.baseAddress {
            (buffer + buffered).copyMemory(from: base, byteCount: bytes.count)
            buffered += bytes.count
        }
        return offset
    }

    func read(at offset: UInt64, upTo count: Int) throws -> [UInt8] {
        if offset + UInt64(count) > flushed, buffered > 0 { try flush() }
        let available = Int(min(UInt64(count), flushed > offset ? flushed - offset : 0))
        var bytes = [UInt8](repeating: 0, count: available)
        var done = 0
        while done < available {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, available - done, off_t(offset) + off_t(done)) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { throw Self.failure("cannot read back", code: got < 0 ? errno : EIO, in: folder) }
            done += got
        }
        return bytes
    }

    func removeAll() throws {
        buffered = 0
        flushed = 0
        guard ftruncate(descriptor, 0) == 0 else { throw Self.failure("cannot empty", code: errno, in: folder) }
    }

    private func flush() throws {
        guard buffered > 0 else { return }
        try write(UnsafeRawBufferPointer(start: buffer, count: buffered))
        buffered = 0
    }

    /// Writes `bytes` at the end of what is flushed.
    private func write(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let wrote = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(flushed) + off_t(done))
            if wrote < 0, errno == EINTR { continue }
            guard wrote > 0 else { throw Self.failure("cannot write", code: wrote < 0 ? errno : EIO, in: folder) }
            done += wrote
        }
        flushed += UInt64(bytes.count)
    }

    private static func failure(_ what: String, code: Int32, in folder: String) -> PipelineError {
        .output(
            path: folder,
            problem: "\(what) the temporary file of household keys (\(SystemError(code: code).message))",
            action:
                "the duplicate check keeps about 30 bytes per household there: free space in \(folder), or set TMPDIR to a folder with room, then run again"
        )
    }
}
