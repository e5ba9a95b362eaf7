/// When a job's outputs wait in `review/<job>/` for a person (tenant default, overridable per manifest).
public enum ReviewPolicy: String, Sendable, Hashable, CaseIterable {
    /// Hold the job when a skill scores below the tenant's QA threshold.
    case auto
    /// Hold every job.
    case always
    /// Publish whatever QA says.
    case never

    /// The words a configuration or manifest may use, for messages.
    public static var spelled: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
