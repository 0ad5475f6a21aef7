namespace CoachBot.LoadTest;

/// <summary>On-topic questions the knowledge base covers, so every /ask goes through retrieval and the (slow) LLM.</summary>
internal static class Questions
{
    private static readonly string[] All =
    [
        "which database should i learn, mysql or postgres?",
        "how much do backend engineers earn?",
        "do i need a cs degree to get a junior backend job?",
        "should i learn docker or kubernetes first?",
        "what should a junior backend engineer know about REST API design?",
        "how do i prepare for a backend system design interview?",
        "what is the difference between authentication and authorization?",
        "which programming language should i learn first for backend?",
    ];

    public static string For(int index) => All[index % All.Length];
}
