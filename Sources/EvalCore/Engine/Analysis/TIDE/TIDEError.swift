/// The error types of TIDE (Bolya et al., ECCV 2020), as the reference implementation `tidecv`
/// names and orders them.
///
/// A false prediction gets the first of these that applies, with `fg` the foreground IoU threshold
/// (0.5) and `bg` the background one (0.1), IoUs taken with the non-crowd ground truth of its image:
/// no ground truth at all → `bkg`; best same-class IoU in `[bg, fg]` → `loc`; best other-class IoU
/// `≥ fg` → `cls`; best IoU with an already matched same-class object `≥ fg` → `dupe`; best IoU of
/// any class `≤ bg` → `bkg`; otherwise `both`. A ground-truth object that no prediction matched is
/// `miss` unless a `cls` or `loc` error points at it (then the error is counted on that prediction).
public enum TIDEError: UInt8, CaseIterable, Sendable {
    case cls, loc, both, dupe, bkg, miss

    /// The name TIDE prints (`Cls`, `Loc`, `Both`, `Dupe`, `Bkg`, `Miss`).
    public var tideName: String {
        switch self {
        case .cls: return "Cls"
        case .loc: return "Loc"
        case .both: return "Both"
        case .dupe: return "Dupe"
        case .bkg: return "Bkg"
        case .miss: return "Miss"
        }
    }

    /// The lowercase name of the `boxes` view's `error` field.
    public var fieldName: String { String(describing: self) }
}
