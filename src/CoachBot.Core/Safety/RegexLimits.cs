namespace CoachBot.Core.Safety;

/// <summary>
/// The bound on a regular expression that reads untrusted text (a question, a message, model output) and needs a
/// lookaround, so it cannot run on <c>RegexOptions.NonBacktracking</c>: past this, the match throws
/// <see cref="System.Text.RegularExpressions.RegexMatchTimeoutException"/> instead of holding a worker. Patterns without
/// lookarounds or backreferences use NonBacktracking (linear time) instead.
/// <para>
/// The timeout is wall-clock time, so it also counts time the thread waits for a core: at 250 ms, a multi-process test
/// on a starved 2-core machine (load average ~40) saw <c>QuestionConstraints.Of</c> time out on an ordinary question and
/// the member got an apology instead of the answer. None of these patterns nests quantifiers, so a match over a
/// length-capped question or message takes microseconds; 2 s still bounds a worker on any input and is not reached by
/// a thread merely waiting for the CPU.
/// </para>
/// </summary>
public static class RegexLimits
{
    public const int MatchTimeoutMilliseconds = 2000;
}
