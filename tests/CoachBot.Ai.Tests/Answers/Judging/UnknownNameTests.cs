using CoachBot.Ai.Answers.Coverage;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Guides;

namespace CoachBot.Ai.Tests.Answers.Judging;

public sealed class UnknownNameTests
{
    private static readonly Lazy<GuideCatalog> Catalog = new(() => KnowledgeBase.Load(RepoPaths.Knowledge).Catalog);

    [Theory]
    [InlineData("Should I learn Rust for backend work?", "Rust")]
    [InlineData("is Django or Laravel better for a beginner", "Laravel")]
    [InlineData("how do I get into FAANG as a backend dev", "FAANG")]
    [InlineData("should i learn rust", "rust")]
    [InlineData("Kotlin or Java for backend?", "Kotlin")]
    [InlineData("is kafka worth learning", "kafka")]
    [InlineData("should I use SQS for my side project", "SQS")]
    [InlineData("is the AWS Solutions Architect cert worth it for backend devs?", "AWS Solutions Architect")]
    [InlineData("What's the backend interview process like at Spotify and how do I prep for it?", "Spotify")]
    [InlineData("Is the CKA Kubernetes certification worth getting for a backend developer?", "CKA")]
    public void In_QuestionNamingSomethingTheGuidesNeverDo_FindsTheName(string question, string name) =>
        Assert.Equal(name, UnknownName.In(question, Catalog.Value));

    [Theory]
    [InlineData("Should I learn Python or Java first?")]
    [InlineData("Could I switch from backend coding into being a PM later?")]
    [InlineData("Swift or nothing?")]
    [InlineData("should i learn swift")]
    [InlineData("can I trust my team lead")]
    [InlineData("what does Martin Fowler say about microservices")]
    [InlineData("how much do backend devs make in Berlin")]
    [InlineData("how do big companies like Netflix scale their backends")]
    [InlineData("is Elixir or Haskell better for backend")]
    [InlineData("is the AWS Certified Developer cert worth it?")]
    [InlineData("What does a Senior Backend Developer do?")]
    [InlineData("how do I become a Backend Architect")]
    [InlineData("What Skills Do I Need For Backend Work?")]
    [InlineData("Is there a standard tool for spec'ing out REST APIs that employers expect you to know?")]
    [InlineData("I'm learning C#. Which backend framework should I pick up to go with it?")]
    public void In_NoSingleUnknownName_FindsNone(string question) =>
        Assert.Null(UnknownName.In(question, Catalog.Value));
}
