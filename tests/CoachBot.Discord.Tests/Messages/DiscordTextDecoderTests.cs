namespace CoachBot.Discord.Tests.Messages;

public sealed class DiscordTextDecoderTests
{
    private static readonly DiscordUser[] Ada = [new() { Id = "80351110224678912", Username = "ada", GlobalName = "Ada L" }];

    [Fact]
    public void ToPlain_MemberMentionsTheEventNames_ReadAsTheirNames_OthersAsTheirIds()
    {
        var plain = DiscordTextDecoder.ToPlain("ask <@80351110224678912> or <@!42> about it", Ada);

        Assert.Equal("ask @Ada L or @42 about it", plain);
    }

    [Fact]
    public void ToPlain_RoleAndChannelMentions_ReadAsPlainWords()
    {
        Assert.Equal("tell @role in #1234567890", DiscordTextDecoder.ToPlain("tell <@&999> in <#1234567890>"));
    }

    [Theory]
    [InlineData("@everyone @here look")]
    [InlineData("mail me at dev@example.com")]
    [InlineData("Slack's <@U123|ana> and <!channel> are not Discord markup")]
    [InlineData("a <https://example.com> link and 1 < 2 > 0")]
    public void ToPlain_TextWithoutDiscordMentions_IsUnchanged(string text)
    {
        Assert.Equal(text, DiscordTextDecoder.ToPlain(text));
    }

    [Fact]
    public void ToPlain_ADisplayNameWithMarkup_CannotBringMarkupBack()
    {
        DiscordUser[] sly = [new() { Id = "7", GlobalName = "<@&1> @everyone\nx" }];

        var plain = DiscordTextDecoder.ToPlain("hi <@7>", sly);

        Assert.DoesNotContain("<", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", plain, StringComparison.Ordinal);
        Assert.Equal("hi @&1 everyonex", plain);
    }
}
