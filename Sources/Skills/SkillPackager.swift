/// How documents become skills.
public struct PackageOptions: Sendable {
    public enum Catalogue: String, Sendable, CaseIterable {
        case auto
        case always
        case never
    }

    /// The skill name; derived from the document when nil.
    public var name: String?
    public var catalogue: Catalogue = .auto
    /// `metadata.version` of the skills written.
    public var version = "1.0.0"
    /// Stamped into `metadata.engine`.
    public var engineVersion: String

    public init(name: String? = nil, catalogue: Catalogue = .auto, version: String = "1.0.0", engineVersion: String) {
        self.name = name
        self.catalogue = catalogue
        self.version = version
        self.engineVersion = engineVersion
    }
}

/// Documents → Agent Skills bundles: one skill with a reference file per topic, or a catalogue of one skill per
/// topic plus an index skill that routes to them.
public enum SkillPackager {
    /// The skills for the documents of one job.
    public static func package(_ sources: [SkillSource], options: PackageOptions) -> [SkillBundle] {
        let plans = sources.map(TopicDetector.plan)
        let title = sources.count == 1 ? plans[0].title : plans.map(\.title).joined(separator: ", ")
        let nameText =
            sources.count == 1
            ? SkillName.text(items: sources[0].outline, plan: plans[0], kind: confidentKind(sources)) : title
        let base = skillName(options.name ?? nameText, fallback: sources.first?.stem ?? "document")
        let catalogue: Bool
        switch options.catalogue {
        case .always: catalogue = plans.contains { $0.topics.count > 1 } || plans.count > 1
        case .never: catalogue = false
        case .auto: catalogue = plans.contains(where: \.shouldCatalogue)
        }
        let topics = zip(sources, plans).flatMap { source, plan in
            TopicDetector.catalogueSkillTopics(plan.topics).map { (source, plan, $0) }
        }
        guard catalogue, topics.count > 1 else {
            return [single(base, title: title, sources: sources, plans: plans, options: options)]
        }
        var names = Set([base])
        var skills: [SkillBundle] = []
        var entries: [(name: String, topic: Topic)] = []
        for (source, _, topic) in topics {
            // A shortened base leaves room for the topic in the 64 characters.
            let shortBase = SkillText.slug(base, limit: 28)
            let stem = skillName(shortBase + "-" + topic.slug, fallback: shortBase + "-topic")
            var name = stem
            var counter = 1
            while names.contains(name) {
                // The counter must survive the 64-character limit, so the stem gives way.
                counter += 1
                let suffix = "-\(counter)"
                var head = String(stem.prefix(64 - suffix.count))
                while head.hasSuffix("-") { head.removeLast() }
                name = head + suffix
            }
            names.insert(name)
            entries.append((name, topic))
            skills.append(topicSkill(name, topic: topic, source: source, title: title, options: options))
        }
        skills.insert(
            index(base, title: title, sources: sources, plans: plans, entries: entries, options: options),
            at: 0
        )
        return skills
    }

    /// One document's title, its label (the title with issuer and number, as its skill is named), confident type
    /// and the description its own skill gets (for a case's view of it).
    public static func summary(
        of source: SkillSource
    ) -> (title: String, label: String, kind: String?, description: String) {
        let plan = TopicDetector.plan(source)
        let kind = confidentKind([source])
        let description = SkillDescription.make(
            title: foundTitle([plan], title: plan.title),
            kind: kind,
            items: plan.preamble + source.outline
        )
        let label = SkillText.clean(SkillName.text(items: source.outline, plan: plan, kind: kind))
        return (plan.title, label.isEmpty ? plan.title : label, kind, description)
    }

    /// A valid, descriptive name: lowercase ASCII words joined by dashes, at most 64 characters, without the
    /// reserved words `claude` and `anthropic` and not one of the vague ones.
    public static func skillName(_ text: String, fallback: String) -> String {
        func clean(_ raw: String) -> String {
            let parts = SkillText.slug(raw, limit: 200).split(separator: "-").filter {
                !$0.contains("claude") && !$0.contains("anthropic")
            }
            return SkillText.slug(parts.joined(separator: "-"), limit: 64)
        }
        var name = clean(text)
        if name.isEmpty || vagueNames.contains(name) { name = clean(fallback) }
        if name.isEmpty { name = "pdf-document" }
        if vagueNames.contains(name) { name = SkillText.slug(name + "-guide", limit: 64) }
        return name
    }

    static let vagueNames: Set<String> = [
        "helper", "helpers", "utils", "tools", "documents", "document", "data", "files", "misc", "stuff",
    ]
}
