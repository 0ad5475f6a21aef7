using CoachBot.Core.Commands;
using CoachBot.Discord.Commands;

namespace CoachBot.Discord.Tests.Commands;

public sealed class ApplicationCommandFactoryTests
{
    [Fact]
    public void Subcommands_BecomeType1Options_WithTheirOwnOptions()
    {
        var definition = new CommandDefinition("challenge", "Weekly challenges")
        {
            Subcommands =
            [
                new CommandDefinition("submit", "Submit your answer") { Options = [new CommandOption("answer", "Your answer") { MaxLength = 9000 }] },
                new CommandDefinition("post", "Post the challenge") { ModeratorOnly = true, Options = [new CommandOption("channel", "Where", CommandOptionType.Channel) { Required = true }] },
            ],
        };

        var command = ApplicationCommandFactory.Build(definition, guildScoped: false);

        Assert.Null(command.DefaultMemberPermissions); // only some subcommands are for moderators; the dispatcher checks those
        Assert.Equal([1, 1], command.Options!.Select(o => o.Type));
        Assert.Equal(6000, command.Options![0].Options![0].MaxLength);
        Assert.Equal(7, command.Options![1].Options![0].Type);
    }

    [Fact]
    public void OptionTypes_AndClippedDescriptions()
    {
        var definition = new CommandDefinition("t", new string('d', 150))
        {
            Options =
            [
                new CommandOption("flag", "Yes or no", CommandOptionType.YesNo),
                new CommandOption("who", "A member", CommandOptionType.User) { Required = true },
            ],
        };

        var command = ApplicationCommandFactory.Build(definition, guildScoped: true);

        Assert.Equal(100, command.Description.Length);
        Assert.Equal([6, 5], command.Options!.Select(o => o.Type));
        Assert.True(command.Options![0].Required);
        Assert.Null(command.Contexts);
    }
}
