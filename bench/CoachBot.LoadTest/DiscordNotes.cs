namespace CoachBot.LoadTest;

/// <summary>Explanations printed under the Discord rows.</summary>
internal static class DiscordNotes
{
    public static string AskPlacement(LoadTestOptions options) => options.AskInThread
        ? "/ask typed inside existing threads (--ask-in thread): answered in place, no thread opened"
        : "/ask typed in channels (--ask-in channel): after editing its answer in, the bot opens a thread from it "
            + "(POST …/threads, a normal route under the REST client's global limit, Discord:MaxRequestsPerSecond = 50/s) "
            + "after its work slot is released; when more than 2 s of requests are queued under that limit it leaves the answer "
            + "in the channel instead (ThreadStarter.MaxQueueWait), so a burst is not held to 50 answers/s";
}
