using CoachBot.Core.Text;

namespace CoachBot.Core.Tests.Text;

public sealed class TextSplitterTests
{
    [Fact]
    public void Split_PrefersParagraphs_AndKeepsEveryPartUnderTheLimit()
    {
        var paragraphs = Enumerable.Range(1, 12).Select(i => $"P{i} " + new string('x', 400)).ToList();

        var parts = TextSplitter.Split(string.Join("\n\n", paragraphs), 2000);

        Assert.All(parts, p => Assert.True(p.Length <= 2000));
        Assert.All(parts, p => Assert.StartsWith("P", p, StringComparison.Ordinal));
        Assert.Equal(paragraphs, parts.SelectMany(p => p.Split("\n\n")));
    }

    [Fact]
    public void Split_WithoutParagraphs_CutsAtALineBreak()
    {
        var lines = Enumerable.Range(1, 30).Select(i => $"L{i:00} " + new string('x', 96)).ToList();

        var parts = TextSplitter.Split(string.Join('\n', lines), 1000);

        Assert.Equal(lines, parts.SelectMany(p => p.Split('\n')));
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 1000));
    }

    [Fact]
    public void Split_OneLongLine_CutsAfterASentence()
    {
        var sentence = "Indexes speed up reads and slow down writes, so add them where queries need them. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 40)).TrimEnd();

        var parts = TextSplitter.Split(text, 1000);

        Assert.True(parts.Count > 1);
        Assert.All(parts.SkipLast(1), p => Assert.EndsWith("them.", p, StringComparison.Ordinal));
        Assert.Equal(text, string.Join(' ', parts));
    }

    [Fact]
    public void Split_ACodeBlockCutInTwo_IsClosedAndReopened()
    {
        var code = "```csharp\n" + string.Join('\n', Enumerable.Range(1, 200).Select(i => $"var x{i} = {i};")) + "\n```";

        var parts = TextSplitter.Split(code, 2000);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.Equal(0, CountFences(p) % 2));
        Assert.All(parts, p => Assert.True(p.Length <= 2000));
        Assert.All(parts.Skip(1), p => Assert.StartsWith("```\n", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Split_TextWithoutBreaks_IsCutHard_LeavingRoomToCloseAFence()
    {
        var parts = TextSplitter.Split(new string('y', 4500), 2000);

        Assert.Equal([1996, 1996, 508], parts.Select(p => p.Length));
    }

    [Fact]
    public void Split_NeverCutsASurrogatePair()
    {
        var text = "a" + string.Concat(Enumerable.Repeat("😀", 1000));

        var parts = TextSplitter.Split(text, 100);

        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.All(parts, p => Assert.False(char.IsLowSurrogate(p[0])));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Split_ShortText_IsOneTrimmedPiece_AndBlankTextIsNone()
    {
        Assert.Equal(["hello\n\nworld"], TextSplitter.Split("\n  hello\n\nworld  \n", 100));
        Assert.Empty(TextSplitter.Split(" \n\t ", 100));
    }

    [Fact]
    public void Split_KeepWholeRule_MovesTheCutBeforeTheMarkup()
    {
        var text = new string('a', 90) + "{token}" + new string('b', 40);

        var parts = TextSplitter.Split(text, 100, (t, from, cut) => t.LastIndexOf('{', cut - 1, cut - from) is var open && open > from && t.IndexOf('}', open, cut - open) < 0 ? open : cut);

        Assert.Equal([new string('a', 90), "{token}" + new string('b', 40)], parts);
    }

    [Fact]
    public void Split_KeepWholeRuleAtThePieceStart_IsIgnored()
    {
        var parts = TextSplitter.Split(new string('z', 250), 100, (_, from, _) => from);

        Assert.Equal([96, 96, 58], parts.Select(p => p.Length));
    }

    [Fact]
    public void Split_LimitBelowTheMinimum_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TextSplitter.Split("text", TextSplitter.MinimumLength - 1));
    }

    private static int CountFences(string text) => (text.Length - text.Replace("```", string.Empty, StringComparison.Ordinal).Length) / 3;
}
