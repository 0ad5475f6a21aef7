using System.Text.RegularExpressions;
using CoachBot.Testing.Safety;

namespace CoachBot.Core.Tests.Safety;

public class ModelTextTests
{
    [Fact]
    public void Clean_CollapsesSpaceRunsAndBlankLines_AndDropsControlCharacters()
    {
        var text = "Learn   SQL\t\tfirst.\u0007\u200B  \r\n\r\n\r\n\r\nThen\u202E  an ORM.   ";

        Assert.Equal("Learn SQL first.\n\nThen an ORM.", ModelText.Clean(text, LinkAllowList.None));
    }

    [Fact]
    public void Clean_KeepsCodeBlockIndentation_AndListIndentCapped()
    {
        var text = "Steps:\n- one\n    - nested\n\n```python\ndef f():\n    if x:\n\t\treturn  1   \n```\nafter";

        Assert.Equal("Steps:\n- one\n    - nested\n\n```python\ndef f():\n    if x:\n\t\treturn  1\n```\nafter", ModelText.Clean(text, LinkAllowList.None));
    }

    [Fact]
    public void Clean_HeadingWithLongSpaceRun_BecomesOneSpace()
    {
        Assert.Equal("# x y", ModelText.Clean("# x" + new string(' ', 4000) + "y", LinkAllowList.None));
    }

    [Fact]
    public void Clean_RevealsMaskedLinksOutsideCode()
    {
        var text = "Take the [official SQL course](https://evil.example/x).\n```\n[keep](https://evil.example/code)\n```";

        Assert.Equal("Take the official SQL course (https://evil.example/x).\n```\n[keep](https://evil.example/code)\n```", ModelText.Clean(text, LinkAllowList.None));
    }

    [Theory]
    [MemberData(nameof(PathologicalCases.All), MemberType = typeof(PathologicalCases))]
    public void Clean_PathologicalInput_LeavesNoHiddenLinkOrSpaceRun(string name, string input)
    {
        var cleaned = ModelText.Clean(input, LinkAllowList.None);

        Assert.False(HiddenLink.IsMatch(cleaned), name);
        Assert.DoesNotContain("  ", cleaned.Replace("\n        ", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", cleaned, StringComparison.Ordinal);
    }

    // A Markdown masked link to an http(s) address, as Discord renders one (test oracle, independent of the scanner).
    private static readonly Regex HiddenLink = new(@"\[[^\[\]\n]*\]\(\s*<?https?://[^)\n]*\)", RegexOptions.NonBacktracking);
}
