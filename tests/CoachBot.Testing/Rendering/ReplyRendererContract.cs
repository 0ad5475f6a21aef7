using System.Text.RegularExpressions;
using CoachBot.Core.Replies;
using CoachBot.Core.Safety;
using CoachBot.Testing.Safety;
using Xunit;

namespace CoachBot.Testing.Rendering;

/// <summary>
/// What every platform renderer owes, as one suite (SlackNet's contract-suite idea): a reply with every part fits one
/// message, 100 KB pathological inputs stay within the platform's limits, and cleaned model text never becomes a live
/// link. A platform's test class derives from it and says how its messages are read; timings are in bench/.
/// </summary>
/// <typeparam name="TMessage">The renderer's message type (a Discord payload, a Slack message).</typeparam>
/// <param name="pieceLimit">The most characters in one limited piece of text (see <see cref="Pieces"/>).</param>
/// <param name="liveLink">What the platform would show as a clickable link.</param>
public abstract class ReplyRendererContract<TMessage>(int pieceLimit, Regex liveLink)
{
    [Fact]
    public void Render_ReplyWithEveryPart_IsOneMessageHoldingEachPart() =>
        AssertEveryPartRendered(Assert.Single(Render(EveryPart())));

    [Theory]
    [MemberData(nameof(PathologicalCases.All), MemberType = typeof(PathologicalCases))]
    public void Render_PathologicalInput_StaysWithinThePlatformLimits(string name, string input)
    {
        var messages = Render(Reply.Public(input));

        Assert.NotEmpty(messages);
        Assert.All(messages.SelectMany(Pieces), p => Assert.InRange(p.Length, 1, pieceLimit));
        AssertPlatformLimits(name, input, messages);
    }

    [Theory]
    [MemberData(nameof(PathologicalCases.All), MemberType = typeof(PathologicalCases))]
    public void Render_CleanedModelText_HoldsNoLiveLinkToAnUnknownHost(string name, string input)
    {
        var messages = Render(Reply.Public(ModelText.Clean(input, LinkAllowList.None)));

        Assert.All(messages.SelectMany(Pieces), p => Assert.False(liveLink.IsMatch(p), name + ": " + liveLink.Match(p).Value));
    }

    /// <summary>
    /// A title, Markdown text, a source cited twice and one cited once, a footer and two buttons (primary, danger).
    /// </summary>
    protected static Reply EveryPart() => new()
    {
        Title = "Quiz · Question 1/5",
        Text = "**What** does an index speed up?",
        Sources = [new Citation("g1", "Databases", ["Indexes", "B-trees"]), new Citation("g1", "Databases", ["Indexes", "B-trees"]), new Citation("g2", "Caching", [])],
        Footer = "Answered from the guide",
        Buttons = [new ReplyButton("quiz:1:0:A", "Reads", ButtonStyle.Primary), new ReplyButton("quiz:1:0:B", "Writes", ButtonStyle.Danger)],
    };

    protected abstract IReadOnlyList<TMessage> Render(Reply reply);

    /// <summary>The pieces of text the platform limits in length (a Discord message's content, a Slack section).</summary>
    protected abstract IEnumerable<string> Pieces(TMessage message);

    /// <summary>The platform's exact rendering of <see cref="EveryPart"/>.</summary>
    protected abstract void AssertEveryPartRendered(TMessage message);

    /// <summary>The platform's further limits and guarantees for a pathological input (no text lost, block counts).</summary>
    protected abstract void AssertPlatformLimits(string name, string input, IReadOnlyList<TMessage> messages);
}
