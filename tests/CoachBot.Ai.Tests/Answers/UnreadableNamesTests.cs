using CoachBot.Ai.Answers.Meaning;

namespace CoachBot.Ai.Tests.Answers;

public sealed class UnreadableNamesTests
{
    [Fact]
    public void In_NamesOutsideTheModelsVocabulary_AreFound_WordsAndShortAbbreviationsAreNot()
    {
        var names = UnreadableNames.In("Should I grind LeetCode or Codewars before learning SQL and databases?");

        Assert.Equal(["leetcode", "codewars"], names);
    }

    [Fact]
    public void AnyIn_MatchesWholeWordsOnly_AnyCase()
    {
        IReadOnlyList<string> names = ["leetcode"];

        Assert.True(UnreadableNames.AnyIn(names, "- LeetCode"));
        Assert.False(UnreadableNames.AnyIn(names, "- leetcodes and more"));
        Assert.False(UnreadableNames.AnyIn([], "- leetcode"));
    }
}
