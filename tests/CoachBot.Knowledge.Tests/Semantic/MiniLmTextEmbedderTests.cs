namespace CoachBot.Knowledge.Tests.Semantic;

public sealed class MiniLmTextEmbedderTests
{
    private static readonly MiniLmTextEmbedder Embedder = new();

    [Fact]
    public void Embeds_offline_into_unit_vectors_of_the_model_size()
    {
        var vectors = Embedder.Embed(["How much does a junior backend developer earn?", "What is a database index?"]);

        Assert.Equal(2, vectors.Length);
        Assert.All(vectors, vector =>
        {
            Assert.Equal(Embedder.Dimensions, vector.Length);
            Assert.InRange(VectorMath.Dot(vector, vector), 0.999f, 1.001f);
        });
    }

    [Fact]
    public void A_paraphrase_sits_closer_than_an_unrelated_sentence()
    {
        var vectors = Embedder.Embed([
            "How much does a junior backend developer make?",
            "Entry-level backend developers in the US earn $70,000 to $80,000 a year.",
            "Here are several tips to start your journey.",
        ]);

        Assert.True(VectorMath.Dot(vectors[0], vectors[1]) > VectorMath.Dot(vectors[0], vectors[2]) + 0.3f);
    }

    [Fact]
    public void A_text_gets_the_same_vector_in_a_batch_of_longer_texts_as_alone()
    {
        string[] texts =
        [
            "What is an index?",
            "In my last project I measured first, then added an index on the columns we filtered on and a transaction around the writes.",
            "Caching trades freshness for speed.",
        ];

        var together = Embedder.Embed(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var alone = Embedder.Embed([texts[i]])[0];
            Assert.InRange(VectorMath.Dot(together[i], alone), 0.99999f, 1.00001f);
        }
    }

    [Fact]
    public void No_texts_give_no_vectors() => Assert.Empty(Embedder.Embed([]));
}
