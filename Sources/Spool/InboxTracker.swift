import DocumentModel
import FileSystem
import JSON
import SpoolConfig

/// What intake decided about files in an inbox.
public enum IntakeAction: Sendable, Hashable {
    /// Turn these inbox files into one job (`files` includes the trigger for manifests and archives).
    case claim(source: JobTicket.Source, trigger: String, files: [String])
    /// Move one file to `failed/` with a reason.
    case quarantine(name: String, error: SpoolError)
    /// Move a manifest and the files it names that are present to `failed/` with a reason.
    case reject(manifest: String, files: [String], error: SpoolError)
}

/// The intake state of one inbox: every file seen, its last signature and since when it has been unchanged.
///
/// Events only say where to look; ``resync(_:now:)`` (the listing) is the truth. Owned by the intake task alone.
public struct InboxTracker: Sendable {
    struct Candidate: Sendable {
        var kind: InboxName
        var signature: FileSignature
        var firstSeen: Double
        var changedAt: Double
        /// The completeness check's answer for `signature` (by the bytes alone).
        var upload: UploadCompleteness.Status?
        /// The parse of the manifest for `signature`.
        var manifest: Result<Manifest, SpoolError>?
        var namedFiles: [String] = []
    }

    private(set) var candidates: [String: Candidate] = [:]
    /// Files a listing found that no event had reported.
    public private(set) var missedByEvents = 0

    /// Names this folder reserves for decisions (`ARCHIVE`, `REOPEN` in a case folder): never claimed or quarantined
    /// here; ``CaseDesk`` reads them.
    let reservedNames: Set<String>

    public init() { reservedNames = [] }

    init(reserving names: Set<String>) { reservedNames = names }

    /// Files waiting in the inbox.
    public var waitingCount: Int { candidates.count }

    /// The age in seconds of the oldest file waiting.
    public func oldestWaitingAge(now: Double) -> Double {
        candidates.values.map { now - $0.firstSeen }.max() ?? 0
    }

    /// Looks at one name an event reported.
    public mutating func observe(_ name: String, in inbox: Directory, now: Double) {
        update(name, signature: inbox.signature(name), now: now)
    }

    /// Lists the inbox: adds new files, drops vanished ones, refreshes the rest. Returns how many files were new.
    @discardableResult
    public mutating func resync(_ inbox: Directory, now: Double, countMissed: Bool = false) throws -> Int {
        let names = Set(try inbox.names().filter { InboxName($0) != .ignored && !reservedNames.contains($0) })
        for gone in candidates.keys where !names.contains(gone) { candidates[gone] = nil }
        var found = 0
        for name in names.sorted() {
            if candidates[name] == nil { found += 1 }
            update(name, signature: inbox.signature(name), now: now)
        }
        if countMissed { missedByEvents += found }
        return found
    }

    /// Re-reads the signature of every file still waiting.
    public mutating func refresh(_ inbox: Directory, now: Double) {
        for name in candidates.keys.sorted() { update(name, signature: inbox.signature(name), now: now) }
    }

    /// Forgets files that were moved away.
    public mutating func forget(_ names: [String]) {
        for name in names { candidates[name] = nil }
    }

    private mutating func update(_ name: String, signature: FileSignature?, now: Double) {
        let kind = InboxName(name)
        guard kind != .ignored, !reservedNames.contains(name), let signature, signature.kind != .folder else {
            candidates[name] = nil
            return
        }
        if var candidate = candidates[name] {
            if candidate.signature != signature {
                candidate.signature = signature
                candidate.changedAt = now
                candidate.upload = nil
                candidate.manifest = nil
            }
            candidates[name] = candidate
        } else {
            candidates[name] = Candidate(kind: kind, signature: signature, firstSeen: now, changedAt: now)
        }
    }

    /// Decides what to do with the files that have been quiet long enough.
    public mutating func plan(tenant: TenantConfiguration, inbox: Directory, now: Double) -> [IntakeAction] {
        var actions: [IntakeAction] = []
        var claimed = Set<String>()
        let names = candidates.keys.sorted()
        // Manifests first: a manifest claims its documents before they can become lone jobs.
        for name in names where candidates[name]?.kind == .manifest {
            guard var candidate = candidates[name] else { continue }
            if candidate.manifest == nil, now - candidate.changedAt >= tenant.quietSeconds {
                (candidate.manifest, candidate.namedFiles) = Self.parseManifest(name, in: inbox, tenant: tenant)
                candidates[name] = candidate
            }
            claimed.formUnion(candidate.namedFiles)
            guard let parsed = candidate.manifest else { continue }
            switch parsed {
            case .failure(let error) where error.code == .manifestJSON:
                if now - candidate.changedAt >= tenant.incompleteUploadSeconds {
                    actions.append(.quarantine(name: name, error: error))
                }
            case .failure(let error)
            where error.code == .symlink || error.code == .hardlink
                || error.code == .notRegularFile:
                actions.append(.quarantine(name: name, error: error))
            case .failure(let error):
                actions.append(
                    .reject(manifest: name, files: candidate.namedFiles.filter { candidates[$0] != nil }, error: error)
                )
            case .success(let manifest):
                // Documents named by URL are fetched by the worker, not waited for in the inbox.
                let files = manifest.documents.filter { $0.url == nil }.map(\.file)
                if files.allSatisfy({ isReady($0, quiet: tenant.quietSeconds, inbox: inbox, now: now) }) {
                    actions.append(.claim(source: .manifest, trigger: name, files: [name] + files))
                } else if now - candidate.firstSeen >= tenant.manifestWaitSeconds {
                    let missing = files.filter { !isReady($0, quiet: tenant.quietSeconds, inbox: inbox, now: now) }
                    actions.append(
                        .reject(
                            manifest: name,
                            files: files.filter { candidates[$0] != nil },
                            error: SpoolError(
                                .missingDocument,
                                "documents did not arrive complete within \(Int(tenant.manifestWaitSeconds)) s: "
                                    + missing.joined(separator: ", ")
                            )
                        )
                    )
                }
            }
        }
        for name in names where !claimed.contains(name) {
            guard let candidate = candidates[name], candidate.kind != .manifest,
                now - candidate.changedAt >= tenant.quietSeconds
            else { continue }
            switch candidate.signature.kind {
            case .symlink:
                actions.append(.quarantine(name: name, error: SpoolError(.symlink, "'\(name)' is a symbolic link")))
                continue
            case .other:
                actions.append(
                    .quarantine(name: name, error: SpoolError(.notRegularFile, "'\(name)' is not a regular file"))
                )
                continue
            case .regular, .folder:
                break
            }
            if candidate.signature.links > 1 {
                actions.append(
                    .quarantine(
                        name: name,
                        error: SpoolError(.hardlink, "'\(name)' has \(candidate.signature.links) hard links")
                    )
                )
                continue
            }
            switch candidate.kind {
            case .unsupported:
                actions.append(
                    .quarantine(
                        name: name,
                        error: SpoolError(
                            .unsupportedFile,
                            "'\(name)' is not a document (.pdf, .docx, .html, .md, .txt), a .job.json manifest or an archive"
                        )
                    )
                )
            case .document, .archive:
                let status = uploadStatus(name, inbox: inbox)
                switch status {
                case .complete:
                    break
                case .notPDF:
                    actions.append(
                        .quarantine(
                            name: name,
                            error: SpoolError(
                                .notPDF,
                                "'\(name)' has no %PDF- header in its first \(UploadCompleteness.headerWindow) bytes"
                            )
                        )
                    )
                    continue
                case .partial, .beingWritten:
                    if now - candidate.changedAt >= tenant.incompleteUploadSeconds {
                        let state = status == .partial ? "incomplete" : "open for writing"
                        actions.append(
                            .quarantine(
                                name: name,
                                error: SpoolError(
                                    .incompleteUpload,
                                    "'\(name)' stayed \(state) for \(Int(tenant.incompleteUploadSeconds)) s"
                                )
                            )
                        )
                    }
                    continue
                }
                if case .document = candidate.kind {
                    // A lone document waits for a manifest that might still claim it.
                    guard now - candidate.changedAt >= max(tenant.quietSeconds, tenant.settleSeconds) else { continue }
                    actions.append(.claim(source: .lone, trigger: name, files: [name]))
                } else {
                    actions.append(.claim(source: .archive, trigger: name, files: [name]))
                }
            case .manifest, .ignored:
                break
            }
        }
        return actions
    }

    private mutating func isReady(_ name: String, quiet: Double, inbox: Directory, now: Double) -> Bool {
        guard let candidate = candidates[name], now - candidate.changedAt >= quiet else { return false }
        // Links and special files are "ready" so that the claim refuses them with a security code.
        guard candidate.signature.kind == .regular, candidate.signature.links == 1 else { return true }
        // A document that is not a PDF at all is ready too: its job fails with the engine's code.
        switch uploadStatus(name, inbox: inbox) {
        case .complete, .notPDF: return true
        case .partial, .beingWritten: return false
        }
    }

    /// The file's upload status: its format's completeness, cached for its signature, then — every time, for a
    /// whole file — whether a writer still holds it open.
    private mutating func uploadStatus(_ name: String, inbox: Directory) -> UploadCompleteness.Status {
        guard var candidate = candidates[name] else { return .partial }
        // The claim reports why a file cannot be opened.
        guard let file = try? inbox.openRegularFile(name) else { return .complete }
        let status = candidate.upload ?? UploadCompleteness.status(candidate.kind, file: file)
        candidate.upload = status
        candidates[name] = candidate
        return status == .complete && file.hasWriters == true ? .beingWritten : status
    }

    /// Parses a manifest; also returns the plain file names it mentions, valid or not, so a refused manifest takes
    /// its documents along to `failed/`.
    static func parseManifest(
        _ name: String,
        in inbox: Directory,
        tenant: TenantConfiguration
    ) -> (Result<Manifest, SpoolError>, [String]) {
        let bytes: [UInt8]
        do { bytes = try inbox.read(name) } catch let error as FileSystemError {
            return (.failure(SpoolError(error)), [])
        } catch {
            return (.failure(SpoolError(.io, "\(error)", retryable: true)), [])
        }
        var named: [String] = []
        if case .array(let entries)? = (try? JSONParser.parse(bytes))?["documents"] {
            for entry in entries {
                if let file = entry["file"]?.stringValue, (try? Directory.checkName(file)) != nil { named.append(file) }
            }
        }
        do {
            return (.success(try Manifest(bytes: bytes, tenant: tenant)), named)
        } catch let error as SpoolError {
            return (.failure(error), named)
        } catch {
            return (.failure(SpoolError(.manifestInvalid, "\(error)")), named)
        }
    }
}

extension InboxTracker {
    /// The first moment after `now` when a waiting file crosses one of the tenant's thresholds (quiet period,
    /// settle time, manifest wait, upload window) and may become a claim or a quarantine; nil when none will.
    public func nextDue(tenant: TenantConfiguration, after now: Double) -> Double? {
        candidates.values.flatMap { candidate in
            [
                candidate.changedAt + tenant.quietSeconds,
                candidate.changedAt + max(tenant.quietSeconds, tenant.settleSeconds),
                candidate.firstSeen + tenant.manifestWaitSeconds,
                candidate.changedAt + tenant.incompleteUploadSeconds,
            ]
        }.filter { $0 > now }.min()
    }
}
