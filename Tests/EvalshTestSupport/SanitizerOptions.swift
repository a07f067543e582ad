import Foundation

/// The sanitizer settings of the test process (`ASAN_OPTIONS`, `TSAN_OPTIONS`, …), for a child
/// `evalsh` started with an environment of its own: a sanitizer run passes them on (the leak
/// checker off: libcurl leaves bytes at exit).
public enum SanitizerOptions {
    public static var environment: [String: String] {
        ProcessInfo.processInfo.environment.filter { $0.key.hasSuffix("SAN_OPTIONS") }
    }
}
