using Microsoft.Extensions.Options;

namespace CoachBot.Ai.Llm;

/// <summary>
/// The rule the ranges alone cannot state: a retry must be able to start within the call's total timeout
/// (<c>Llm:TimeoutSeconds</c>), or it could never happen and the setting would only mislead.
/// </summary>
public sealed class LlmResilienceOptionsValidator(IOptions<LlmOptions> llm) : IValidateOptions<LlmResilienceOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var total = TimeSpan.FromSeconds(llm.Value.TimeoutSeconds);
        if (options.MaxRetries > 0 && options.RetryDelay >= total)
        {
            return ValidateOptionsResult.Fail(
                $"{LlmResilienceOptions.SectionName}:RetryDelayMilliseconds ({options.RetryDelayMilliseconds}) must be shorter than " +
                $"{LlmOptions.SectionName}:TimeoutSeconds ({llm.Value.TimeoutSeconds} s), or no retry could ever start; " +
                $"set {LlmResilienceOptions.SectionName}:MaxRetries to 0 to turn retrying off.");
        }

        return ValidateOptionsResult.Success;
    }
}
