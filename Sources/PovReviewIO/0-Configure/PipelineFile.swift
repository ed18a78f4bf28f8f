import Foundation
import PovReviewCore

/// The pipeline file as written (`Pipelines/*.yaml`): every key optional. `resolve` turns it
/// into a `PipelineConfig` with every default applied and every path absolute.
struct PipelineFile: Decodable {
    struct Inputs: Decodable {
        var folder: String?
        var pattern: String?
        var admin: String?
        var crosswalk: String?
        var totals: String?
        var targets: String?
    }
    struct Output: Decodable {
        var folder: String?
        var database: String?
        var exports: String?
    }
    struct ScheduleEntry: Decodable {
        var years: String
        var standards: [String]
    }
    struct Standards: Decodable {
        var files: [String]?
        var schedule: [ScheduleEntry]?
        var income_basis: String?
    }
    struct Validation: Decodable {
        var quarantine_limit_percent: Double?
        var header_aliases: [String: String]?
        var allow_empty_dump: Bool?
        var allow_year_drop: Bool?
    }
    struct PlanEntry: Decodable {
        var id: String?
        var file: String?
        var territory: String?
    }
    struct PersonalData: Decodable {
        var household_contact: Bool?
        var in_exports: Bool?
    }

    var version: Int
    var name: String?
    var description: String?
    var inputs: Inputs?
    var output: Output?
    var standards: Standards?
    var validation: Validation?
    var plans: [PlanEntry]?
    var personal_data: PersonalData?
    var measures: MeasuresSection?

    static let shape: KeyShape = .mapping([
        "version": .any, "name": .any, "description": .any,
        "inputs": .mapping([
            "folder": .any, "pattern": .any, "admin": .any, "crosswalk": .any,
            "totals": .any, "targets": .any,
        ]),
        "output": .mapping(["folder": .any, "database": .any, "exports": .any]),
        "standards": .mapping([
            "files": .sequence(.any),
            "schedule": .sequence(.mapping(["years": .any, "standards": .sequence(.any)])),
            "income_basis": .any,
        ]),
        "validation": .mapping([
            "quarantine_limit_percent": .any, "header_aliases": .any,
            "allow_empty_dump": .any, "allow_year_drop": .any,
        ]),
        "plans": .sequence(.mapping(["id": .any, "file": .any, "territory": .any])),
        "personal_data": .mapping(["household_contact": .any, "in_exports": .any]),
        "measures": MeasuresSection.shape,
    ])
}
