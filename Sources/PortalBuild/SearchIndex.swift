import Foundation
import PortalModel
import PortalRender
import PortalResolve
import PortalSearch
import PortalSupport

/// The search index the search page loads: the content handed to `SearchIndexBuilder` as its
/// docs input (Tools/search/docs-input.schema.md).
package enum SearchIndex {
    /// Writes `data/suche.<hash>.json` and its shards beside it, or takes them over from the
    /// previous site if nothing they are made from changed. Returns what was written.
    package static func write(_ model: SiteModel, theme: Theme, to output: OutputFolder, previous: BuildCache.SearchGroup?, previousCorpus: SearchCorpus?,
                      sizes: [String: Int], memo: ParseMemo? = nil) throws -> (group: BuildCache.SearchGroup, sizes: [String: Int], reused: Bool, corpus: SearchCorpus) {
        var synonyms: [String] = []
        if let shipped = theme.searchFiles["synonyms.txt"] { synonyms.append(shipped) }
        if let own = model.content.synonyms { synonyms.append(own) }
        var input = SearchIndexBuilder.input(for: model, synonyms: synonyms)
        input.thesaurus = theme.searchFiles["thesaurus.txt"]
        let fingerprint = SearchCorpus.fingerprint(input)
        if let previous, let previousCorpus, previous.fingerprint == fingerprint, previousCorpus.fingerprint == fingerprint,
           previous.files.allSatisfy({ path in sizes[path].map { output.reuse(path, size: $0) } ?? false }) {
            return (previous, sizes.filter { previous.files.contains($0.key) }, true, previousCorpus)
        }
        var corpus = SearchCorpus(input, memo: memo)
        let (group, written) = try write(corpus.files(), fingerprint: fingerprint) { data, path throws(OutputFolder.WriteError) in
            try output.write(data, to: path)
        }
        return (group, written, false, corpus)
    }

    /// Writes the index files through `write` (path relative to the site); returns their group and sizes.
    package static func write(_ files: SearchIndexBuilder.Files, fingerprint: String,
                      _ write: (Data, String) throws(OutputFolder.WriteError) -> Void) throws(OutputFolder.WriteError) -> (BuildCache.SearchGroup, [String: Int]) {
        var written: [String: Int] = [:]
        for shard in files.shards {
            try write(shard.data, Routes.searchShard(shard.name))
            written[Routes.searchShard(shard.name)] = shard.data.count
        }
        let path = Routes.searchIndex(files.main, language: files.language)
        try write(files.main, path)
        written[path] = files.main.count
        return (BuildCache.SearchGroup(fingerprint: fingerprint, main: path, files: written.keys.sorted()), written)
    }
}
