import Skills

/// A case's folder name: `inbox/<slug>/` and `outbox/cases/<slug>/`.
public enum CaseSlug {
    /// The longest slug (the case skill's name, `case-<slug>`, stays within 64 characters).
    public static let limit = 48

    /// The slug of a case's name or of a folder a tenant made (`Smith v. Johnson` → `smith-v-johnson`); nil when
    /// nothing usable is left.
    public static func make(_ text: String) -> String? {
        let slug = SkillText.slug(text, limit: limit)
        return slug.isEmpty ? nil : slug
    }

    /// The folder below `outbox/cases/` that holds archived cases.
    public static let archivedFolder = ".archived"
}
