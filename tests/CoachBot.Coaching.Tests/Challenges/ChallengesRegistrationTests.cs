using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Tests.Challenges;

public sealed class ChallengesRegistrationTests
{
    [Fact]
    public async Task AddChallengesFeature_RegistersTheCommandFormHandlerSchedulerAndDefaults()
    {
        var database = new ChallengeTestDatabase();
        try
        {
            await using var bot = await ChallengeTestBot.StartAsync(database, new FakeTimeProvider());

            Assert.NotNull(bot.Services.GetRequiredService<CommandCatalog>().Find("challenge"));
            Assert.Contains(bot.Services.GetServices<IFormHandler>(), h => h.Feature == "challenge");
            Assert.Contains(bot.Services.GetServices<IHostedService>(), s => s is ChallengeScheduler);
            var options = bot.Services.GetRequiredService<IOptions<ChallengesOptions>>().Value;
            Assert.Equal(TimeSpan.FromHours(24), options.ReminderLeadTime);
            Assert.Equal(TimeSpan.FromMinutes(1), options.TickInterval);
        }
        finally
        {
            database.Delete();
        }
    }

    [Theory]
    [InlineData("Challenges:TickInterval", "00:00:00")]
    [InlineData("Challenges:ReminderLeadTime", "30.00:00:00")]
    [InlineData("Challenges:LeaderboardSize", "0")]
    public async Task BadOptions_FailWithAMessageNamingTheKey(string key, string value)
    {
        var database = new ChallengeTestDatabase();
        try
        {
            await using var bot = await ChallengeTestBot.StartAsync(database, new FakeTimeProvider(), new Dictionary<string, string?> { [key] = value });

            var error = Assert.Throws<OptionsValidationException>(() => bot.Services.GetRequiredService<IOptions<ChallengesOptions>>().Value);

            Assert.Contains(key, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            database.Delete();
        }
    }
}
