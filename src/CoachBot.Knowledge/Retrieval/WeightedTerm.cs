namespace CoachBot.Knowledge.Retrieval;

/// <summary>One searched term or phrase (analyzed tokens) with its weight and where it came from.</summary>
public sealed record WeightedTerm(IReadOnlyList<string> Tokens, float Weight, TermOrigin Origin)
{
    public override string ToString() => Origin switch
    {
        TermOrigin.Question => string.Join(' ', Tokens),
        TermOrigin.WordPair => $"\"{string.Join(' ', Tokens)}\"",
        TermOrigin.Synonym => Tokens.Count > 1 ? $"\"{string.Join(' ', Tokens)}\"" : Tokens[0],
        TermOrigin.NearSpelling => Tokens[0] + "~",
        _ => "+" + string.Join(' ', Tokens),
    };
}
