import PovReviewCore
import Testing

/// `Evidence.Metric` keeps the evidence JSON's text: every form reads back as itself.
@Suite("Evaluate: evidence metric")
struct EvidenceMetricTests {
    @Test(arguments: [
        ("rate_PN", Evidence.Metric.rate(.poorNearPoorRate)),
        ("poor_near_poor", .count(.poorNearPoor)),
        ("poor_count_decrease", .target(.poorCountDecrease)),
        ("ethnic_minority_poor/poor", .share(.ethnicMinorityPoor, of: .poor)),
        ("poor_near_poor deprived on health_insurance", .coverage(.poorNearPoor, indicators: [.healthInsurance])),
        ("something else", .other("something else")),
    ])
    func textRoundTrips(text: String, metric: Evidence.Metric) throws {
        #expect(Evidence.Metric(rawValue: text) == metric)
        #expect(metric.rawValue == text)
        var evidence = Evidence(rule: "level")
        evidence.metric = metric
        #expect(evidence.jsonText == #"{"metric":"\#(text)","rule":"level"}"#)
        #expect(try Evidence(jsonText: evidence.jsonText).metric == metric)
    }

    @Test func coverageOfSeveralIndicatorsRoundTrips() {
        let text = "poor deprived on health_insurance|water"
        let metric = Evidence.Metric(rawValue: text)
        #expect(metric.rawValue == text)
        if case .coverage(.poor, let indicators) = metric { #expect(indicators.count == 2) } else { Issue.record("not a coverage: \(metric)") }
    }
}
