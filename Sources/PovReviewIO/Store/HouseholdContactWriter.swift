import CLibCrypto
import Foundation
import PovReviewCore

/// Writes `household_contact` (head name, keyed hash of the ID number) when a pipeline opts in.
///
/// The ID number is never stored: HMAC-SHA256 with the key in the environment variable
/// `POVREVIEW_ID_HASH_KEY`, so the same citizen gets the same hash across runs of one province
/// while the table alone does not reveal the number.
final class HouseholdContactWriter {
    private let statement: SQLiteStatement
    private let key: [UInt8]

    init(database: SQLiteDatabase) throws {
        guard let key = ProcessInfo.processInfo.environment["POVREVIEW_ID_HASH_KEY"], !key.isEmpty else {
            throw PipelineError.configuration(
                "personal_data.household_contact is on, but POVREVIEW_ID_HASH_KEY is not set; set it to a secret of the province so ID numbers are stored as a keyed hash"
            )
        }
        self.key = Array(key.utf8)
        statement = try database.prepare(HouseholdContactRecord.insertStatement(onConflict: .replace))
    }

    func insert(_ household: Household) throws {
        guard household.headName != nil || household.headIDNumber != nil else { return }
        statement.bind(1, household.reviewYear.value)
        statement.bind(2, household.householdID.rawValue)
        if let name = household.headName { statement.bind(3, name) } else { statement.bindNull(3) }
        if let id = household.headIDNumber { statement.bind(4, hmac(id)) } else { statement.bindNull(4) }
        try statement.execute()
    }

    private func hmac(_ text: String) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let message = Array(text.utf8)
        _ = HMAC(EVP_sha256(), key, Int32(key.count), message, message.count, &digest, &length)
        return digest.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
    }
}
