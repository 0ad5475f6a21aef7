namespace CoachBot.Ai.Tests.Llm;

public sealed class LlmResilienceOptionsTests
{
    [Fact]
    public void Options_NothingConfigured_KeepTheLongStandingPipelineNumbers()
    {
        using var services = AiServices.Build(StubRetriever.Always(0.9));

        var options = services.GetRequiredService<IOptions<LlmResilienceOptions>>().Value;

        Assert.Equal(
            (1, 250, 0.5, 4, 60, 30),
            (options.MaxRetries, options.RetryDelayMilliseconds, options.FailureRatio, options.MinimumThroughput, options.SamplingSeconds, options.BreakSeconds));
    }

    [Fact]
    public void Options_Configured_AreBoundFromTheResilienceSection()
    {
        using var services = AiServices.Build(StubRetriever.Always(0.9), new Dictionary<string, string?>
        {
            ["Llm:Resilience:MaxRetries"] = "2",
            ["Llm:Resilience:BreakSeconds"] = "5",
            ["Llm:Resilience:FailureRatio"] = "0.8",
        });

        var options = services.GetRequiredService<IOptions<LlmResilienceOptions>>().Value;

        Assert.Equal((2, 5, 0.8), (options.MaxRetries, options.BreakSeconds, options.FailureRatio));
    }

    [Theory]
    [InlineData("FailureRatio", "1.5")]
    [InlineData("FailureRatio", "0")]
    [InlineData("MinimumThroughput", "1")]
    [InlineData("BreakSeconds", "0")]
    [InlineData("SamplingSeconds", "0")]
    [InlineData("MaxRetries", "9")]
    [InlineData("RetryDelayMilliseconds", "-1")]
    public void Options_OutOfRange_FailValidationNamingTheKey(string key, string value)
    {
        using var services = AiServices.Build(StubRetriever.Always(0.9), new Dictionary<string, string?> { ["Llm:Resilience:" + key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LlmResilienceOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RetryDelayNotShorterThanTheTimeout_FailsNamingBothKeys()
    {
        var validator = new LlmResilienceOptionsValidator(Options.Create(new LlmOptions { TimeoutSeconds = 2 }));

        var result = validator.Validate(null, new LlmResilienceOptions { MaxRetries = 1, RetryDelayMilliseconds = 2000 });

        Assert.True(result.Failed);
        Assert.Contains("Llm:Resilience:RetryDelayMilliseconds", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Llm:TimeoutSeconds", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LongRetryDelayWithRetriesOff_Succeeds()
    {
        var validator = new LlmResilienceOptionsValidator(Options.Create(new LlmOptions { TimeoutSeconds = 2 }));

        var result = validator.Validate(null, new LlmResilienceOptions { MaxRetries = 0, RetryDelayMilliseconds = 5000 });

        Assert.True(result.Succeeded);
    }
}
