/// The names of the figures the rules judge, as the plans write them ("tỷ lệ nghèo đa chiều (hộ
/// nghèo và hộ cận nghèo)" is Decision 666's "tổng tỷ lệ hộ nghèo đa chiều và hộ cận nghèo đa
/// chiều"; "quy mô hộ nghèo và hộ cận nghèo" its count).
extension RateMetric {
    /// The rate's name, lower case, to be used inside a sentence.
    public func name(_ w: Wording) -> String {
        switch self {
        case .poorRate: w.pick("tỷ lệ hộ nghèo", "poor-household rate")
        case .nearPoorRate: w.pick("tỷ lệ hộ cận nghèo", "near-poor household rate")
        case .poorNearPoorRate:
            w.pick(
                "tỷ lệ nghèo đa chiều (hộ nghèo và hộ cận nghèo)",
                "multidimensional poverty rate (poor and near-poor households)")
        case .ethnicMinorityPoorRate: w.pick("tỷ lệ hộ nghèo dân tộc thiểu số", "ethnic-minority poor-household rate")
        case .ethnicMinorityPoorShare:
            w.pick(
                "tỷ lệ hộ nghèo dân tộc thiểu số trong tổng số hộ nghèo",
                "share of ethnic-minority households among poor households")
        }
    }
}

extension CountMetric {
    /// The count's name, lower case, to be used inside a sentence.
    public func name(_ w: Wording) -> String {
        switch self {
        case .poor: w.pick("số hộ nghèo", "number of poor households")
        case .nearPoor: w.pick("số hộ cận nghèo", "number of near-poor households")
        case .poorNearPoor: w.pick("quy mô hộ nghèo và hộ cận nghèo", "number of poor and near-poor households")
        case .poorSpecialDifficulty:
            w.pick(
                "số hộ nghèo có hoàn cảnh đặc biệt khó khăn",
                "number of poor households in especially difficult circumstances")
        case .households: w.pick("số hộ", "number of households")
        }
    }
}

extension HouseholdGroup {
    /// The group as the plans name it ("hộ nghèo, hộ cận nghèo").
    public func name(_ w: Wording) -> String {
        switch self {
        case .poor: w.pick("hộ nghèo", "poor households")
        case .poorNearPoor: w.pick("hộ nghèo, hộ cận nghèo", "poor and near-poor households")
        }
    }
}

extension Wording {
    /// The name of an evidence `metric` when it is a rate or a count; its text otherwise.
    public func metric(_ metric: Evidence.Metric?) -> String {
        switch metric {
        case nil: ""
        case .rate(let rate): rate.name(self)
        case .count(let count): count.name(self)
        case .some(let other): other.rawValue
        }
    }

    /// An indicator's name in lower case, to be used inside a sentence ("bảo hiểm y tế").
    public func indicator(_ id: String) -> String {
        guard let indicator = IndicatorID(rawValue: id) else { return id }
        let name = vi ? Indicator.withID(indicator).nameVi : Indicator.withID(indicator).nameEn
        return name.prefix(1).lowercased() + name.dropFirst()
    }

    /// `text` with its first letter in capitals.
    public func sentence(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
