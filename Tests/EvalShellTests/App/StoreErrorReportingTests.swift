import EvalQuery
import EvalStore
import Foundation
import XCTest

@testable import EvalShell

/// A store, Picsellia or output failure reaches the statement as a typed value: the kind of
/// failure, the place it is about (a path, a host), Picsellia's HTTP status, and the message;
/// the exit status follows the README's table (69 for a push or pull, 74 for output).
final class StoreErrorReportingTests: XCTestCase {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("evalsh-errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// The store failure `body` throws, or a test failure.
    private func storeFailure<T>(
        _ body: @autoclosure () throws -> T, file: StaticString = #filePath, line: UInt = #line
    ) -> StoreFailure? {
        do {
            _ = try body()
            XCTFail("no error", file: file, line: line)
        } catch {
            guard let error = error as? ExecutionError, case .store(let failure) = error else {
                XCTFail("not a store failure: \(error)", file: file, line: line)
                return nil
            }
            XCTAssertEqual(ShellSession.status(for: error), .pushFailed, file: file, line: line)
            XCTAssertEqual(ShellSession.status(for: error).rawValue, 69, file: file, line: line)
            return failure
        }
        return nil
    }

    func testADamagedStoreFileIsALocalStoreFailureNamingTheFile() throws {
        // A SQLite header cut after 20 bytes: the file claims to be a database and is not one.
        let path = try temporaryDirectory().appendingPathComponent("store.sqlite")
        try Data("SQLite format 3\u{0}\u{10}\u{0}\u{1}\u{1}".utf8).write(to: path)
        let before = try Data(contentsOf: path)
        let adapter = StoreAdapter(router: TargetRouter(localStoreURL: path, environment: [:]))
        for failure in [
            storeFailure(try adapter.experiments()), storeFailure(try adapter.log(name: "detector")),
            storeFailure(try adapter.pull(target: "store:detector")),
        ] {
            let failure = try XCTUnwrap(failure)
            XCTAssertEqual(failure.kind, .localStore)
            XCTAssertEqual(failure.place, path.path)
            XCTAssertNil(failure.httpStatus)
            XCTAssertEqual(
                failure.message,
                "\(path.path) is corrupt (the file ends inside the SQLite header); it was left untouched: restore it "
                    + "from a backup or move it away to start a new store")
        }
        XCTAssertEqual(try Data(contentsOf: path), before)
    }

    func testAFileThatIsNoDatabaseIsALocalStoreFailure() throws {
        let path = try temporaryDirectory().appendingPathComponent("notes.txt")
        try Data("shopping list\n".utf8).write(to: path)
        let adapter = StoreAdapter(router: TargetRouter(localStoreURL: path, environment: [:]))
        let failure = try XCTUnwrap(storeFailure(try adapter.experiments()))
        XCTAssertEqual(failure.kind, .localStore)
        XCTAssertEqual(failure.message, "\(path.path) is not a SQLite database; it was left untouched (pass another store path)")
    }

    func testAMissingExperimentIsNotFound() throws {
        let directory = try temporaryDirectory()
        let adapter = StoreAdapter(router: TargetRouter(localStoreURL: directory.appendingPathComponent("store.sqlite"), environment: [:]))
        let failure = try XCTUnwrap(storeFailure(try adapter.log(name: "detector")))
        XCTAssertEqual(failure.kind, .notFound)
        XCTAssertEqual(failure.place, "store:detector")
    }

    func testAnUnreachablePicselliaIsAConnectionFailureWithoutTheToken() throws {
        let port = try LoopbackResponder.closedPort()
        let environment = [
            "PICSELLIA_TOKEN": "token-that-must-not-show", "PICSELLIA_HOST": "http://127.0.0.1:\(port)",
            "EVALSH_HTTP_TIMEOUT": "5",
        ]
        let adapter = StoreAdapter(router: TargetRouter(localStoreURL: try temporaryDirectory(), environment: environment))
        let target = "picsellia:0188e773-0000-7000-8000-000000000001"
        let failure = try XCTUnwrap(storeFailure(try adapter.pull(target: target)))
        XCTAssertEqual(failure.kind, .connection)
        XCTAssertEqual(failure.place, "http://127.0.0.1:\(port)")
        XCTAssertNil(failure.httpStatus)
        XCTAssertEqual(
            failure.message, "cannot reach http://127.0.0.1:\(port) (connection refused); check the network and PICSELLIA_HOST")
        XCTAssertFalse(failure.message.contains("token-that-must-not-show"))
    }

    func testARefusedTokenIsAServerFailureWithItsStatus() throws {
        let server = try LoopbackResponder(status: 401)
        defer { server.stop() }
        let environment = ["PICSELLIA_TOKEN": "token-that-must-not-show", "PICSELLIA_HOST": server.url]
        let adapter = StoreAdapter(router: TargetRouter(localStoreURL: try temporaryDirectory(), environment: environment))
        let failure = try XCTUnwrap(
            storeFailure(try adapter.pull(target: "picsellia:0188e773-0000-7000-8000-000000000001")))
        XCTAssertEqual(failure.kind, .server)
        XCTAssertEqual(failure.httpStatus, 401)
        XCTAssertEqual(failure.place, server.url)
        XCTAssertEqual(failure.message, "\(server.url) refused the API token (401): check PICSELLIA_TOKEN")
    }

    func testPushingAVersionIsATargetFailure() throws {
        let directory = try temporaryDirectory()
        let router = TargetRouter(localStoreURL: directory.appendingPathComponent("store.sqlite"), environment: [:])
        // EvalStore's functions throw StoreError itself: the case is checked, not a cast.
        do throws(StoreError) {
            try router.push(
                EvaluationDocuments(evaluation: Data("{}".utf8), confusionMatrix: nil),
                metadata: PushMetadata(message: nil, edits: [], source: "test"), to: .store(name: "x", version: 2))
            XCTFail("pushed a version")
        } catch {
            XCTAssertEqual(error, .versionOnPush(target: "store:x@2"))
            XCTAssertEqual(StoreFailure(error).kind, .target)
            XCTAssertEqual(StoreFailure(error).place, "store:x@2")
            // A mistake in the statement (65), as a target that does not parse is; not a failed push (69).
            XCTAssertEqual(ShellSession.status(for: .store(StoreFailure(error))), .queryError)
        }
    }

    func testATargetThatDoesNotParseIsATargetFailureOfTheStatement() throws {
        let adapter = StoreAdapter(router: TargetRouter(localStoreURL: try temporaryDirectory(), environment: [:]))
        do {
            _ = try adapter.pull(target: "stor:detector")
            XCTFail("pulled from stor:")
        } catch {
            guard case .store(let failure) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.kind, .target)
            XCTAssertEqual(failure.place, "stor:detector")
            XCTAssertEqual(
                failure.message, "'stor:detector': unknown target kind 'stor:'; use store:, picsellia:, or write ./stor:detector.json to mean a file")
            XCTAssertEqual(ShellSession.status(for: error), .queryError)
        }
    }

    func testOutputToAFolderIsAnOutputErrorAtThePath() throws {
        let directory = try temporaryDirectory()
        let session = ShellSession(executor: Executor(), environment: [:], interactive: false, journal: nil)
        let source = "output \(directory.path)"
        let node = try XCTUnwrap(Parser.parse(source).statements.first)
        do {
            _ = try session.executor.execute(node)
            XCTFail("output went to a folder")
        } catch {
            guard case .output(let failure, let range) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(failure, OutputError(path: directory.path, reason: .isAFolder))
            XCTAssertEqual(failure.description, "cannot write \(directory.path): it is a folder")
            XCTAssertEqual(range?.start.column, 8)
            XCTAssertEqual(ShellSession.status(for: error).rawValue, 74)
        }
    }

    func testOutputIntoAMissingFolderNamesTheFolder() throws {
        let missing = try temporaryDirectory().appendingPathComponent("no-such-folder")
        let session = ShellSession(executor: Executor(), environment: [:], interactive: false, journal: nil)
        let node = try XCTUnwrap(Parser.parse("output \(missing.path)/x.csv").statements.first)
        do {
            _ = try session.executor.execute(node)
            XCTFail("output went nowhere")
        } catch {
            guard case .output(let failure, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.reason, .missingFolder(missing.path))
        }
    }

    func testAnOutputPathWithoutAFolderPartIsHandled() {
        // `output d` with d a folder of the current directory ended evalsh with SIGILL:
        // Foundation's deletingLastPathComponent traps on such a short bare name.
        XCTAssertEqual(OutputError(path: "d", errno: EISDIR), OutputError(path: "d", reason: .isAFolder))
        XCTAssertEqual(OutputError(path: "out/x.csv", errno: ENOENT).reason, .missingFolder("out"))
        XCTAssertEqual(OutputError(path: "/x.csv", errno: EACCES).description, "cannot write /x.csv: permission denied")
        XCTAssertEqual(OutputError(path: "x.csv", errno: ENOENT).reason, .other("No such file or directory"))
    }
}
