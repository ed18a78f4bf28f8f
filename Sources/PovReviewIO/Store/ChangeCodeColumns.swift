import PovReviewCore

/// Where a transition code goes in the "diễn biến" report tables: the `unit_dynamics` column it
/// adds to in the poor table and in the near-poor table (nil when it is in neither: a household
/// that stays in its group is only in the start and end counts), and the Vietnamese headers of
/// those columns in the exports (`DynamicsReport`), for the `change_codes` table.
struct ChangeCodeColumns {
    var toStatus: String
    var fromStatus: String
    var poor: String?
    var nearPoor: String?

    init(_ change: TransitionChange) {
        let out = "average, above"
        switch change {
        case .enteredPoor: (toStatus, fromStatus, poor, nearPoor) = ("poor", "absent", "poor_entered", nil)
        case .stayedPoor: (toStatus, fromStatus, poor, nearPoor) = ("poor", "poor", nil, nil)
        case .nearPoorToPoor:
            (toStatus, fromStatus, poor, nearPoor) = ("poor", "near_poor", "poor_from_near_poor", "near_poor_to_poor")
        case .fellBackPoor: (toStatus, fromStatus, poor, nearPoor) = ("poor", out, "poor_fell_back", nil)
        case .newlyPoor: (toStatus, fromStatus, poor, nearPoor) = ("poor", out, "poor_newly", nil)
        case .enteredNearPoor: (toStatus, fromStatus, poor, nearPoor) = ("near_poor", "absent", nil, "near_poor_entered")
        case .poorToNearPoor:
            (toStatus, fromStatus, poor, nearPoor) = ("near_poor", "poor", "poor_to_near_poor", "near_poor_from_poor")
        case .stayedNearPoor: (toStatus, fromStatus, poor, nearPoor) = ("near_poor", "near_poor", nil, nil)
        case .fellBackNearPoor: (toStatus, fromStatus, poor, nearPoor) = ("near_poor", out, nil, "near_poor_fell_back")
        case .newlyNearPoor: (toStatus, fromStatus, poor, nearPoor) = ("near_poor", out, nil, "near_poor_newly")
        case .escapedAboveNearPoor: (toStatus, fromStatus, poor, nearPoor) = (out, "poor", "poor_escaped_above", nil)
        case .escapedNearPoverty: (toStatus, fromStatus, poor, nearPoor) = (out, "near_poor", nil, "near_poor_escaped")
        case .poorLeft: (toStatus, fromStatus, poor, nearPoor) = ("absent", "poor", "poor_left", nil)
        case .nearPoorLeft: (toStatus, fromStatus, poor, nearPoor) = ("absent", "near_poor", nil, "near_poor_left")
        case .stayedOut: (toStatus, fromStatus, poor, nearPoor) = ("average, above, absent", "average, above, absent", nil, nil)
        }
    }

    /// "Diễn biến hộ nghèo: Giảm: chuyển thành hộ cận nghèo; Diễn biến hộ cận nghèo: Tăng: từ hộ
    /// nghèo", or nil when the code feeds no column.
    var reportColumnVi: String? {
        var parts: [String] = []
        for (group, column) in [(DynamicsReport.Group.poor, poor), (.nearPoor, nearPoor)] {
            guard let column,
                let header = DynamicsReport.countColumns(group).first(where: { $0.column == column })?.header
            else { continue }
            parts.append("\(DynamicsReport.title(group)): \(header)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
