import EvalQuery
import Foundation

/// Journals left by evalsh before the journal was keyed by source: one file per source and
/// evaluation name, named by a hash of both, holding the statements only.
extension EditJournal {
    /// The older key of an origin: its description with every path made absolute (no symbolic
    /// link resolved), the local store appended for `store:` origins.
    func legacyKey(for origin: EvaluationOrigin, workingDirectory: String = FileManager.default.currentDirectoryPath)
        -> String
    {
        func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
                .standardizedFileURL.path
        }
        switch origin {
        case .files(let paths): return EvaluationOrigin.files(paths.map(absolute)).description
        case .payloadFile(let path, _): return EvaluationOrigin.payloadFile(absolute(path)).description
        case .target(let target) where target.hasPrefix("store:"):
            return origin.description + (storePath.map { " in \(absolute($0))" } ?? "")
        case .target(let target) where target.hasPrefix("picsellia:"):
            return origin.description
        case .target(let path): return EvaluationOrigin.target(absolute(path)).description
        }
    }

    /// Takes over the oldest journal of the older format made for `origin`, under whatever name:
    /// it is written in the new format at `slot` (its files' fingerprints unknown) and its old
    /// file removed. A file of the directory that reads as neither format is set aside, and
    /// temporaries of shells that are gone are removed.
    func migrateOlderJournal(
        of origin: EvaluationOrigin, to identity: JournalIdentity, slot: Int, into lookup: inout Lookup
    ) {
        let legacyKey = legacyKey(for: origin)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var found: [(file: String, entry: JournalEntry)] = []
        // A temporary left by a shell killed while writing: the journal beside it is whole.
        for name in names {
            guard let dash = name.range(of: ".json.tmp-", options: .backwards), let pid = Int32(name[dash.upperBound...]),
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(atPath: "\(directory)/\(name)")
        }
        for name in names.sorted() where name.hasSuffix(".json") {
            let file = "\(directory)/\(name)"
            switch read(file) {
            case .success(let entry) where entry.format == 1 && entry.origin == legacyKey: found.append((file, entry))
            case .success: continue
            case .failure(let problem): lookup.notices.append(setAside(file, problem))
            }
        }
        guard let (file, old) = found.min(by: { $0.entry.updated < $1.entry.updated }) else { return }
        var entry = old
        entry.format = 2
        entry.origin = identity.key
        do {
            try write(JournalEntry.encoder.encode(entry), to: path(for: identity, slot: slot))
            try? FileManager.default.removeItem(atPath: file)
        } catch {
            lookup.notices.append("the edit journal \(file) of an older evalsh could not be rewritten: \(error.localizedDescription)")
        }
        lookup.entry = entry
    }
}
