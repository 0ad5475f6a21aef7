using CoachBot.Knowledge.Semantic;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// Builds the <see cref="SemanticPassageIndex"/>: every text (passages with their heading path, expansion questions) is
/// looked up in the <see cref="IPassageVectorStore"/> by model and text hash; only the missing ones are embedded, in
/// batches of <see cref="BatchSize"/> (memory grows with the batch: all 149 passages at once took 1.1 GB), and each
/// batch is stored as soon as it is made, so an interrupted warm-up resumes where it stopped.
/// </summary>
public sealed class SemanticIndexBuilder(ITextEmbedder embedder, IPassageVectorStore store)
{
    public const int BatchSize = 8;

    /// <param name="progress">Called with (texts ready, texts in all) after the look-up and after each batch.</param>
    public async Task<SemanticIndexBuild> BuildAsync(PassageIndex index, KnowledgeBase knowledge, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(knowledge);
        var passageTexts = Enumerable.Range(0, index.Count).Select(docId => SemanticTexts.ForPassage(index.ChunkAt(docId))).ToList();
        var questions = SemanticTexts.Questions(index, knowledge);
        var sentences = Enumerable.Range(0, index.Count)
            .SelectMany(docId => SemanticTexts.Sentences(index.ChunkAt(docId)).Select(sentence => (Sentence: sentence, DocId: docId)))
            .ToList();
        var hashByText = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in passageTexts.Concat(questions.Select(question => question.Question)).Concat(sentences.Select(sentence => sentence.Sentence)))
        {
            hashByText.TryAdd(text, TextHash.Of(text));
        }

        var stored = await store.LoadAsync(embedder.ModelId, hashByText.Values.ToList(), cancellationToken).ConfigureAwait(false);
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (_, hash) in hashByText)
        {
            if (stored.TryGetValue(hash, out var vector) && vector.Length == embedder.Dimensions)
            {
                vectors[hash] = vector;
            }
        }

        var loaded = vectors.Count;
        var total = hashByText.Count;
        progress?.Invoke(vectors.Count, total);
        var missing = hashByText.Where(pair => !vectors.ContainsKey(pair.Value)).ToList();
        foreach (var batch in missing.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var made = embedder.Embed(batch.Select(pair => pair.Key).ToList(), cancellationToken);
            var toStore = new List<StoredVector>(batch.Length);
            for (var i = 0; i < batch.Length; i++)
            {
                vectors[batch[i].Value] = made[i];
                toStore.Add(new StoredVector(batch[i].Value, made[i]));
            }

            await store.SaveAsync(embedder.ModelId, toStore, cancellationToken).ConfigureAwait(false);
            progress?.Invoke(vectors.Count, total);
        }

        var semantic = new SemanticPassageIndex(
            embedder.ModelId,
            passageTexts.Select(text => vectors[hashByText[text]]).ToList(),
            questions.Select(question => (vectors[hashByText[question.Question]], question.DocIds)).ToList(),
            sentences.Select(sentence => (vectors[hashByText[sentence.Sentence]], new[] { sentence.DocId })).ToList());
        return new SemanticIndexBuild(semantic, loaded, missing.Count, hashByText.Values.ToHashSet(StringComparer.Ordinal));
    }
}

/// <summary>
/// A built index, how many of its vectors came from the store and how many were embedded now, and the text hashes of
/// all its vectors (what the store must keep).
/// </summary>
public sealed record SemanticIndexBuild(SemanticPassageIndex Index, int Loaded, int Embedded, IReadOnlySet<string> TextHashes);
