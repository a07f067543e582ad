import Foundation

/// How evalsh writes a moment for people: `2026-12-01 22:13` in local time, everywhere (the
/// journal's offer, `log`, `experiments`). Data formats carry ISO 8601 with the offset.
public enum DateText {
    public static func local(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }
}
