import Foundation

/// Bytes a run sets aside on disk instead of in memory, in an unnamed temporary file (created in
/// `TMPDIR` and unlinked at once, so nothing is left behind even after a kill), written through
/// a 1 MB buffer. The run's memory stays flat however many households it reads, while the file
/// grows on disk (and in the page cache, which the system may reclaim).
///
/// Hand-written over `pwrite`/`pread` rather than `FileHandle`: it reads back at any offset while
/// it appends, and `FileHandle` read 4 KiB per system call on Linux (`FileDigest`).
class SpillFile {
    private let descriptor: Int32
    private let folder: String
    private let capacity = 1 << 20
    private let buffer: UnsafeMutableRawPointer
    private var buffered = 0
    private var flushed: UInt64 = 0
    /// What the file holds, for errors ("household keys").
    private let contents: String
    /// What it costs, for errors ("the duplicate check keeps about 30 bytes per household there").
    private let use: String

    /// Creates the file `prefix-XXXXXX` in `folder`; `contents` and `use` word its errors.
    init(folder: URL, prefix: String, contents: String, use: String) throws {
        self.folder = folder.path
        self.contents = contents
        self.use = use
        var template = Array((folder.path + "/\(prefix)-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw Self.failure("cannot create", code: errno, in: folder.path, contents: contents, use: use)
        }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        unlink(path)
        self.descriptor = descriptor
        buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// Bytes appended so far.
    var byteCount: UInt64 { flushed + UInt64(buffered) }

    /// Appends `bytes`; returns the offset of their first byte.
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

    /// Up to `count` bytes from `offset` (fewer at the end).
    func read(at offset: UInt64, upTo count: Int) throws -> [UInt8] {
        if offset + UInt64(count) > flushed, buffered > 0 { try flush() }
        let available = Int(min(UInt64(count), flushed > offset ? flushed - offset : 0))
        var bytes = [UInt8](repeating: 0, count: available)
        var done = 0
        while done < available {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, available - done, off_t(offset) + off_t(done)) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { throw failure("cannot read back", code: got < 0 ? errno : EIO) }
            done += got
        }
        return bytes
    }

    /// Forgets every byte (the file is emptied, and used again from its start).
    func removeAll() throws {
        buffered = 0
        flushed = 0
        guard ftruncate(descriptor, 0) == 0 else { throw failure("cannot empty", code: errno) }
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
            guard wrote > 0 else { throw failure("cannot write", code: wrote < 0 ? errno : EIO) }
            done += wrote
        }
        flushed += UInt64(bytes.count)
    }

    private func failure(_ what: String, code: Int32) -> PipelineError {
        Self.failure(what, code: code, in: folder, contents: contents, use: use)
    }

    private static func failure(_ what: String, code: Int32, in folder: String, contents: String, use: String) -> PipelineError {
        .output(
            path: folder,
            problem: "\(what) the temporary file of \(contents) (\(SystemError(code: code).message))",
            action: "\(use): free space in \(folder), or set TMPDIR to a folder with room, then run again"
        )
    }
}
