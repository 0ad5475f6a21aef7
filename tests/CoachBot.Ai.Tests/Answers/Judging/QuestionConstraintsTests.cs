using CoachBot.Ai.Answers.Coverage;

namespace CoachBot.Ai.Tests.Answers.Judging;

public sealed class QuestionConstraintsTests
{
    [Theory]
    [InlineData("how much do backend devs make in London", ConstraintKind.Place, "London")]
    [InlineData("what do backend engineers earn in germany", ConstraintKind.Place, "Germany")]
    [InlineData("backend salaries in Lagos?", ConstraintKind.Place, "Lagos")]
    [InlineData("what will backend pay look like in 2027", ConstraintKind.Year, "2027")]
    [InlineData("how much does a backend engineer make at Google", ConstraintKind.Company, "Google")]
    [InlineData("how do I get hired at Initech as a backend dev", ConstraintKind.Company, "Initech")]
    [InlineData("how much does a CTO make", ConstraintKind.Role, "cto")]
    [InlineData("what does Martin Fowler say about microservices", ConstraintKind.Person, "Martin Fowler")]
    [InlineData("how do I negotiate a higher salary when I get a job offer?", ConstraintKind.Action, "negotiate a higher salary")]
    [InlineData("how do I fix a merge conflict in git?", ConstraintKind.Action, "fix a merge conflict")]
    [InlineData("how do I write a good resume for a junior backend role?", ConstraintKind.Topic, "résumés")]
    [InlineData("what should go on my CV", ConstraintKind.Topic, "résumés")]
    [InlineData("What should I write in a cover letter for a junior backend position?", ConstraintKind.Topic, "cover letters")]
    [InlineData("I'm burned out at my backend job, should I switch to devops?", ConstraintKind.Topic, "burnout or stress")]
    [InlineData("can I get a work visa as a backend dev", ConstraintKind.Topic, "visas or relocation")]
    public void Of_QuestionNamingADetail_FindsIt(string question, ConstraintKind kind, string text)
    {
        var constraints = QuestionConstraints.Of(question);

        Assert.Contains(constraints, c => c.Kind == kind && c.Text.Equals(text, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("which database should I learn first?")]
    [InlineData("can you tell us how to learn Python")]
    [InlineData("is backend a safe bet? dont wanna get laid off in 2 yrs")]
    public void Of_QuestionWithoutPlaceYearCompanyOrPerson_FindsNone(string question) =>
        Assert.DoesNotContain(QuestionConstraints.Of(question), c => c.Kind is ConstraintKind.Place or ConstraintKind.Year or ConstraintKind.Company or ConstraintKind.Person);

    [Theory]
    [InlineData("how do I stress test my API")]
    [InlineData("how do I resume learning after a break")]
    [InlineData("How can I show recruiters I can work with a team when all my projects are solo?")]
    [InlineData("is backend a safe bet job security wise? dont wanna get laid off in 2 yrs")]
    public void Of_QuestionAboutSomethingTheGuidesTreat_HasNoTopicGap(string question) =>
        Assert.DoesNotContain(QuestionConstraints.Of(question), c => c.Kind == ConstraintKind.Topic);

    [Theory]
    [InlineData("how do i lern databse stuff fr")]
    [InlineData("how do I become a backend developer")]
    [InlineData("how can I get better at system design")]
    [InlineData("so many new frameworks every month, how do i not drown as a newbie")]
    [InlineData("how do I protect my app from SQL injection")]
    [InlineData("what should a junior backend dev know")]
    public void Of_QuestionAskingHowToDoSomethingEveryday_OrMisspelt_HasNoActionDetail(string question) =>
        Assert.DoesNotContain(QuestionConstraints.Of(question), c => c.Kind == ConstraintKind.Action);

    [Theory]
    [InlineData("What should a junior dev know about relational vs non-relational databases?")]
    [InlineData("as a junior, which database should I start with")]
    [InlineData("which topics should a senior engineer study for system design interviews")]
    [InlineData("Once I'm experienced, what other jobs could I pivot into besides staying a backend dev?")]
    [InlineData("Is the AWS Certified Solutions Architect cert better for a junior than the AWS Developer one?")]
    public void Of_RoleThatNamesTheReader_IsNoConstraint(string question) =>
        Assert.DoesNotContain(QuestionConstraints.Of(question), c => c.Kind == ConstraintKind.Role);

    [Theory]
    [InlineData("what does a senior engineer do all day", "senior")]
    [InlineData("as a junior, what salary can I expect", "junior")]
    [InlineData("what is a good salary for a senior engineer", "senior")]
    [InlineData("what responsibilities are given to a senior engineer", "senior")]
    [InlineData("how much should a junior developer know to earn $80k", "junior")]
    public void Of_RoleTheQuestionIsAbout_IsAConstraint(string question, string role) =>
        Assert.Contains(QuestionConstraints.Of(question), c => c.Kind == ConstraintKind.Role && c.Text == role);

    [Fact]
    public void IsMentionedIn_CompanyInsideAProductName_DoesNotCount()
    {
        var google = Assert.Single(QuestionConstraints.Of("Is Go a good choice if I want to work at Google specifically?"), c => c.Kind == ConstraintKind.Company);

        Assert.False(google.IsMentionedIn("Familiarity with cloud platforms like AWS, Azure, or Google Cloud is increasingly important."));
        Assert.True(google.IsMentionedIn("Engineers at Google use Go for many backend services."));
        Assert.True(google.IsMentionedIn("She moved to Google."));
    }

    [Fact]
    public void IsMentionedIn_JuniorRole_AcceptsTheGuidesEntryLevelWording()
    {
        var junior = Assert.Single(QuestionConstraints.Of("How much does a junior backend developer make?"), c => c.Kind == ConstraintKind.Role);

        Assert.True(junior.IsMentionedIn("Entry-level positions may start at around $70,000 to $80,000."));
        Assert.False(junior.IsMentionedIn("Senior engineers can expect to earn upwards of $140,000."));
    }
}
