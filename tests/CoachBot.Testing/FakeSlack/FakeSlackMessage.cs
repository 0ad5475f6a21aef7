namespace CoachBot.Testing.FakeSlack;

/// <summary>A message as the fake workspace holds it (posted or updated through the Web API).</summary>
public sealed record FakeSlackMessage(string Channel, string Ts, string? ThreadTs, string? Text, JsonArray Blocks, string? EphemeralUser)
{
    /// <summary>All mrkdwn/plain text in the blocks, joined by newlines (what a person would read).</summary>
    public string AllText => string.Join('\n', FakeSlackBlocks.Texts(Blocks));
}
