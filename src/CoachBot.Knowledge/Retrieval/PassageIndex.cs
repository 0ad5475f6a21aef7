using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// The in-memory Lucene index (BM25) of the guide passages — text, headings, guide topics, the section's expansion
/// questions and the passage's own expansion questions as separate fields — plus the term statistics the query side
/// needs (which words the knowledge base knows, how common they are). Those statistics count the guides' text, headings
/// and section questions only: the passage questions are written in chat register ("ngl", "fun", "netflix"), and were
/// their words known, an off-topic question that shares one of them would look covered.
/// Immutable once built; searching is thread-safe.
/// </summary>
public sealed class PassageIndex : IDisposable
{
    public const string BodyField = "body";
    public const string HeadingsField = "headings";
    public const string TopicsField = "topics";
    public const string QuestionsField = "questions";
    public const string PassageQuestionsField = "passage_questions";
    private const string OrdinalField = "ordinal";

    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly PassageChunk[] _chunkByDocId;
    private readonly HashSet<string>[] _tokensByDocId;
    private readonly Dictionary<string, int> _documentFrequency;
    private readonly Dictionary<string, HashSet<string>> _termsByField;

    private PassageIndex(Parts parts, KnowledgeAnalyzer analyzer, RetrievalSettings settings)
    {
        _directory = parts.Directory;
        _reader = parts.Reader;
        _chunkByDocId = parts.ChunkByDocId;
        _tokensByDocId = parts.TokensByDocId;
        _documentFrequency = parts.DocumentFrequency;
        _termsByField = parts.TermsByField;
        Count = parts.ChunkByDocId.Length;
        Analyzer = analyzer;
        Searcher = new IndexSearcher(parts.Reader) { Similarity = new BM25Similarity(settings.K1, settings.B) };
    }

    public IndexSearcher Searcher { get; }

    public KnowledgeAnalyzer Analyzer { get; }

    public int Count { get; }

    public IReadOnlyList<PassageChunk> Chunks => _chunkByDocId;

    /// <summary>Every analyzed term of the passages (all fields, expansion questions included), for near-spelling look-ups.</summary>
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
            Similarity = new BM25Similarity(settings.K1, settings.B),
        };

        var fieldsByChunk = new List<(string Field, string Text)>[chunks.Count];
        using (var writer = new IndexWriter(directory, config))
        {
            for (var i = 0; i < chunks.Count; i++)
            {
                fieldsByChunk[i] = FieldsOf(chunks[i], knowledge, settings);
                var expansionQuestions = settings.UseExpansions ? ExpansionQuestionsFor(chunks[i], knowledge) : [];
                if (expansionQuestions.Count > 0)
                {
                    fieldsByChunk[i].Add((QuestionsField, string.Join('\n', expansionQuestions.Select(key => key.Question))));
                }

                var passageQuestions = settings.UseExpansions ? knowledge.Expansions.QuestionsForPassage(chunks[i].Passage.Id) : [];
                if (passageQuestions.Count > 0)
                {
                    fieldsByChunk[i].Add((PassageQuestionsField, string.Join('\n', passageQuestions)));
                }

                var document = new Document { new StoredField(OrdinalField, i) };
                foreach (var (field, text) in fieldsByChunk[i])
                {
                    document.Add(new TextField(field, text, Field.Store.NO));
                }

                writer.AddDocument(document);
            }

            writer.Commit();
            var reader = DirectoryReader.Open(directory);
            try
            {
                var parts = Collect(reader, directory, chunks, fieldsByChunk, analyzer);
                return new PassageIndex(parts, analyzer, settings);
            }
            catch
            {
                reader.Dispose();
                throw;
            }
        }
    }

    /// <summary>The passage indexed as document <paramref name="docId"/>.</summary>
    public PassageChunk ChunkAt(int docId) => _chunkByDocId[docId];

    /// <summary>The analyzed terms of one indexed passage: text, headings and section questions (not topics or passage questions).</summary>
    public IReadOnlySet<string> TokensAt(int docId) => _tokensByDocId[docId];

    /// <summary>In how many passages a term occurs (text, headings, section questions); 0 when the knowledge base never uses it.</summary>
    public int DocumentFrequency(string term) => _documentFrequency.GetValueOrDefault(term);

    /// <summary>
    /// Whether a field of some passage contains the term, or the two neighbouring terms "a b": searching a field for
    /// what it lacks is wasted work.
    /// </summary>
    public bool FieldHasTerm(string field, string term) => _termsByField.TryGetValue(field, out var terms) && terms.Contains(term);

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

    private static Parts Collect(
        DirectoryReader reader,
        RAMDirectory directory,
        IReadOnlyList<PassageChunk> chunks,
        List<(string Field, string Text)>[] fieldsByChunk,
        KnowledgeAnalyzer analyzer)
    {
        var chunkByDocId = new PassageChunk[reader.MaxDoc];
        var tokensByDocId = new HashSet<string>[reader.MaxDoc];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var termsByField = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var docId = 0; docId < reader.MaxDoc; docId++)
        {
            var ordinal = reader.Document(docId).GetField(OrdinalField).GetInt32Value() ?? throw new InvalidOperationException("Indexed document without ordinal.");
            chunkByDocId[docId] = chunks[ordinal];
            var tokens = new HashSet<string>(StringComparer.Ordinal);
            // Guide topics are shared by every passage of a guide: counting them would make a guide's topic words look
            // common ("salary" in a fifth of all passages) when few passages are about them. Passage questions rank,
            // but do not teach the knowledge base words (see the class summary).
            foreach (var (field, text) in fieldsByChunk[ordinal])
            {
                var fieldTokens = analyzer.Tokens(text, field);
                if (!termsByField.TryGetValue(field, out var fieldTerms))
                {
                    fieldTerms = new HashSet<string>(StringComparer.Ordinal);
                    termsByField[field] = fieldTerms;
                }

                fieldTerms.UnionWith(fieldTokens);
                for (var t = 1; t < fieldTokens.Count; t++)
                {
                    fieldTerms.Add(fieldTokens[t - 1] + " " + fieldTokens[t]);
                }
                if (field is not (TopicsField or PassageQuestionsField))
                {
                    tokens.UnionWith(fieldTokens);
                }
            }

            tokensByDocId[docId] = tokens;
            foreach (var token in tokens)
            {
                documentFrequency[token] = documentFrequency.GetValueOrDefault(token) + 1;
            }
        }

        return new Parts(directory, reader, chunkByDocId, tokensByDocId, documentFrequency, termsByField);
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

        return fields;
    }

    /// <summary>
    /// The section's own expansion questions, plus those of ancestor headings that have no text of their own
    /// ("Step 1: Laying the Foundation" is answered by its sub-sections).
    /// </summary>
    internal static List<(string Owner, string Question)> ExpansionQuestionsFor(PassageChunk chunk, KnowledgeBase knowledge)
    {
        var questions = knowledge.Expansions.QuestionsFor(chunk.Section).Select(question => (chunk.Section.Reference, question)).ToList();
        var guide = knowledge.Catalog.FindGuide(chunk.Passage.GuideId);
        if (guide is null)
        {
            return questions;
        }

        var path = chunk.Section.Path;
        foreach (var ancestor in guide.Sections)
        {
            var isAncestor = ancestor.Path.Count > 0 && ancestor.Path.Count < path.Count && ancestor.Path.SequenceEqual(path.Take(ancestor.Path.Count));
            if (isAncestor && ancestor.Paragraphs.Count == 0)
            {
                questions.AddRange(knowledge.Expansions.QuestionsFor(ancestor).Select(question => (ancestor.Reference, question)));
            }
        }

        return questions;
    }

    private sealed record Parts(
        RAMDirectory Directory,
        DirectoryReader Reader,
        PassageChunk[] ChunkByDocId,
        HashSet<string>[] TokensByDocId,
        Dictionary<string, int> DocumentFrequency,
        Dictionary<string, HashSet<string>> TermsByField);
}
