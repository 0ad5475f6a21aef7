namespace CoachBot.Ai.Tests.Llm;

public sealed class LlmOptionsValidatorTests
{
    private readonly LlmOptionsValidator _validator = new();

    [Fact]
    public void Validate_NothingSet_SucceedsAndIsOffline()
    {
        var options = new LlmOptions();

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.False(options.IsConfigured);
    }

    [Theory]
    [InlineData("localhost:11434")]
    [InlineData("ftp://example.com/v1")]
    [InlineData("not a url")]
    public void Validate_EndpointNotAnAbsoluteHttpUrl_FailsNamingTheKey(string endpoint)
    {
        var result = _validator.Validate(null, new LlmOptions { Endpoint = endpoint, ChatModel = "m", PromptsPath = RepoPaths.Prompts });

        Assert.True(result.Failed);
        Assert.Contains("Llm:Endpoint", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EndpointWithoutModel_FailsNamingChatModel()
    {
        var result = _validator.Validate(null, new LlmOptions { Endpoint = "http://localhost:11434/v1" });

        Assert.True(result.Failed);
        Assert.Contains("Llm:ChatModel", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConfiguredWithPrompts_Succeeds()
    {
        var result = _validator.Validate(null, new LlmOptions { Endpoint = "http://localhost:11434/v1", ChatModel = "llama3.1", PromptsPath = RepoPaths.Prompts });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_ConfiguredButAPromptFileIsMissing_FailsNamingTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("prompts-");
        try
        {
            File.Copy(Path.Combine(RepoPaths.Prompts, "answer.yaml"), Path.Combine(folder.FullName, "answer.yaml"));

            var result = _validator.Validate(null, new LlmOptions { Endpoint = "http://localhost:11434/v1", ChatModel = "m", PromptsPath = folder.FullName });

            Assert.True(result.Failed);
            Assert.Contains("rewrite-question.yaml", result.FailureMessage, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
