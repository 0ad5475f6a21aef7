namespace CoachBot.Core.Tests.Safety;

public class MaskedLinksTests
{
    private static readonly LinkAllowList Guides = new(["roadmap.sh"]);

    [Theory]
    [InlineData("see [official SQL course](https://evil.example/x) now", "see official SQL course (https://evil.example/x) now")]
    [InlineData("[course](<https://evil.example/x>)", "course (https://evil.example/x)")]
    [InlineData("[course](https://evil.example/x \"Title\")", "course (https://evil.example/x)")]
    [InlineData("[https://roadmap.sh](https://evil.example/x)", "https://roadmap.sh (https://evil.example/x)")]
    [InlineData("[roadmap](https://roadmap.sh@evil.example/x)", "roadmap (https://roadmap.sh@evil.example/x)")]
    [InlineData("[](https://evil.example/x)", "https://evil.example/x")]
    [InlineData("[x]([a](https://evil.example/y))", "[x](a (https://evil.example/y))")]
    [InlineData("[a [b](https://evil.example/in) c](https://evil.example/out)", "a b (https://evil.example/in) c (https://evil.example/out)")]
    public void Reveal_MaskedLinkToUnknownHost_ShowsTheAddress(string input, string expected)
    {
        Assert.Equal(expected, MaskedLinks.Reveal(input, Guides));
    }

    [Theory]
    [InlineData("read [the roadmap](https://roadmap.sh/backend) first")]
    [InlineData("plain https://evil.example/x is already visible")]
    [InlineData("<https://evil.example/x> is visible too")]
    [InlineData("an array a[i](j) is not a link")]
    [InlineData("<https://evil.example/x|a platform's own link syntax> is left to the renderer, which escapes it")]
    public void Reveal_AllowedOrVisibleText_IsUnchanged(string input)
    {
        Assert.Equal(input, MaskedLinks.Reveal(input, Guides));
    }

    [Fact]
    public void Reveal_NothingAllowed_ShowsEveryAddress()
    {
        Assert.Equal("the roadmap (https://roadmap.sh/backend)", MaskedLinks.Reveal("[the roadmap](https://roadmap.sh/backend)", LinkAllowList.None));
    }

    [Fact]
    public void Allows_OnlyExactHostsOverHttp()
    {
        Assert.True(Guides.Allows(new Uri("https://ROADMAP.sh/x")));
        Assert.False(Guides.Allows(new Uri("https://evil.roadmap.sh.example/x")));
        Assert.False(Guides.Allows(new Uri("https://sub.roadmap.sh/x")));
        Assert.False(Guides.Allows(new Uri("javascript:alert(1)")));
        Assert.False(Guides.Allows(new Uri("https://user@roadmap.sh/x")));
    }

    [Theory]
    [InlineData("https://roadmap.sh/backend", "roadmap.sh")]
    [InlineData("000_9469583b8f6ca5d5.txt", null)]
    [InlineData("ftp://files.example/x", null)]
    public void HostOf_OnlyHttpSources(string source, string? expected)
    {
        Assert.Equal(expected, LinkAllowList.HostOf(source));
    }
}
