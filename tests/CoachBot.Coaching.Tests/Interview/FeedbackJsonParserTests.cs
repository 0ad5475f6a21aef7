namespace CoachBot.Coaching.Tests.Interview;

public sealed class FeedbackJsonParserTests
{
    private const string Valid = """
        {"score": 4, "strengths": ["Clear definition", "Good example"], "missing_points": ["Write cost"],
         "improved_outline": "1. Define an index\n2. When to add one\n3. The write cost", "follow_up": "Why not index every column?"}
        """;

    [Fact]
    public void TryParse_ValidJson_ReadsEveryField()
    {
        Assert.True(FeedbackJsonParser.TryParse(Valid, out var feedback, out var problem), problem);

        Assert.Equal(4, feedback!.Score);
        Assert.Equal(["Clear definition", "Good example"], feedback.Strengths);
        Assert.Equal(["Write cost"], feedback.MissingPoints);
        Assert.Equal(["Define an index", "When to add one", "The write cost"], feedback.ImprovedOutline);
        Assert.Equal("Why not index every column?", feedback.FollowUp);
    }

    [Fact]
    public void TryParse_MaskedLinksInFeedback_AreShownWithTheirAddress()
    {
        const string json = """
            {"score": 3, "strengths": ["Read [the official guide](https://evil.example/a)"], "missing_points": ["[Cost](https://evil.example/b)"],
             "improved_outline": "1. See [notes](https://evil.example/c)", "follow_up": "Why [this](https://evil.example/d)?"}
            """;

        Assert.True(FeedbackJsonParser.TryParse(json, out var feedback, out var problem), problem);

        Assert.Equal(["Read the official guide (https://evil.example/a)"], feedback!.Strengths);
        Assert.Equal(["Cost (https://evil.example/b)"], feedback.MissingPoints);
        Assert.Equal(["See notes (https://evil.example/c)"], feedback.ImprovedOutline);
        Assert.Equal("Why this (https://evil.example/d)?", feedback.FollowUp);
    }

    [Fact]
    public void TryParse_JsonInACodeFence_IsAccepted()
    {
        Assert.True(FeedbackJsonParser.TryParse("Here you go:\n```json\n" + Valid + "\n```", out var feedback, out _));
        Assert.Equal(4, feedback!.Score);
    }

    [Fact]
    public void TryParse_OutlineAsArrayAndNullFollowUp_IsAccepted()
    {
        const string json = """{"score": 2, "strengths": [], "missing_points": ["a", "b"], "improved_outline": ["x", "y"], "follow_up": null}""";

        Assert.True(FeedbackJsonParser.TryParse(json, out var feedback, out _));
        Assert.Equal(["x", "y"], feedback!.ImprovedOutline);
        Assert.Null(feedback.FollowUp);
    }

    [Theory]
    [InlineData("""{"score": 7, "strengths": [], "missing_points": [], "improved_outline": "x"}""", "score")]
    [InlineData("""{"score": 0, "strengths": [], "missing_points": [], "improved_outline": "x"}""", "score")]
    [InlineData("""{"score": 3.5, "strengths": [], "missing_points": [], "improved_outline": "x"}""", "score")]
    [InlineData("""{"score": "4", "strengths": [], "missing_points": [], "improved_outline": "x"}""", "score")]
    [InlineData("""{"score": 4, "strengths": "good", "missing_points": [], "improved_outline": "x"}""", "strengths")]
    [InlineData("""{"score": 4, "strengths": [1, 2], "missing_points": [], "improved_outline": "x"}""", "strengths")]
    [InlineData("""{"score": 4, "strengths": [], "improved_outline": "x"}""", "missing_points")]
    [InlineData("""{"score": 4, "strengths": [], "missing_points": []}""", "improved_outline")]
    [InlineData("""{"score": 4, "strengths": [], "missing_points": [], "improved_outline": "  "}""", "improved_outline")]
    [InlineData("""{"score": 4, "strengths": [], "missing_points": [], "improved_outline": "x", "follow_up": 5}""", "follow_up")]
    [InlineData("""{"score": 4, "strengths": [], "missing_points": [""", "JSON")]
    [InlineData("The answer was quite good, I'd give it four out of five.", "JSON")]
    [InlineData("", "JSON")]
    public void TryParse_InvalidFeedback_IsRejectedWithAReason(string text, string mentioned)
    {
        Assert.False(FeedbackJsonParser.TryParse(text, out var feedback, out var problem));

        Assert.Null(feedback);
        Assert.Contains(mentioned, problem!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TryParse_TooManyItems_IsRejected()
    {
        var items = string.Join(", ", Enumerable.Range(0, 12).Select(i => $"\"s{i}\""));

        Assert.False(FeedbackJsonParser.TryParse($$"""{"score": 3, "strengths": [{{items}}], "missing_points": [], "improved_outline": "x"}""", out _, out _));
    }
}
