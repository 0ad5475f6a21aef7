using CoachBot.Coaching.Roadmap;

namespace CoachBot.Coaching.Tests.Roadmap;

public sealed class RoadmapTests : IAsyncLifetime
{
    private RoadmapHost _host = null!;

    public async Task InitializeAsync() => _host = await RoadmapHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void StagesFile_EveryStepCitesARealGuideSectionAndQuotesItsWords()
    {
        Assert.Equal(InterviewLevels.All, _host.Stages.All.Select(s => s.Level));
        foreach (var step in _host.Stages.All.SelectMany(s => s.Steps))
        {
            var section = _host.Catalog.FindSection(step.Section.Reference);
            Assert.NotNull(section);
            var text = string.Join(' ', string.Join(' ', section.Paragraphs.Select(p => p.Text)).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(step.Quote, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Roadmap_PutsTheWeakestSkillFirst_AndEveryCitationResolvesToAGuideSection()
    {
        await _host.AnsweredAsync("databases", 3, 5);
        await _host.AnsweredAsync("security", 1, 5);
        await _host.AnsweredAsync("fundamentals", 5, 5);

        var reply = await _host.RoadmapAsync("mid");

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        var skills = RoadmapHost.StepSkills(reply);
        Assert.InRange(skills.Count, RoadmapPlanner.MinSteps, RoadmapPlanner.MaxSteps);
        Assert.Equal(["security", "databases"], skills.Take(2));
        Assert.DoesNotContain("fundamentals", skills); // solid: 5 of 5
        Assert.Contains("20% right over 5 answers", reply.Text, StringComparison.Ordinal);
        Assert.Contains("not tried yet", reply.Text, StringComparison.Ordinal);
        Assert.NotEmpty(reply.Sources);
        var citations = _host.Catalog.Sections.Select(s => s.ToCitation()).ToHashSet();
        Assert.All(reply.Sources, source => Assert.Contains(source, citations));
        Assert.All(reply.Sources, source => Assert.Contains(source.Display, reply.Text, StringComparison.Ordinal));
        Assert.Contains("/interview mid security", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roadmap_TargetLevel_IsHonoured()
    {
        var junior = RoadmapHost.StepSkills(await _host.RoadmapAsync("junior"));
        var lead = await _host.RoadmapAsync("lead");
        var leadSkills = RoadmapHost.StepSkills(lead);

        var juniorStage = _host.Stages.All.Single(s => s.Level == InterviewLevel.Junior).Steps.Select(s => s.Skill).ToHashSet();
        Assert.All(junior, skill => Assert.Contains(skill, juniorStage));
        Assert.Equal(["system-design", "soft-skills", "career"], leadSkills.Take(3));
        Assert.Contains("lead/architect", lead.Text, StringComparison.Ordinal);
        Assert.Contains(lead.Sources, s => s.Display.Contains("The Importance of Soft Skills", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Roadmap_NoTarget_AimsAtTheFirstStageNotYetSolid()
    {
        foreach (var skill in _host.Stages.All[0].Steps.Select(s => s.Skill))
        {
            await _host.AnsweredAsync(skill, 5, 5);
        }

        var reply = await _host.RoadmapAsync();

        Assert.Contains("(mid-level, the first stage", reply.Text, StringComparison.Ordinal);
        var midStage = _host.Stages.All[1].Steps.Select(s => s.Skill).ToHashSet();
        Assert.All(RoadmapHost.StepSkills(reply), skill => Assert.Contains(skill, midStage));
    }

    [Fact]
    public async Task Roadmap_UnknownLevel_IsRefusedPolitely()
    {
        var reply = await _host.RoadmapAsync("wizard");

        Assert.Contains("Pick a level", reply.Text, StringComparison.Ordinal);
    }
}
