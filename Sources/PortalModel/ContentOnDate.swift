/// The content as it is on one day: what a build for that day publishes (`portal build --date`).
extension Content {
    /// Services and free pages that do not apply on `date` are left out, with the rules of those
    /// services; each service's fee is the version that applies. Content without dates is
    /// returned as it is.
    public func on(_ date: String) -> Content {
        var c = self
        c.services = services.filter { $0.lifecycle.validity.holds(on: date) }.map { service in
            guard !service.feeVersions.isEmpty else { return service }
            var s = service
            let current = service.feeVersions.first { $0.validity.holds(on: date) }
            s.fees = current?.text
            s.feesFrom = current?.validity.from
            s.feesNext = service.feeVersions.filter { ($0.validity.from ?? "") > date }.min { ($0.validity.from ?? "") < ($1.validity.from ?? "") }
            return s
        }
        if c.services.count != services.count {
            let kept = Set(c.services.map(\.slug))
            c.responsibilities = responsibilities.filter { kept.contains($0.service) }
        }
        c.pages = pages.filter { $0.lifecycle.validity.holds(on: date) }
        return c
    }

    /// The first day after `date` on which `on(_:)` gives other content; nil if none.
    public func nextChange(after date: String) -> String? {
        var days = services.flatMap { $0.lifecycle.validity.changes(after: date) + $0.feeVersions.flatMap { $0.validity.changes(after: date) } }
        days += pages.flatMap { $0.lifecycle.validity.changes(after: date) }
        return days.min()
    }

    /// Files whose facts were last reviewed (`reviewed`, else `updated`) more than `intervalDays`
    /// before `date`, or never: oldest first, never-reviewed before all, then by path.
    public func stale(on date: String, intervalDays: Int) -> [(path: String, line: Int, reviewed: String?)] {
        var entries: [(path: String, line: Int, reviewed: String?)] = []
        for service in services {
            entries.append((service.sourcePath, service.lifecycle.reviewedLine ?? 1, service.lifecycle.reviewed ?? service.updated))
        }
        for page in pages { entries.append((page.sourcePath, page.lifecycle.reviewedLine ?? 1, page.lifecycle.reviewed)) }
        let limit = Validity.shift(date, by: -intervalDays) ?? date
        return entries.filter { entry in entry.reviewed.map { $0 < limit } ?? true }
            .sorted { ($0.reviewed ?? "", $0.path) < ($1.reviewed ?? "", $1.path) }
    }
}
