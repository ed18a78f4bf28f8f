import PovReviewCore

/// The fictional province of the sample data, Tỉnh Sơn Hà: its districts, communes and villages
/// before the 2025 reorganisation, the communes after it, and each commune's economy.
///
/// Codes are derived from the configured two-digit province code `PP`: districts `PP1`…`PP4`,
/// communes `PP001`…`PP015`, communes created by the 2025 mergers `PP501`…. Communes the reform
/// leaves unchanged keep their code.
struct SampleProvince: Sendable {
    struct District: Sendable {
        var code: UnitCode
        var name: String
        var poor: Bool
    }

    /// A commune (xã, phường, thị trấn) as it was before the reform.
    struct Commune: Sendable {
        var code: UnitCode
        var name: String
        var district: Int
        var urban: Bool
        var region: EthnicRegion?
        var coastal: Bool
        /// Mean log of income over the poverty line at the 2021 review.
        var incomeLevel: Double
        /// Yearly growth of that log.
        var incomeGrowth: Double
        /// Extra propensity to deprivation (remoteness, terrain).
        var remoteness: Double
        /// Share of ethnic-minority households.
        var ethnicShare: Double
        /// Index in `reformedCommunes` of the commune it becomes part of; nil = unchanged.
        var successor: Int?
    }

    /// A commune created by the 2025 mergers.
    struct ReformedCommune: Sendable {
        var code: UnitCode
        var name: String
        var region: EthnicRegion?
        var coastal: Bool
    }

    struct Village: Sendable {
        /// Name as spelled in years with `style = .fixed`, or its old-style tone placement.
        var name: String
        /// The name with the new-style tone placement (`Hòa`, `Thủy`), for villages whose
        /// spelling changes between dumps.
        var newStyleName: String?
        var spellingChange: SpellingChange
        var commune: Int
        /// Relative number of households.
        var weight: Int
        /// For a village of a commune split by the reform: the reformed commune it moves to.
        var splitSuccessor: Int?
    }

    /// How a village's name is spelled over the years (village identity must fold the tone placement).
    enum SpellingChange: Sendable {
        case fixed
        /// Old placement (`Hoà`) up to 2022, new placement (`Hòa`) from 2023.
        case modernisedIn2023
        /// New placement up to 2023, old placement from 2024.
        case oldStyleFrom2024
    }

    let provinceCode: UnitCode
    let provinceName = "Tỉnh Sơn Hà"
    let districts: [District]
    let communes: [Commune]
    let reformedCommunes: [ReformedCommune]
    let villages: [Village]
    /// Cumulative village weights, `cumulativeWeights[v]` = sum of the weights before village `v`.
    let cumulativeWeights: [Int]
    let totalWeight: Int

    init(provinceCode: UnitCode) {
        self.provinceCode = provinceCode
        let p = provinceCode.rawValue
        districts = [
            District(code: UnitCode(p + "1"), name: "Thành phố Sơn Hà", poor: false),
            District(code: UnitCode(p + "2"), name: "Huyện Phong Nguyên", poor: true),
            District(code: UnitCode(p + "3"), name: "Huyện Nậm Khao", poor: true),
            District(code: UnitCode(p + "4"), name: "Huyện Hải Xuân", poor: false),
        ]
        func commune(
            _ n: Int, _ name: String, district: Int, urban: Bool, region: EthnicRegion? = nil,
            coastal: Bool = false, level: Double, growth: Double, remoteness: Double,
            ethnic: Double, successor: Int?
        ) -> Commune {
            Commune(
                code: UnitCode(p + (n < 10 ? "00" : "0") + String(n)), name: name, district: district,
                urban: urban, region: region, coastal: coastal, incomeLevel: level,
                incomeGrowth: growth, remoteness: remoteness, ethnicShare: ethnic, successor: successor)
        }
        communes = [
            commune(1, "Phường Quang Trung", district: 0, urban: true, level: 1.05, growth: 0.05, remoteness: -1.2, ethnic: 0.02, successor: 0),
            commune(2, "Phường Đông Thành", district: 0, urban: true, level: 0.9, growth: 0.05, remoteness: -1.0, ethnic: 0.02, successor: 0),
            commune(3, "Xã Hưng Lộc", district: 0, urban: false, level: 0.65, growth: 0.06, remoteness: -0.6, ethnic: 0.04, successor: nil),
            commune(4, "Thị trấn Phong Nguyên", district: 1, urban: true, level: 0.45, growth: 0.07, remoteness: -0.4, ethnic: 0.08, successor: 1),
            commune(5, "Xã Tân Lập", district: 1, urban: false, level: 0.2, growth: 0.08, remoteness: 0.0, ethnic: 0.15, successor: 1),
            commune(6, "Xã Đồng Tâm", district: 1, urban: false, region: .i, level: 0.1, growth: 0.08, remoteness: 0.2, ethnic: 0.3, successor: nil),
            commune(7, "Xã Yên Thái", district: 1, urban: false, region: .ii, level: 0.0, growth: 0.09, remoteness: 0.5, ethnic: 0.6, successor: 2),
            commune(8, "Thị trấn Nậm Khao", district: 2, urban: true, region: .ii, level: 0.15, growth: 0.08, remoteness: 0.2, ethnic: 0.55, successor: 3),
            commune(9, "Xã Pà Cò", district: 2, urban: false, region: .iii, level: -0.2, growth: 0.1, remoteness: 1.0, ethnic: 0.93, successor: 3),
            commune(10, "Xã Sín Chải", district: 2, urban: false, region: .iii, level: -0.3, growth: 0.09, remoteness: 1.1, ethnic: 0.95, successor: nil),
            commune(11, "Xã Nậm Mu", district: 2, urban: false, region: .iii, level: -0.25, growth: 0.11, remoteness: 1.0, ethnic: 0.9, successor: nil),
            commune(12, "Thị trấn Hải Xuân", district: 3, urban: true, level: 0.7, growth: 0.05, remoteness: -0.5, ethnic: 0.01, successor: 4),
            commune(13, "Xã Hải Thịnh", district: 3, urban: false, coastal: true, level: 0.1, growth: 0.09, remoteness: 0.4, ethnic: 0.01, successor: 5),
            commune(14, "Xã Xuân Phong", district: 3, urban: false, level: 0.5, growth: 0.06, remoteness: -0.2, ethnic: 0.02, successor: 4),
            commune(15, "Xã Hải An", district: 3, urban: false, level: 0.4, growth: 0.07, remoteness: -0.1, ethnic: 0.01, successor: 5),
        ]
        reformedCommunes = [
            ReformedCommune(code: UnitCode(p + "501"), name: "Phường Sơn Hà", region: nil, coastal: false),
            ReformedCommune(code: UnitCode(p + "502"), name: "Phường Phong Nguyên", region: nil, coastal: false),
            ReformedCommune(code: UnitCode(p + "503"), name: "Xã Yên Đồng", region: .ii, coastal: false),
            ReformedCommune(code: UnitCode(p + "504"), name: "Xã Nậm Khao", region: .ii, coastal: false),
            ReformedCommune(code: UnitCode(p + "505"), name: "Xã Hải Xuân", region: nil, coastal: false),
            ReformedCommune(code: UnitCode(p + "506"), name: "Xã Hải Thịnh", region: nil, coastal: true),
        ]
        func v(
            _ name: String, _ commune: Int, _ weight: Int, newStyle: String? = nil,
            change: SpellingChange = .fixed, to split: Int? = nil
        ) -> Village {
            Village(
                name: name, newStyleName: newStyle, spellingChange: change, commune: commune,
                weight: weight, splitSuccessor: split)
        }
        villages = [
            v("Tổ dân phố 1", 0, 34), v("Tổ dân phố 2", 0, 30), v("Tổ dân phố 3", 0, 32), v("Tổ dân phố Trần Phú", 0, 28),
            v("Tổ dân phố Bắc Sơn", 1, 30), v("Tổ dân phố Nam Sơn", 1, 31), v("Tổ dân phố Trung Thành", 1, 27), v("Tổ dân phố Bến Đá", 1, 24),
            v("Thôn Hưng Phú", 2, 22), v("Thôn Lộc Thọ", 2, 20), v("Thôn Hoà Bình", 2, 21, newStyle: "Thôn Hòa Bình", change: .modernisedIn2023),
            v("Thôn Đông Xá", 2, 18),
            v("Tổ dân phố Phố Mới", 3, 22), v("Tổ dân phố Ga", 3, 18), v("Tổ dân phố Chợ", 3, 20),
            v("Thôn Tân Thành", 4, 18), v("Thôn Tân Hưng", 4, 17), v("Thôn Cầu Đá", 4, 15), v("Thôn Gò Mây", 4, 14),
            // Xã Đồng Tâm is split by the reform: 40% of its households (by weight) to Phường
            // Phong Nguyên, 60% to Xã Yên Đồng.
            v("Thôn Đồng Chùa", 5, 14, to: 1), v("Thôn Đồng Giữa", 5, 14, to: 1),
            v("Thôn Khe Thuỷ", 5, 14, newStyle: "Thôn Khe Thủy", change: .oldStyleFrom2024, to: 2),
            v("Thôn Đồng Bưởi", 5, 14, to: 2), v("Thôn Quyết Tiến", 5, 14, to: 2),
            v("Thôn Yên Thịnh", 6, 16), v("Bản Khuổi Nặm", 6, 12), v("Bản Nà Lừa", 6, 11),
            v("Thôn Thái Hoà", 6, 14, newStyle: "Thôn Thái Hòa", change: .modernisedIn2023),
            v("Tổ dân phố 1", 7, 14), v("Tổ dân phố 2", 7, 13), v("Tổ dân phố 3", 7, 11),
            v("Bản Sáng Pảng", 8, 9), v("Bản Cò Mạ", 8, 8), v("Bản Xà Phìn", 8, 10), v("Bản Lao Chải", 8, 7),
            v("Bản Sín Chải", 9, 10), v("Bản Tả Phìn", 9, 8), v("Bản Háng Lìa", 9, 7), v("Bản Phìn Hồ", 9, 9),
            v("Bản Nậm Mu", 10, 9), v("Bản Huổi Lóng", 10, 8), v("Bản Co Muông", 10, 7), v("Bản Pá Hốc", 10, 8), v("Bản Nà Khoang", 10, 6),
            v("Tổ dân phố Hải Bình", 11, 20), v("Tổ dân phố Xuân Thành", 11, 19), v("Tổ dân phố Cảng", 11, 16),
            v("Thôn Bãi Ngang", 12, 15), v("Thôn Cồn Thuỷ", 12, 13, newStyle: "Thôn Cồn Thủy", change: .modernisedIn2023),
            v("Thôn Hải Yến", 12, 14), v("Thôn Lạch Mới", 12, 12),
            v("Thôn Xuân Lộc", 13, 17), v("Thôn Phong Lạc", 13, 15), v("Thôn Đồng Quý", 13, 14),
            v("Thôn Trung Hoà", 13, 16, newStyle: "Thôn Trung Hòa", change: .oldStyleFrom2024), v("Thôn Phú Xuân", 13, 13),
            v("Thôn An Thịnh", 14, 16), v("Thôn An Bình", 14, 15), v("Thôn Đông Hải", 14, 14), v("Thôn Tây Hải", 14, 13),
        ]
        var cumulative: [Int] = []
        var sum = 0
        for village in villages {
            cumulative.append(sum)
            sum += village.weight
        }
        cumulativeWeights = cumulative
        totalWeight = sum
    }

    /// The village's name as spelled in the dump of `year`.
    func villageName(_ index: Int, in year: ReviewYear) -> String {
        let village = villages[index]
        guard let newStyle = village.newStyleName else { return village.name }
        switch village.spellingChange {
        case .fixed: return village.name
        case .modernisedIn2023: return year < 2023 ? village.name : newStyle
        case .oldStyleFrom2024: return year < 2024 ? newStyle : village.name
        }
    }

    /// The reformed commune a village belongs to from 2025, or nil when its commune is unchanged.
    func successor(ofVillage index: Int) -> Int? {
        villages[index].splitSuccessor ?? communes[villages[index].commune].successor
    }

    /// Index of the commune of `village` among the old communes followed by the reformed ones
    /// (`communes.count + r` for reformed commune `r`), before or after the reform.
    func unitIndex(ofVillage village: Int, reformed: Bool) -> Int {
        if reformed, let successor = successor(ofVillage: village) { return communes.count + successor }
        return villages[village].commune
    }

    /// The code of the commune at `unitIndex` (see `unitIndex(ofVillage:reformed:)`).
    func communeCode(atUnitIndex unitIndex: Int) -> UnitCode {
        unitIndex < communes.count ? communes[unitIndex].code : reformedCommunes[unitIndex - communes.count].code
    }

    /// Whether commune `index` keeps its code after the reform (neither merged nor split).
    func continuesAfterReform(_ index: Int) -> Bool {
        communes[index].successor == nil
            && !villages.contains { $0.commune == index && $0.splitSuccessor != nil }
    }

    /// The crosswalk of the reform at commune level, in commune order: each old commune that does
    /// not continue, the reformed communes its villages move to, and the share of its village
    /// weight each one receives, as `weight / total`.
    func communeCrosswalk() -> [(old: Int, new: Int, weight: Int, total: Int)] {
        var rows: [(old: Int, new: Int, weight: Int, total: Int)] = []
        for c in communes.indices where !continuesAfterReform(c) {
            let members = villages.indices.filter { villages[$0].commune == c }
            let total = members.reduce(0) { $0 + villages[$1].weight }
            var targets: [Int] = []
            for village in members {
                if let target = successor(ofVillage: village), !targets.contains(target) {
                    targets.append(target)
                }
            }
            for target in targets {
                let weight = members.filter { successor(ofVillage: $0) == target }
                    .reduce(0) { $0 + villages[$1].weight }
                rows.append((c, target, weight, total))
            }
        }
        return rows
    }

    /// The first household slot of village `index` when `households` slots are shared by weight.
    func firstSlot(ofVillage index: Int, households: Int) -> Int {
        index == villages.count
            ? households
            : households * cumulativeWeights[index] / totalWeight
    }
}
