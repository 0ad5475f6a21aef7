namespace CoachBot.Host.Tests.Abuse;

/// <summary>The corpus itself: big enough, every entry distinct and well-formed, and every kind of abuse the issue lists present.</summary>
public sealed class HostileCorpusTests
{
    private static readonly string[] RequiredCategories =
    [
        "overlong", "empty", "zero-width", "bidi", "zalgo", "control", "surrogate", "markdown", "slack-mrkdwn",
        "discord-mention", "prompt-injection", "forged-button", "replayed-button", "discord-malformed-event",
        "discord-malformed-frame", "slack-malformed-payload", "slack-malformed-frame", "slack-malformed-http",
        "unknown-command", "unknown-option", "sql", "path-traversal", "path-traversal-option", "emoji",
    ];

    [Fact]
    public void Corpus_HoldsAtLeast200Entries_WithUniqueIds_AndNoTwoAlike()
    {
        var entries = HostileCorpus.All;

        Assert.True(entries.Count >= 200, $"the corpus has only {entries.Count} entries");
        Assert.Equal(entries.Count, entries.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
        var shapes = entries.Select(e =>
        {
            var copy = (JsonObject)e.Fields.DeepClone();
            copy.Remove("id");
            copy.Remove("note");
            return copy.ToJsonString();
        });
        Assert.Equal(entries.Count, shapes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Corpus_CoversEveryKindOfAbuseTheIssueLists()
    {
        var present = HostileCorpus.All.Select(e => e.Category).ToHashSet(StringComparer.Ordinal);

        Assert.All(RequiredCategories, category => Assert.Contains(category, present));
    }

    [Fact]
    public void Corpus_EveryEntryHasWhatItsKindNeeds()
    {
        Assert.All(HostileCorpus.All, e =>
        {
            var ok = e.Kind switch
            {
                HostileInput.TextKind => e.Has("text") || e.Has("textEscaped") || e.Has("generate"),
                HostileInput.CommandKind => e.Field("command") is not null,
                HostileInput.ButtonKind => e.Field("customId") is not null && e.Field("actor") is "owner" or "other",
                HostileInput.FormKind => e.Field("formId") is not null && e.Node("fields") is JsonObject,
                HostileInput.DiscordDispatchKind => e.Field("event") is not null && (e.Has("base") || e.Has("data") || e.Has("rawData")),
                HostileInput.DiscordFrameKind or HostileInput.SlackFrameKind => e.Has("frame") || e.Has("frameGenerate"),
                HostileInput.SlackEnvelopeKind => e.Field("envelopeType") is not null && (e.Has("base") || e.Has("payload")),
                HostileInput.SlackHttpKind => e.Has("body") || e.Has("bodyGenerate"),
                _ => false,
            };
            Assert.True(ok, $"{e.Id} ({e.Kind}) lacks the fields its kind needs");
        });
    }

    [Fact]
    public void SurrogateEntries_DecodeToLoneSurrogates()
    {
        var texts = HostileCorpus.InCategory("surrogate").Select(e => e.Text).ToList();

        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.Contains(t, c => char.IsSurrogate(c)));
        Assert.All(texts, t => Assert.False(t.Contains("\\u", StringComparison.Ordinal), "escapes must be decoded"));
    }
}
