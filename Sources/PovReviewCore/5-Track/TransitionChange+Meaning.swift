/// What each transition code means, in Vietnamese and English (outputs.md, the `change` table of
/// `household_transitions`), in the words of the report forms' "diễn biến hộ nghèo, hộ cận
/// nghèo" tables (Circular 07/2021/TT-BLĐTBXH, appendix: biểu tổng hợp diễn biến hộ nghèo, hộ
/// cận nghèo), so that the database explains its own codes (`change_codes`).
extension TransitionChange {
    /// Vietnamese meaning, e.g. "Hộ nghèo chuyển thành hộ cận nghèo".
    public var meaningVi: String {
        switch self {
        case .enteredPoor: "Hộ nghèo mới xuất hiện trong đơn vị (hộ mới tách, chuyển đến): tăng khác"
        case .stayedPoor: "Vẫn là hộ nghèo ở cả hai năm"
        case .nearPoorToPoor: "Hộ cận nghèo chuyển thành hộ nghèo"
        case .fellBackPoor: "Tái nghèo: hộ đã từng nghèo ở một năm trước, năm trước liền kề không nghèo, không cận nghèo"
        case .newlyPoor: "Hộ nghèo phát sinh mới (năm trước không nghèo, không cận nghèo và chưa từng nghèo)"
        case .enteredNearPoor: "Hộ cận nghèo mới xuất hiện trong đơn vị (hộ mới tách, chuyển đến): tăng khác"
        case .poorToNearPoor: "Hộ nghèo chuyển thành hộ cận nghèo (thoát nghèo, còn cận nghèo)"
        case .stayedNearPoor: "Vẫn là hộ cận nghèo ở cả hai năm"
        case .fellBackNearPoor: "Tái cận nghèo: hộ đã từng cận nghèo ở một năm trước, năm trước liền kề không nghèo, không cận nghèo"
        case .newlyNearPoor: "Hộ cận nghèo phát sinh mới (năm trước không nghèo, không cận nghèo và chưa từng cận nghèo)"
        case .escapedAboveNearPoor: "Thoát nghèo lên trên chuẩn cận nghèo (năm sau có mức sống trung bình trở lên)"
        case .escapedNearPoverty: "Thoát cận nghèo (năm sau có mức sống trung bình trở lên)"
        case .poorLeft: "Hộ nghèo không còn trong đơn vị (chuyển đi, nhập hộ, chết): giảm khác"
        case .nearPoorLeft: "Hộ cận nghèo không còn trong đơn vị (chuyển đi, nhập hộ, chết): giảm khác"
        case .stayedOut: "Không nghèo, không cận nghèo ở cả hai năm (hoặc chỉ có mặt ở một năm)"
        }
    }

    /// English meaning, e.g. "Poor household that became near-poor".
    public var meaningEn: String {
        switch self {
        case .enteredPoor: "Poor household new to the unit (split off or moved in): other increase"
        case .stayedPoor: "Poor in both years"
        case .nearPoorToPoor: "Near-poor household that became poor"
        case .fellBackPoor: "Fell back into poverty: poor in an earlier review year, neither poor nor near-poor the year before"
        case .newlyPoor: "Newly poor (neither poor nor near-poor the year before, never poor earlier)"
        case .enteredNearPoor: "Near-poor household new to the unit (split off or moved in): other increase"
        case .poorToNearPoor: "Poor household that became near-poor (escaped poverty, still near-poor)"
        case .stayedNearPoor: "Near-poor in both years"
        case .fellBackNearPoor: "Fell back into near-poverty: near-poor in an earlier review year, neither poor nor near-poor the year before"
        case .newlyNearPoor: "Newly near-poor (neither poor nor near-poor the year before, never near-poor earlier)"
        case .escapedAboveNearPoor: "Escaped poverty above the near-poor line (average or above in the later year)"
        case .escapedNearPoverty: "Escaped near-poverty (average or above in the later year)"
        case .poorLeft: "Poor household no longer in the unit (moved away, merged, died): other decrease"
        case .nearPoorLeft: "Near-poor household no longer in the unit (moved away, merged, died): other decrease"
        case .stayedOut: "Neither poor nor near-poor in both years (or present in one year only)"
        }
    }
}
