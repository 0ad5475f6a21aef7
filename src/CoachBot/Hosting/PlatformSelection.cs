using Microsoft.Extensions.Configuration;

namespace CoachBot.Hosting;

/// <summary>Decides which adapters run: a platform runs when its token is configured; with none, the terminal chat opens.</summary>
public sealed record PlatformSelection(bool Discord, bool Slack, bool Terminal)
{
    public static PlatformSelection From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var discord = !string.IsNullOrWhiteSpace(configuration["Discord:Token"]);
        var slack = !string.IsNullOrWhiteSpace(configuration["Slack:BotToken"]);
        var terminalSetting = configuration["Terminal:Enabled"];
        var terminal = bool.TryParse(terminalSetting, out var forced) ? forced : !discord && !slack;
        return new PlatformSelection(discord, slack, terminal);
    }

    public string Describe()
    {
        var names = new List<string>();
        if (Discord)
        {
            names.Add("Discord");
        }

        if (Slack)
        {
            names.Add("Slack");
        }

        if (Terminal)
        {
            names.Add("terminal chat");
        }

        return names.Count == 0 ? "no adapter (set Discord:Token, Slack:BotToken or Terminal:Enabled)" : string.Join(", ", names);
    }
}
