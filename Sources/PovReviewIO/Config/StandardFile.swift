import Foundation
import PovReviewCore

/// Loads a poverty standard from its YAML file (`Pipelines/standards/*.yaml`).
public enum StandardFile {
    struct Thresholds: Decodable {
        var rural: Int64
        var urban: Int64
    }

    struct Document: Decodable {
        var version: Int
        var id: String
        var name_vi: String
        var legal_basis: String?
        var provisional: Bool?
        /// A file whose numbers are stand-ins until the real ones are known (documentation only).
        var placeholder: Bool?
        var national: Bool?
        var income_line: Thresholds
        var average_upper_bound: Thresholds?
        var score_line: Thresholds?
        var deprivation_cutoff: Int?
        var indicators: [String]
    }

    static let shape: KeyShape = {
        let thresholds = KeyShape.mapping(["rural": .any, "urban": .any])
        return .mapping([
            "version": .any, "id": .any, "name_vi": .any, "legal_basis": .any, "provisional": .any, "placeholder": .any,
            "national": .any, "income_line": thresholds, "average_upper_bound": thresholds,
            "score_line": thresholds, "deprivation_cutoff": .any, "indicators": .sequence(.any),
        ])
    }()

    /// Reads the standard at `url`; errors name the file and line.
    public static func load(_ url: URL, displayPath: String? = nil) throws(ConfigError) -> Standard {
        let file = try YAMLFile(url: url, displayPath: displayPath)
        let document = try file.decode(Document.self, shape: shape)
        guard document.version == 1 else {
            throw ConfigError(path: file.path, line: file.line(at: []), message: "unsupported version \(document.version); expected 1")
        }
        var indicators: [IndicatorID] = []
        for (index, name) in document.indicators.enumerated() {
            guard let id = IndicatorID(rawValue: name) else {
                throw ConfigError(
                    path: file.path, line: file.root["indicators"]?.sequence?[index].mark?.line,
                    message: "unknown indicator \"\(name)\"; expected one of: \(IndicatorID.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            indicators.append(id)
        }
        let cutoff = document.deprivation_cutoff ?? 3
        guard cutoff >= 1, cutoff <= indicators.count else {
            throw ConfigError(path: file.path, line: file.root["deprivation_cutoff"]?.mark?.line,
                              message: "deprivation_cutoff must be between 1 and the number of indicators (\(indicators.count))")
        }
        if let upper = document.average_upper_bound,
            upper.rural < document.income_line.rural || upper.urban < document.income_line.urban
        {
            throw ConfigError(path: file.path, line: file.root["average_upper_bound"]?.mark?.line,
                              message: "average_upper_bound must not be below income_line")
        }
        return Standard(
            id: document.id, nameVi: document.name_vi, legalBasis: document.legal_basis ?? "",
            provisional: document.provisional ?? false, national: document.national ?? true,
            incomeLine: AreaThresholds(rural: document.income_line.rural, urban: document.income_line.urban),
            averageUpperBound: document.average_upper_bound.map { AreaThresholds(rural: $0.rural, urban: $0.urban) },
            scoreLine: document.score_line.map { AreaThresholds(rural: $0.rural, urban: $0.urban) },
            indicators: indicators, deprivationCutoff: cutoff)
    }
}
