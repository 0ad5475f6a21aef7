using CoachBot.Coaching.Quiz.Bank;
using Microsoft.Extensions.Hosting;

namespace CoachBot.Coaching.Quiz;

/// <summary>
/// Loads and checks the quiz bank while the host starts, so a malformed question file stops start-up with a message
/// naming the file instead of surfacing as an apology on the first <c>/quiz</c>.
/// </summary>
public sealed class QuizBankStartupCheck(QuizBank bank) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = bank.Skills;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
