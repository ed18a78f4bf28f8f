import PovReviewCore

/// Copies the reference data of a run into the database (`admin_units`, `standards`), so the
/// database explains itself without the input files.
enum ReferenceTablesWriter {
    static func write(inputs: RunInputs, into database: SQLiteDatabase) throws {
        try database.execute("BEGIN")
        let admin = try database.prepare(AdminUnitRecord.insertStatement())
        for unit in inputs.admin.units {
            try admin.bind([
                .text(unit.code.rawValue), .text(unit.name), .text(unit.level.rawValue),
                unit.parentCode.map { .text($0.rawValue) } ?? .null,
                .integer(unit.poorDistrict ? 1 : 0), .integer(unit.coastalSpecialDifficulty ? 1 : 0),
                unit.ethnicRegion.map { .text($0.rawValue) } ?? .null,
                unit.validFrom.map { .integer(Int64($0.value)) } ?? .null,
                unit.validTo.map { .integer(Int64($0.value)) } ?? .null,
            ])
            try admin.execute()
        }
        let standard = try database.prepare(StandardRecord.insertStatement())
        for s in inputs.standards.values.sorted(by: { $0.id < $1.id }) {
            try standard.bind([
                .text(s.id.rawValue), .text(s.nameVi), .text(s.legalBasis), .integer(s.provisional ? 1 : 0),
                .integer(s.national ? 1 : 0), .integer(s.incomeLine.rural), .integer(s.incomeLine.urban),
                s.averageUpperBound.map { .integer($0.rural) } ?? .null,
                s.averageUpperBound.map { .integer($0.urban) } ?? .null,
                s.scoreLine.map { .integer($0.rural) } ?? .null, s.scoreLine.map { .integer($0.urban) } ?? .null,
                .integer(Int64(s.deprivationCutoff)), .text(s.definitions.map(\.id).joined(separator: ",")),
            ])
            try standard.execute()
        }
        try writeStandardIndicators(inputs.standards.values.sorted(by: { $0.id < $1.id }), into: database)
        try database.execute("COMMIT")
    }
}

extension ReferenceTablesWriter {
    /// One `standard_indicators` row per indicator of each standard, in file order.
    static func writeStandardIndicators(_ standards: [Standard], into database: SQLiteDatabase) throws {
        let statement = try database.prepare(StandardIndicatorRecord.insertStatement())
        for standard in standards {
            for (position, d) in standard.definitions.enumerated() {
                try statement.bind([
                    .text(standard.id.rawValue), .text(d.id), .integer(Int64(position + 1)), .text(d.nameVi), .text(d.nameEn),
                    .text(d.dimension), .integer(d.nationalID == nil ? 0 : 1), .integer(d.provisional ? 1 : 0),
                    .text(d.legalBasis), .text(d.ruleText),
                ])
                try statement.execute()
            }
        }
    }
}
