using CoachBot.Knowledge.Semantic;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// Builds the <see cref="SemanticPassageIndex"/>: every text (passages with their heading path, expansion questions) is
/// looked up in the <see cref="IPassageVectorStore"/> by model and text hash; only the missing ones are embedded, in
/// batches of <see cref="BatchSize"/> (memory grows with the batch: all 149 passages at once took 1.1 GB), and each
/// batch is stored as soon as it is made, so an interrupted warm-up resumes where it stopped. Texts the store lacks are
/// first looked for in the knowledge folder's bundled vectors (<see cref="BundledVectorFile"/>), so a new install does
/// not embed what was embedded before it was shipped.
/// </summary>
public sealed class SemanticIndexBuilder(ITextEmbedder embedder, IPassageVectorStore store)
{
    public const int BatchSize = 8;

    /// <param name="progress">Called with (texts ready, texts in all) after the look-up and after each batch.</param>
    public async Task<SemanticIndexBuild> BuildAsync(PassageIndex index, KnowledgeBase knowledge, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(knowledge);
        var (passageTexts, questions, sentences, hashByText) = Texts(index, knowledge);

        var stored = await store.LoadAsync(embedder.ModelId, hashByText.Values.ToList(), cancellationToken).ConfigureAwait(false);
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (_, hash) in hashByText)
        {
            if (stored.TryGetValue(hash, out var vector) && vector.Length == embedder.Dimensions)
            {
                vectors[hash] = vector;
            }
        }

        var (bundled, bundleStored) = await TakeBundledAsync(knowledge, hashByText, vectors, cancellationToken).ConfigureAwait(false);
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
        return new SemanticIndexBuild(semantic, loaded, missing.Count, hashByText.Values.ToHashSet(StringComparer.Ordinal)) { FromBundle = bundled, BundleNotStored = !bundleStored };
    }

    /// <summary>The text hashes of every vector a build of this index needs (what a bundled vector file must hold).</summary>
    public static IReadOnlySet<string> TextHashesOf(PassageIndex index, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(knowledge);
        return Texts(index, knowledge).HashByText.Values.ToHashSet(StringComparer.Ordinal);
    }

    private static (List<string> Passages, IReadOnlyList<(string Question, int[] DocIds)> Questions, List<(string Sentence, int DocId)> Sentences, Dictionary<string, string> HashByText) Texts(PassageIndex index, KnowledgeBase knowledge)
    {
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

        return (passageTexts, questions, sentences, hashByText);
    }

    /// <summary>
    /// Fills the vectors the store did not have from the knowledge folder's bundled file of this model
    /// (<see cref="BundledVectorFile"/>) and stores them, so the next start finds them in the database. Returns how many,
    /// and whether storing them worked.
    /// </summary>
    private async Task<(int Taken, bool Stored)> TakeBundledAsync(KnowledgeBase knowledge, Dictionary<string, string> hashByText, Dictionary<string, float[]> vectors, CancellationToken cancellationToken)
    {
        if (knowledge.Directory is null || vectors.Count == hashByText.Count)
        {
            return (0, true);
        }

        var bundle = BundledVectorFile.Read(BundledVectorFile.PathFor(knowledge.Directory, embedder.ModelId), embedder.ModelId, embedder.Dimensions);
        var taken = new List<StoredVector>();
        foreach (var hash in hashByText.Values)
        {
            if (!vectors.ContainsKey(hash) && bundle.TryGetValue(hash, out var vector))
            {
                vectors[hash] = vector;
                taken.Add(new StoredVector(hash, vector));
            }
        }

        try
        {
            foreach (var batch in taken.Chunk(256))
            {
                await store.SaveAsync(embedder.ModelId, batch, cancellationToken).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // The vectors are in hand: failing to store them (database busy, another process storing
        // the same ones) only means the next start reads the shipped file again; it must not fail the warm-up.
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return (taken.Count, false);
        }

        return (taken.Count, true);
    }
}

/// <summary>
/// A built index, how many of its vectors came from the store and how many were embedded now, and the text hashes of
/// all its vectors (what the store must keep).
/// </summary>
public sealed record SemanticIndexBuild(SemanticPassageIndex Index, int Loaded, int Embedded, IReadOnlySet<string> TextHashes)
{
    /// <summary>How many of <see cref="Loaded"/> came from the knowledge folder's bundled vectors rather than the store.</summary>
    public int FromBundle { get; init; }

    /// <summary>The bundled vectors were used but could not be stored (the next start reads the file again).</summary>
    public bool BundleNotStored { get; init; }
}
