/// How far a load is, for a progress line: the readers report to the observer the caller
/// installs around the load with `observing(_:_:)`. Without one, reporting costs one nil
/// check per file and per 16,384 array elements, so loads are no slower.
public enum LoadProgress: Equatable, Sendable {
    /// A file of `bytes` bytes is being read and parsed.
    case reading(file: String, bytes: Int)
    /// The share (0…1) of the file being read that is parsed.
    case parsed(fraction: Double)
    /// A file is read whole; what comes next depends on its kind (predictions are matched).
    case read(file: String, kind: FileKind)

    public typealias Observer = @Sendable (LoadProgress) -> Void

    /// The observer of the load running now; nil outside `observing(_:_:)`.
    ///
    /// Not a task-local (binding one outside a task crashed optimized builds of Swift 6.3 in
    /// `swift_task_localValuePush`): a plain static, written and read only on the thread that
    /// runs the load, since the readers capture it there before they fan out to other threads.
    public static var observer: Observer? { installed }

    nonisolated(unsafe) private static var installed: Observer?

    /// Runs `body` (a load) with `observer` receiving its events, which may come from the
    /// reading threads, several at once.
    public static func observing<T, Failure: Error>(
        _ observer: @escaping Observer, _ body: () throws(Failure) -> T
    ) throws(Failure) -> T {
        let previous = installed
        installed = observer
        defer { installed = previous }
        return try body()
    }

    /// Elements parsed between two `.parsed` events.
    static let elementStride = 1 << 14
}
