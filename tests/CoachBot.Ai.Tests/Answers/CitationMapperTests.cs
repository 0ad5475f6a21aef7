namespace CoachBot.Ai.Tests.Answers;

public sealed class CitationMapperTests
{
    private static readonly Knowledge.Retrieval.ScoredPassage[] Given =
    [
        GuideText.Scored("backend-career-path", "Database Management"),
        GuideText.Scored("backend-career-path", "Master Programming Fundamentals"),
        GuideText.Scored("how-to-become-backend-engineer", "Backend Engineering Salaries"),
    ];

    [Fact]
    public void Map_CitedIds_BecomeNumberedMarkersInOrderOfFirstUse()
    {
        var mapped = CitationMapper.Map("Salaries vary [P3]. Learn SQL [P1] and Python [P2][P3].", Given);

        Assert.Equal("Salaries vary [1]. Learn SQL [2] and Python [3][1].", mapped.Text);
        Assert.Equal(["Backend Engineering Salaries", "Database Management", "Master Programming Fundamentals"],
            mapped.Citations.Select(c => c.SectionPath[^1]));
    }

    [Fact]
    public void Map_IdsThatWereNotGiven_AreDropped()
    {
        var mapped = CitationMapper.Map("Learn SQL [P1]. Invented fact [P9].", Given);

        Assert.Equal("Learn SQL [1]. Invented fact.", mapped.Text);
        Assert.Single(mapped.Citations);
    }

    [Fact]
    public void Map_GroupedIds_AreAllMapped()
    {
        var mapped = CitationMapper.Map("Both matter [P1, P2].", Given);

        Assert.Equal("Both matter [1][2].", mapped.Text);
        Assert.Equal(2, mapped.Citations.Count);
    }

    [Fact]
    public void Map_NoIdsCited_CitesThePassagesGiven()
    {
        var mapped = CitationMapper.Map("Learn SQL and a language.", Given);

        Assert.Equal(3, mapped.Citations.Count);
    }
}
