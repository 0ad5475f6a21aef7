using System.Text.Json;

namespace CoachBot.Knowledge.Tests;

/// <summary>
/// The blind relevance judgements under knowledge/eval/judged (#12 round 7) stay usable: one line per question of their
/// set, the same question, and only passage ids the chunker still produces (a guide edit that renames or renumbers a
/// passage shows up here, not as a silent drop in the judged recall).
/// </summary>
public sealed class JudgedRelevanceFilesTests
{
    public static TheoryData<string> JudgedSets() => new() { "heldout", "heldout-2", "heldout-3", "dev-paraphrases", "dev-paraphrases-2", "dev-chat", "dev-blind" };

    [Theory]
    [MemberData(nameof(JudgedSets))]
    public void JudgedFile_MatchesItsSetLineByLine_AndNamesOnlyExistingPassages(string set)
    {
        var cases = EvaluationFile.Read(Path.Combine(TestKnowledge.Directory, "eval", set + ".jsonl")).Cases;
        var lines = File.ReadLines(Path.Combine(TestKnowledge.Directory, "eval", "judged", set + ".judged.jsonl")).Where(line => line.Trim().Length > 0).ToList();
        var passageIds = TestKnowledge.Retriever.Index.Chunks.Select(chunk => chunk.Passage.Id).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(cases.Count, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            using var judged = JsonDocument.Parse(lines[i]);
            Assert.Equal(cases[i].Question, judged.RootElement.GetProperty("question").GetString());
            var relevant = judged.RootElement.GetProperty("relevant").EnumerateArray().Select(id => id.GetString()!).ToList();
            Assert.NotEmpty(relevant);
            Assert.All(relevant, id => Assert.Contains(id, passageIds));
            Assert.Equal(relevant.Count, relevant.Distinct(StringComparer.Ordinal).Count());
        }
    }
}
