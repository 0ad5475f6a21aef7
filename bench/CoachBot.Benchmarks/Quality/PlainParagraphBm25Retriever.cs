using CoachBot.Knowledge.Guides;
using CoachBot.Knowledge.Retrieval;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace CoachBot.Benchmarks.Quality;

/// <summary>
/// The comparison baseline of the issue: plain BM25 over the raw guides' paragraphs (every paragraph and list item its
/// own document, Lucene's stock EnglishAnalyzer, no headings, synonyms, expansions or feedback).
/// </summary>
public sealed class PlainParagraphBm25Retriever : IPassageRetriever, IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly RAMDirectory _directory = new();
    private readonly EnglishAnalyzer _analyzer = new(Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly List<Passage> _passages = [];

    public PlainParagraphBm25Retriever(GuideCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var section in catalog.Sections)
            {
                foreach (var paragraph in section.Paragraphs)
                {
                    var document = new Document
                    {
                        new StoredField("n", _passages.Count),
                        new TextField("body", paragraph.Text, Field.Store.NO),
                    };
                    _passages.Add(new Passage($"{section.Reference}/p{paragraph.Line}", section.GuideId, section.GuideTitle, section.Path, paragraph.Text));
                    writer.AddDocument(document);
                }
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public RetrievalResult Search(string query, int k = 3)
    {
        var parser = new QueryParser(Version, "body", _analyzer);
        Query parsed;
        try
        {
            parsed = parser.Parse(QueryParserBase.Escape(query ?? ""));
        }
        catch (ParseException)
        {
            return RetrievalResult.Empty;
        }

        var hits = _searcher.Search(parsed, k).ScoreDocs;
        var passages = hits
            .Select(hit => new ScoredPassage(_passages[_searcher.Doc(hit.Doc).GetField("n").GetInt32Value() ?? 0], hit.Score))
            .ToList();
        return new RetrievalResult(passages, 0, []);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
