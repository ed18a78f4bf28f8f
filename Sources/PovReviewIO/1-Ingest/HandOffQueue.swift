import Foundation

/// A bounded first-in, first-out hand-off from one producing thread to one consuming thread.
///
/// The ingest reads and validates dumps on one thread while the caller's thread classifies and
/// writes SQLite; the bound keeps memory flat when one side is faster. `cancel()` lets the
/// consumer stop a producer that is blocked on a full queue.
final class HandOffQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element?]
    private var head = 0
    private var count = 0
    private var cancelled = false

    init(capacity: Int) {
        items = Array(repeating: nil, count: max(capacity, 1))
    }

    /// Appends `element`, waiting while the queue is full. Returns false (dropping `element`)
    /// once the consumer has cancelled.
    @discardableResult
    func put(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while count == items.count && !cancelled { condition.wait() }
        if cancelled { return false }
        items[(head + count) % items.count] = element
        count += 1
        condition.broadcast()
        return true
    }

    /// Removes the first element, waiting while the queue is empty.
    func take() -> Element {
        condition.lock()
        defer { condition.unlock() }
        while count == 0 { condition.wait() }
        let element = items[head].take()!
        head = (head + 1) % items.count
        count -= 1
        condition.broadcast()
        return element
    }

    /// Makes every later `put` return false at once, and wakes a producer waiting in one.
    func cancel() {
        condition.lock()
        cancelled = true
        for i in items.indices { items[i] = nil }
        count = 0
        condition.broadcast()
        condition.unlock()
    }
}
