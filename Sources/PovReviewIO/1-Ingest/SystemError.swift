import Foundation

/// A failed system call while reading a dump (`errno`).
struct SystemError: Error {
    var code: Int32
    var message: String { String(cString: strerror(code)) }
}
