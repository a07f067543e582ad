#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A server on 127.0.0.1 that answers every HTTP request with one fixed status and an empty
/// body, then closes the connection: enough to see how the shell reports a Picsellia refusal.
/// (EvalStoreTests' `TestHTTPServer` plays the whole REST contract; this target cannot see it.)
final class LoopbackResponder: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let status: Int
    private let finished = DispatchSemaphore(value: 0)

    var url: String { "http://127.0.0.1:\(port)" }

    init(status: Int) throws {
        self.status = status
        let (listener, port) = try Self.bound()
        self.listener = listener
        self.port = port
        Thread { [self] in serve() }.start()
    }

    /// A port on 127.0.0.1 that nothing listens on: bound, then closed.
    static func closedPort() throws -> UInt16 {
        let (listener, port) = try bound()
        close(listener)
        return port
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        finished.wait()
    }

    private static func bound() throws -> (Int32, UInt16) {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && listen(listener, 8) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        guard ok else {
            close(listener)
            throw POSIXError(.EADDRINUSE)
        }
        return (listener, UInt16(bigEndian: address.sin_port))
    }

    private func serve() {
        defer { finished.signal() }
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            // The request is read up to its blank line (the client sends no body on a GET).
            var request = [UInt8]()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !request.suffix(4).elementsEqual(Array("\r\n\r\n".utf8)) {
                let count = read(connection, &buffer, buffer.count)
                guard count > 0 else { break }
                request += buffer[0..<count]
            }
            let answer = "HTTP/1.1 \(status) Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            _ = answer.utf8CString.withUnsafeBufferPointer { write(connection, $0.baseAddress!, $0.count - 1) }
            close(connection)
        }
    }
}
