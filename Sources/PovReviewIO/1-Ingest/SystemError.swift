import Foundation

/// A failed system call while reading a dump or hashing a file (`errno`).
struct SystemError: Error, LocalizedError, CustomStringConvertible {
    var code: Int32
    var message: String { String(cString: strerror(code)) }
    var errorDescription: String? { message }
    var description: String { message }
}
