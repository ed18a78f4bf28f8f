import CLibCrypto
import Foundation

/// SHA-256 of files and strings, through the system libcrypto (OpenSSL's EVP interface).
public enum FileDigest {
    /// Hex SHA-256 of the file at `url`, read in 1 MiB chunks into one buffer.
    ///
    /// Reads with `read(2)` rather than `FileHandle.read(upToCount:)`, which on Linux read the
    /// file 4 KiB per system call (30,956 calls for a 121 MiB dump of 1,000,000 households):
    /// the time before that dump's first row went from 0.14–0.43 s to 0.11–0.12 s.
    public static func sha256(of url: URL) throws -> String {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError(code: errno) }
        defer { close(descriptor) }
        let context = EVP_MD_CTX_new()
        defer { EVP_MD_CTX_free(context) }
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        let capacity = 1 << 20
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        while true {
            let got = DumpScanner.readFully(descriptor, buffer, capacity)
            if got < 0 { throw SystemError(code: errno) }
            if got == 0 { break }
            EVP_DigestUpdate(context, buffer, got)
        }
        return finish(context)
    }

    /// Hex SHA-256 of `data`.
    public static func sha256(of data: Data) -> String {
        let context = EVP_MD_CTX_new()
        defer { EVP_MD_CTX_free(context) }
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
        data.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
        return finish(context)
    }

    private static func finish(_ context: OpaquePointer?) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        return digest.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
    }
}
