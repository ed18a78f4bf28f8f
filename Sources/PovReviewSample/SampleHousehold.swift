import PovReviewCore

/// One household of the sample panel, followed from the year it enters to the last review year.
///
/// Income is a log-normal-like ratio to the `vn-2022` poverty line of its area: a commune level
/// and trend, a permanent household effect and a persistent yearly shock (AR(1)), so most poor
/// households stay poor from one review to the next while some escape and some fall back.
/// Deprivations depend on income, the commune's remoteness and time, through fixed per-household
/// draws, so a household deprived on housing stays so until conditions improve.
struct SampleHousehold {
    let slot: Int
    let entryYear: ReviewYear
    let village: Int
    let commune: Int
    let urban: Bool
    let ethnicMinority: Bool
    /// Whether the household was assessed with the B1 proxy score too (a minority of rows).
    let scored: Bool
    /// `household_id` (see `SampleGenerator.householdID`).
    let id: [UInt8]

    private var permanent: Double
    private var shock: Double
    private var adults: Int
    private var young: Int
    private var disabled: Int
    private var children: Int
    private var toddlers: Int
    private var elderly: Int
    private var elderlyAllowance: Int
    private var elderlyWorking: Int
    /// Fixed uniform draws: one per deprivation indicator, then the draws that pick the kind of
    /// water source, latrine, floor area and devices (see `Draw`).
    private var draws: SIMD16<Double>

    private enum Draw {
        static let employment = 0, nutrition = 1, insurance = 2, education = 3, schooling = 4
        static let housing = 5, area = 6, water = 7, latrine = 8, telecom = 9, information = 10
        static let areaSize = 11, waterKind = 12, latrineKind = 13, users = 14, devices = 15
    }

    /// A household entering slot `slot` in `year`, drawn from `random`.
    init(
        slot: Int, entryYear: ReviewYear, village: Int, province: SampleProvince, id: [UInt8],
        random: inout SampleRandom
    ) {
        self.slot = slot
        self.entryYear = entryYear
        self.village = village
        let commune = province.villages[village].commune
        self.commune = commune
        let unit = province.communes[commune]
        urban = unit.urban
        ethnicMinority = random.chance(unit.ethnicShare)
        scored = random.chance(unit.urban ? 0.05 : 0.15)
        self.id = id

        // Households formed after the baseline are young families, a little poorer at first.
        let newcomer = entryYear > SampleConfiguration.panelStartYear
        permanent = 0.45 * random.normal() - (ethnicMinority ? 0.15 : 0) - (newcomer ? 0.1 : 0)
        shock = 0.25 * random.normal()

        let large = unit.region == .iii || unit.region == .ii
        let size = 1 + random.pick(weights: large ? [3, 8, 14, 22, 20, 14, 10, 6, 3] : [6, 14, 20, 26, 16, 9, 5, 3, 1])
        var elderly = 0
        if size == 1 {
            elderly = random.chance(0.5) ? 1 : 0
        } else if !newcomer {
            elderly = min(random.pick(weights: [60, 25, 15]), size)
        }
        let rest = size - elderly
        var adults = min(rest, 2)
        if rest == 2, random.chance(0.25) { adults = 1 }
        if rest >= 5, random.chance(0.4) { adults = 3 }
        let children = rest - adults
        var disabled = 0
        if adults >= 1, random.chance(0.04) {
            adults -= 1
            disabled = 1
        }
        var young = 0
        for _ in 0..<adults where random.chance(newcomer ? 0.8 : 0.35) { young += 1 }
        var toddlers = 0
        for _ in 0..<children where random.chance(0.2) { toddlers += 1 }
        var allowance = 0
        var working = 0
        for _ in 0..<elderly {
            if random.chance(0.4) { allowance += 1 } else if random.chance(0.3) { working += 1 }
        }
        self.adults = adults
        self.young = young
        self.disabled = disabled
        self.children = children
        self.toddlers = toddlers
        self.elderly = elderly
        self.elderlyAllowance = allowance
        self.elderlyWorking = working

        var draws = SIMD16<Double>()
        for index in 0..<16 { draws[index] = random.unit() }
        self.draws = draws
    }

    var members: Int { adults + disabled + children + elderly }

    /// Moves the household on by one year: a new income shock, job changes, births, deaths,
    /// children growing out of toddlerhood.
    mutating func age(random: inout SampleRandom) {
        shock = 0.5 * shock + 0.22 * random.normal()
        if random.chance(0.35) { draws[Draw.employment] = random.unit() }
        if random.chance(0.1) { draws[Draw.insurance] = random.unit() }
        if toddlers > 0, random.chance(0.33) { toddlers -= 1 }
        if adults >= 1, young >= 1, members < 9, random.chance(0.04) {
            children += 1
            toddlers += 1
        }
        if elderly > 0, members > 1, random.chance(0.03) {
            elderly -= 1
            if elderlyAllowance > elderly { elderlyAllowance = elderly }
            if elderlyWorking > elderly - elderlyAllowance { elderlyWorking = elderly - elderlyAllowance }
        }
    }

    /// The household's dump row of `year`. `random` gives the draws that belong to this row only
    /// (not carried to the next year), so a year's rows do not depend on which years are written.
    func record(year: ReviewYear, province: SampleProvince, random: inout SampleRandom) -> SampleRecord {
        let unit = province.communes[commune]
        // The model is centred on the vn-2022 lines (standards.md): income 1,500,000 / 2,000,000
        // VND per person per month, B1 score 140 / 175 points, rural / urban.
        let incomeLine: Int64 = urban ? 2_000_000 : 1_500_000
        let scoreLine: Int64 = urban ? 175 : 140
        let t = Double(SampleConfiguration.panelStartYear.distance(to: year))
        let logRatio = unit.incomeLevel + unit.incomeGrowth * t + permanent + shock
        let ratio = SampleMath.exp(logRatio)
        let income = max(Int64((ratio * Double(incomeLine) / 10_000).rounded()) * 10_000, 150_000)
        var score: Int?
        if scored {
            let exact = Double(scoreLine) * (1 + 0.6 * (ratio - 1))
            score = min(max(Int(exact.rounded()) + random.int(in: -3...3), 10), 600)
        }

        // Propensity to deprivation: lower income, remoter commune, ethnic minority, earlier year.
        let x = -1.6 * logRatio + unit.remoteness + (ethnicMinority ? 0.3 : 0) - 0.2 * t
        func deprived(_ draw: Int, _ base: Double, _ slope: Double = 1) -> Bool {
            draws[draw] < SampleMath.logistic(base + slope * x)
        }

        let members = self.members
        let labour = adults + elderlyWorking
        var record = SampleRecord(year: year, household: self, members: members, income: income, score: score)
        record.dependants = children + elderlyAllowance + disabled
        record.labour = labour
        record.socialProtection = elderlyAllowance + disabled
        if labour >= 1, deprived(Draw.employment, -1.6) {
            record.withoutJob = labour >= 3 && random.chance(0.2) ? 2 : 1
        }
        if children >= 1, deprived(Draw.nutrition, -2.6) {
            record.malnourished = children >= 2 && random.chance(0.25) ? 2 : 1
        }
        if deprived(Draw.insurance, -2.0, 0.9) {
            record.uninsured = min(members, 1 + random.below(3))
        }
        if young >= 1, deprived(Draw.education, -1.5) {
            record.withoutQualification = min(young, 1 + random.below(2))
        }
        if children - toddlers >= 1, deprived(Draw.schooling, -2.8) {
            record.outOfSchool = 1
        }

        let poorHousing = SampleMath.logistic(-2.4 + 1.1 * x)
        if draws[Draw.housing] < poorHousing {
            record.housing = draws[Draw.housing] < poorHousing * 0.04 ? .none : .nonDurable
        } else if draws[Draw.housing] < min(1, 3 * poorHousing + 0.15) {
            record.housing = .semiDurable
        } else {
            record.housing = .durable
        }

        // Floor area in half square metres, so exactly half of them print as `12.5`.
        let size = draws[Draw.areaSize]
        if deprived(Draw.area, -2.2) {
            record.areaHalves = max(members * 16 - 1 - Int(size * Double(members * 8)), 6)
        } else {
            record.areaHalves = members * 16 + Int(size * Double(members * 36))
        }

        if deprived(Draw.water, -2.3) {
            record.water = SampleRecord.pick(
                draws[Draw.waterKind],
                from: [
                    (.unprotectedWell, 4), (.unprotectedSpring, unit.region == .iii ? 6 : 1),
                    (.surface, 3), (.other, 1), (.none, 1),
                ])
        } else {
            record.water = SampleRecord.pick(
                draws[Draw.waterKind],
                from: urban
                    ? [(.piped, 16), (.drilledWell, 3), (.bottled, 1)]
                    : [
                        (.drilledWell, 6), (.protectedWell, 4), (.piped, 4), (.rainwater, 2),
                        (.protectedSpring, unit.region == nil ? 0 : 4), (.bottled, 1),
                    ])
        }

        if deprived(Draw.latrine, -1.6) {
            record.latrine = SampleRecord.pick(
                draws[Draw.latrineKind],
                from: [
                    (.unhygienicPit, 6), (.hanging, unit.coastal ? 2 : 1), (.none, 2), (.other, 1),
                ])
        } else {
            record.latrine = SampleRecord.pick(
                draws[Draw.latrineKind],
                from: urban
                    ? [(.septic, 14), (.pourFlush, 3)]
                    : [(.septic, 6), (.pourFlush, 5), (.doubleVault, 2), (.biogas, 1), (.ventilatedPit, 1)])
        }

        if !deprived(Draw.telecom, -1.4) {
            let potential = max(1, members - toddlers)
            record.internetUsers = 1 + Int(draws[Draw.users] * Double(potential))
        }
        if deprived(Draw.information, -3.6) {
            record.infoDevices = 0
            record.loudspeaker = false
        } else {
            record.infoDevices = Int(draws[Draw.devices] * 5)
            // Most households hear the loudspeakers; one with no device always does (else it
            // would be deprived).
            let reach = (draws[Draw.devices] * 64).truncatingRemainder(dividingBy: 1)
            record.loudspeaker = record.infoDevices == 0 || reach < 0.85
        }

        // vn-2027 fields, written only in files of review years that need them.
        record.digitalServiceUsers = record.internetUsers == 0 ? 0 : min(record.internetUsers, 1 + Int(draws[Draw.users] * 2))
        record.waste = SampleRecord.pick(
            (draws[Draw.areaSize] * 64).truncatingRemainder(dividingBy: 1),
            from: urban
                ? [(.collected, 18), (.burned, 1), (.openDumping, 1)]
                : [(.collected, 8), (.composted, 3), (.burned, 5), (.buried, 2), (.openDumping, 2), (.none, 1)])
        return record
    }
}
