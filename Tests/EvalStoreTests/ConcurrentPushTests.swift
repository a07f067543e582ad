import Foundation
import XCTest

@testable import EvalStore

/// Two processes pushing to the same (not yet existing) store at once both succeed, each push
/// getting its own version number.
///
/// The test binary has no helper executable to spawn, so it runs itself: a child is this same
/// binary asked to run this class with `childStoreVariable` set; the class set-up then pushes
/// and ends the process before any test runs.
final class ConcurrentPushTests: XCTestCase {
    private static let childStoreVariable = "EVALSH_STORE_TEST_CHILD_DB"
    private static let childTagVariable = "EVALSH_STORE_TEST_CHILD_TAG"
    private static let pushesPerChild = 25
    private static let childDone = "child pushes done"

    override class func setUp() {
        super.setUp()
        pushAndExitIfChild()
    }

    func testTwoProcessesPushingAtOnceGetDistinctVersions() throws {
        #if os(Linux)
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        #else
        throw XCTSkip("spawning the test binary as a child is implemented for Linux")
        #endif
        let directory = try makeTemporaryDirectory(for: self)
        let storeURL = directory.appendingPathComponent("shared/store.sqlite")
        let children = try ["A", "B"].map { tag -> (Process, URL) in
            let output = directory.appendingPathComponent("child-\(tag).log")
            XCTAssertTrue(FileManager.default.createFile(atPath: output.path, contents: nil))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["EvalStoreTests.ConcurrentPushTests"]
            process.environment = ProcessInfo.processInfo.environment.merging(
                [Self.childStoreVariable: storeURL.path, Self.childTagVariable: tag]) { $1 }
            let handle = try FileHandle(forWritingTo: output)
            process.standardOutput = handle
            process.standardError = handle
            return (process, output)
        }
        for (process, _) in children { try process.run() }
        for (process, output) in children {
            process.waitUntilExit()
            let log = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            XCTAssertEqual(process.terminationStatus, 0, "child failed:\n\(log)")
            XCTAssertTrue(log.contains(Self.childDone), "the child did not run its pushes:\n\(log)")
        }

        let log = try LocalStore(url: storeURL).log(name: "shared")
        XCTAssertEqual(log.map(\.number), Array(1...(2 * Self.pushesPerChild)))
        for tag in ["A", "B"] {
            let own = log.filter { $0.message?.hasPrefix(tag) == true }
            XCTAssertEqual(own.map(\.message), (1...Self.pushesPerChild).map { "\(tag) \($0)" })
        }
    }

    /// The child's side: pushes, says so and exits, when this process is a child; returns at
    /// once otherwise.
    private static func pushAndExitIfChild() {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment[childStoreVariable], let tag = environment[childTagVariable] else { return }
        do {
            for index in 1...pushesPerChild {
                let store = try LocalStore(url: URL(fileURLWithPath: path))
                try store.push(
                    name: "shared", documents: SampleDocuments.make("\(tag)\(index)"),
                    metadata: PushMetadata(message: "\(tag) \(index)"))
            }
            print(childDone)
            exit(0)
        } catch {
            print("child \(tag) failed: \(error)")
            exit(1)
        }
    }

    /// Two connections pools of one process, as two shell sessions in threads would have.
    func testTwoPoolsPushingFromTwoThreadsGetDistinctVersions() throws {
        let storeURL = try makeTemporaryDirectory(for: self).appendingPathComponent("store.sqlite")
        let stores = try [LocalStore(url: storeURL), LocalStore(url: storeURL)]
        let failures = SleepRecorder()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for index in 0..<20 {
                do {
                    try stores[worker].push(
                        name: "t", documents: SampleDocuments.make("\(worker)"),
                        metadata: PushMetadata(message: "\(worker)-\(index)"))
                } catch {
                    failures.record(Double(worker))
                }
            }
        }
        XCTAssertEqual(failures.delays, [])
        XCTAssertEqual(try stores[0].log(name: "t").map(\.number), Array(1...40))
    }
}
