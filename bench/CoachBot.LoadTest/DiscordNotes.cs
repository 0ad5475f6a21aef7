namespace CoachBot.LoadTest;

/// <summary>Explanations printed under the Discord rows.</summary>
internal static class DiscordNotes
{
    public static string AskPlacement(LoadTestOptions options) => options.AskInThread
        ? "/ask typed inside existing threads (--ask-in thread): answered in place, no thread opened"
        : "/ask typed in channels (--ask-in channel): after editing its answer in, the bot opens a thread from it "
            + "(POST …/threads, a normal route under the REST client's global limit, Discord:MaxRequestsPerSecond = 50/s) "
            + "while still holding its Discord:MaxConcurrentInteractions slot, so /ask answers in channels top out near 50/s";
}
