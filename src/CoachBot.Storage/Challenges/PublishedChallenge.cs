namespace CoachBot.Storage.Challenges;

/// <summary>The challenge just stored and, when one was still open in the community, the one it closed.</summary>
public sealed record PublishedChallenge(Challenge Challenge, Challenge? Closed);
