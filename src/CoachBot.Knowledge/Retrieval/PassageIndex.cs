using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// The in-memory Lucene index of the guide passages (BM25), plus the term statistics the query side needs (which
/// words the knowledge base knows, how common they are). Immutable once built; searching is thread-safe.
/// </summary>
public sealed class PassageIndex : IDisposable
{
    public const string BodyField = "body";
    public const string HeadingsField = "headings";
    public const string QuestionsField = "questions";
    public const string TopicsField = "topics";
    private const string OrdinalField = "ordinal";

    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly PassageChunk[] _chunkByDocId;
    private readonly HashSet<string>[] _tokensByDocId;
    private readonly Dictionary<string, int> _documentFrequency;

    private PassageIndex(RAMDirectory directory, DirectoryReader reader, PassageChunk[] chunkByDocId, HashSet<string>[] tokensByDocId, Dictionary<string, int> documentFrequency, KnowledgeAnalyzer analyzer)
    {
        _directory = directory;
        _reader = reader;
        _chunkByDocId = chunkByDocId;
        _tokensByDocId = tokensByDocId;
        _documentFrequency = documentFrequency;
        Analyzer = analyzer;
        Searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
    }

    public IndexSearcher Searcher { get; }

    public KnowledgeAnalyzer Analyzer { get; }

    public int Count => _chunkByDocId.Length;

    public IReadOnlyList<PassageChunk> Chunks => _chunkByDocId;

    /// <summary>Every analyzed term of the index (all fields), for near-spelling look-ups.</summary>
    public IReadOnlyCollection<string> Vocabulary => _documentFrequency.Keys;

    /// <summary>Indexes the passages of a knowledge base.</summary>
    public static PassageIndex Build(KnowledgeBase knowledge, RetrievalSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        settings ??= RetrievalSettings.Default;
        var chunks = PassageChunker.Chunk(knowledge.Catalog);
        var analyzer = new KnowledgeAnalyzer();
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(KnowledgeAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
        };

        var fieldsByChunk = new List<(string Field, string Text)>[chunks.Count];
        using (var writer = new IndexWriter(directory, config))
        {
            for (var i = 0; i < chunks.Count; i++)
            {
                fieldsByChunk[i] = FieldsOf(chunks[i], knowledge, settings);
                var document = new Document { new StoredField(OrdinalField, i) };
                foreach (var (field, text) in fieldsByChunk[i])
                {
                    document.Add(new TextField(field, text, Field.Store.NO));
                }

                writer.AddDocument(document);
            }

            writer.Commit();
        }

        var reader = DirectoryReader.Open(directory);
        var chunkByDocId = new PassageChunk[reader.MaxDoc];
        var tokensByDocId = new HashSet<string>[reader.MaxDoc];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var docId = 0; docId < reader.MaxDoc; docId++)
        {
            var ordinal = reader.Document(docId).GetField(OrdinalField).GetInt32Value() ?? throw new InvalidOperationException("Indexed passage without ordinal.");
            chunkByDocId[docId] = chunks[ordinal];
            var tokens = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (field, text) in fieldsByChunk[ordinal])
            {
                tokens.UnionWith(analyzer.Tokens(text, field));
            }

            tokensByDocId[docId] = tokens;
            foreach (var token in tokens)
            {
                documentFrequency[token] = documentFrequency.GetValueOrDefault(token) + 1;
            }
        }

        return new PassageIndex(directory, reader, chunkByDocId, tokensByDocId, documentFrequency, analyzer);
    }

    public PassageChunk ChunkAt(int docId) => _chunkByDocId[docId];

    /// <summary>The analyzed terms of every field of one indexed passage.</summary>
    public IReadOnlySet<string> TokensAt(int docId) => _tokensByDocId[docId];

    /// <summary>In how many passages a term occurs (any field); 0 when the knowledge base never uses it.</summary>
    public int DocumentFrequency(string term) => _documentFrequency.GetValueOrDefault(term);

    /// <summary>BM25's inverse document frequency of a term over the passages (an unknown term gets the largest value).</summary>
    public double InverseDocumentFrequency(string term)
    {
        var frequency = DocumentFrequency(term);
        return Math.Log(1 + ((Count - frequency + 0.5) / (frequency + 0.5)));
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        Analyzer.Dispose();
    }

    private static List<(string Field, string Text)> FieldsOf(PassageChunk chunk, KnowledgeBase knowledge, RetrievalSettings settings)
    {
        var fields = new List<(string Field, string Text)> { (BodyField, chunk.BodyText) };
        if (settings.UseHeadings)
        {
            fields.Add((HeadingsField, chunk.HeadingText));
            var guide = knowledge.Catalog.FindGuide(chunk.Passage.GuideId);
            if (guide is not null && guide.Topics.Count > 0)
            {
                fields.Add((TopicsField, string.Join('\n', guide.Topics)));
            }
        }

        if (settings.UseExpansions)
        {
            var questions = ExpansionQuestionsFor(chunk, knowledge);
            if (questions.Count > 0)
            {
                fields.Add((QuestionsField, string.Join('\n', questions)));
            }
        }

        return fields;
    }

    /// <summary>
    /// The section's own expansion questions, plus those of ancestor headings that have no text of their own
    /// ("Step 1: Laying the Foundation" is answered by its sub-sections).
    /// </summary>
    private static List<string> ExpansionQuestionsFor(PassageChunk chunk, KnowledgeBase knowledge)
    {
        var questions = new List<string>(knowledge.Expansions.QuestionsFor(chunk.Section));
        var guide = knowledge.Catalog.FindGuide(chunk.Passage.GuideId);
        if (guide is null)
        {
            return questions;
        }

        var path = chunk.Section.Path;
        foreach (var ancestor in guide.Sections)
        {
            var isAncestor = ancestor.Path.Count < path.Count && ancestor.Path.SequenceEqual(path.Take(ancestor.Path.Count)) && ancestor.Path.Count > 0;
            if (isAncestor && ancestor.Paragraphs.Count == 0)
            {
                questions.AddRange(knowledge.Expansions.QuestionsFor(ancestor));
            }
        }

        return questions;
    }
}
