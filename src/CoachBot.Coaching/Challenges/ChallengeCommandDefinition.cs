using CoachBot.Core.Commands;
using CoachBot.Storage.Challenges;

namespace CoachBot.Coaching.Challenges;

/// <summary>
/// <c>/challenge</c> and its subcommands, defined once: adapters register them (post, schedule, close and winners carry
/// ModeratorOnly, which Discord maps to default_member_permissions), the text parser reads typed ones.
/// </summary>
public static class ChallengeCommandDefinition
{
    public const string Name = "challenge";
    public const string Post = "post";
    public const string Schedule = "schedule";
    public const string Current = "current";
    public const string Submit = "submit";
    public const string Close = "close";
    public const string Winners = "winners";
    public const string Leaderboard = "leaderboard";

    /// <summary>Option names of <c>/challenge winners</c>, in order: one member each.</summary>
    public static readonly IReadOnlyList<string> WinnerOptions = ["user", "user2", "user3", "user4", "user5"];

    public static CommandDefinition Create() => new(Name, "Weekly challenges: see, submit, and (moderators) post, schedule, close, pick winners")
    {
        Subcommands =
        [
            new CommandDefinition(Post, "Post this week's challenge (yours, or the next one from the bank)")
            {
                ModeratorOnly = true,
                Options =
                [
                    new CommandOption("title", "Challenge title") { MaxLength = ChallengeLimits.TitleLength },
                    new CommandOption("brief", "What to do (Markdown)") { MaxLength = ChallengeLimits.BriefLength },
                    new CommandOption("due", "When submissions close: 3d, 36h, 2026-12-01 or 2026-12-01T18:00 (UTC)") { MaxLength = 40 },
                    new CommandOption("from", "Post the next unused challenge from the bank instead")
                    {
                        Choices = [new OptionChoice("bank", "bank")],
                    },
                ],
                Examples = ["/challenge post from:bank", "/challenge post \"Design a URL shortener\" \"Sketch the API and the schema\" 5d"],
            },
            new CommandDefinition(Schedule, "Post a bank challenge every week at a set time, or turn that off")
            {
                ModeratorOnly = true,
                Options =
                [
                    new CommandOption("day", "Day of the week, or off")
                    {
                        Required = true,
                        Choices =
                        [
                            new OptionChoice("Monday", "monday"), new OptionChoice("Tuesday", "tuesday"),
                            new OptionChoice("Wednesday", "wednesday"), new OptionChoice("Thursday", "thursday"),
                            new OptionChoice("Friday", "friday"), new OptionChoice("Saturday", "saturday"),
                            new OptionChoice("Sunday", "sunday"), new OptionChoice("Off (stop weekly posts)", "off"),
                        ],
                    },
                    new CommandOption("time", "Local time, 24-hour HH:mm, e.g. 09:00") { MaxLength = 5 },
                    new CommandOption("timezone", "IANA time zone, e.g. Europe/Berlin (default UTC)") { MaxLength = ChallengeLimits.TimeZoneLength },
                    new CommandOption("channel", "Where to post (default: this channel)", CommandOptionType.Channel),
                ],
                Examples = ["/challenge schedule monday 09:00 Europe/Berlin", "/challenge schedule off"],
            },
            new CommandDefinition(Current, "Show the open challenge and your submission"),
            new CommandDefinition(Submit, "Submit (or edit) your answer: text or a link; no text opens a form")
            {
                Options =
                [
                    new CommandOption("text", "Your answer or a link to it") { MaxLength = ChallengeLimits.SubmissionLength, TakesRest = true },
                ],
                Examples = ["/challenge submit https://github.com/me/rate-limiter"],
            },
            new CommandDefinition(Close, "Close the open challenge and list its submissions") { ModeratorOnly = true },
            new CommandDefinition(Winners, "Announce the winners of the last closed challenge")
            {
                ModeratorOnly = true,
                Options = WinnerOptions
                    .Select((name, index) => new CommandOption(name, index == 0 ? "Winner" : "Another winner", CommandOptionType.User) { Required = index == 0 })
                    .ToList(),
                Examples = ["/challenge winners @ana @bo"],
            },
            new CommandDefinition(Leaderboard, "Who has won the most challenges here"),
        ],
        Examples = ["/challenge current", "/challenge submit https://gist.github.com/…", "/challenge leaderboard"],
    };
}
