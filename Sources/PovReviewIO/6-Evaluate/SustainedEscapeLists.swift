import PovReviewCore

/// The sustained-escape lists of one evaluation, by standard, baseline and last year, before
/// any plan's territory is applied: plans that share them (three of the shipped plans have
/// baseline 2021) read `household_status` for them once.
final class SustainedEscapeLists {
    typealias Place = (commune: String, province: String)
    typealias List = (escapes: [SustainedEscape], places: [HouseholdID: Place])

    private struct Key: Hashable {
        var standard: StandardID
        var baseline: ReviewYear
        var last: ReviewYear
    }

    private var lists: [Key: List] = [:]

    /// The list of (`standard`, `baseline`, `last`), made by `make` the first time it is asked for.
    func list(standard: StandardID, baseline: ReviewYear, last: ReviewYear, make: () throws -> List) rethrows -> List {
        let key = Key(standard: standard, baseline: baseline, last: last)
        if let list = lists[key] { return list }
        let list = try make()
        lists[key] = list
        return list
    }
}
