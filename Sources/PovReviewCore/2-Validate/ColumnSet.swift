/// A set of dump columns as a bit mask (cheap to test per row).
public struct ColumnSet: OptionSet, Sendable, Hashable {
    public var rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }
    public init(_ column: Column) { rawValue = 1 << UInt64(column.index) }
    public init(_ columns: some Sequence<Column>) {
        rawValue = 0
        for column in columns { insert(ColumnSet(column)) }
    }
    public func contains(_ column: Column) -> Bool { rawValue & (1 << UInt64(column.index)) != 0 }
    public mutating func insert(_ column: Column) { insert(ColumnSet(column)) }
    /// The members, in validation order.
    public var columns: [Column] { Column.allCases.filter { contains($0) } }
}
