namespace CoachBot.Ai.Tests.Answers;

public sealed class VerdictQuestionTests
{
    private const string NotMandatory = "While a degree in computer science or related fields is beneficial, it is not always mandatory.";
    private const string Contrast = "While frontend development focuses on user interfaces and experiences, backend engineers work behind the scenes, building the server-side logic, databases, and APIs that power applications.";
    private const string CannotReplace = "While automation can handle many tasks, it cannot replace the critical thinking and problem-solving skills that you bring to the table.";

    [Theory]
    [InlineData("Do I need a computer science degree to become a backend developer?", NotMandatory)]
    [InlineData("is a degree really required for backend jobs", NotMandatory)]
    [InlineData("do u even need a degree fr", NotMandatory)]
    [InlineData("yo is backend even still a gud career or is AI gonna take all the jobs fr", CannotReplace)]
    [InlineData("will automation tools make backend engineers obsolete?", CannotReplace)]
    [InlineData("Is AI going to take backend developer jobs?", CannotReplace)]
    [InlineData("will there still be jobs for backend devs in 20 years", "As long as there are applications to be built and data to be managed, backend developers will be in demand.")]
    [InlineData("how is that different from what frontend devs do?", Contrast)]
    [InlineData("backend vs frontend, which is harder", Contrast)]
    public void IsStatedBy_SentenceGivingTheVerdictAskedFor_IsTrue(string question, string sentence)
    {
        Assert.True(VerdictQuestion.IsStatedBy(question, sentence, sharesTopic: true));
    }

    [Theory]
    [InlineData("What does a backend engineer do all day?", CannotReplace)]
    [InlineData("How do I learn databases?", NotMandatory)]
    [InlineData("is AI gonna take all the jobs", "From intelligent data processing to predictive maintenance and automated code assistance, AI is transforming how backend systems operate.")]
    [InlineData("Do I need a degree?", "A traditional path involves obtaining a degree in computer science, software engineering, or related fields.")]
    [InlineData("how is that different from what frontend devs do?", "While not your primary focus, having a grasp of front-end technologies (HTML, CSS, JavaScript) is beneficial.")]
    [InlineData("can u do backend w javascript or do i have to learn a different language", Contrast)]
    public void IsStatedBy_SentenceOrQuestionWithoutAVerdict_IsFalse(string question, string sentence)
    {
        Assert.False(VerdictQuestion.IsStatedBy(question, sentence, sharesTopic: true));
    }

    [Fact]
    public void IsStatedBy_RequirementAboutSomethingElse_IsFalse()
    {
        // "Do I need to know Kubernetes?" is not answered by a degree being optional.
        Assert.False(VerdictQuestion.IsStatedBy("Do I need to know Kubernetes?", NotMandatory, sharesTopic: false));
    }
}
