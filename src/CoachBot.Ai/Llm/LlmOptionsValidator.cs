using CoachBot.Ai.Prompts;
using Microsoft.Extensions.Options;

namespace CoachBot.Ai.Llm;

/// <summary>
/// Rules that span keys: the endpoint must be an absolute http(s) URL, a model must accompany an endpoint, and when the
/// model is configured every prompt file must be present and parse. Messages name the key (never its value for the key).
/// </summary>
public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasEndpoint = !string.IsNullOrWhiteSpace(options.Endpoint);
        if (hasEndpoint &&
            (!Uri.TryCreate(options.Endpoint!.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{LlmOptions.SectionName}:Endpoint must be an absolute http(s) URL such as https://api.openai.com/v1 or http://localhost:11434/v1.");
        }

        if (hasEndpoint && string.IsNullOrWhiteSpace(options.ChatModel))
        {
            failures.Add($"{LlmOptions.SectionName}:ChatModel must be set when {LlmOptions.SectionName}:Endpoint is set (e.g. gpt-4o-mini, llama3.1).");
        }

        if (!hasEndpoint && !string.IsNullOrWhiteSpace(options.ChatModel))
        {
            failures.Add($"{LlmOptions.SectionName}:Endpoint must be set when {LlmOptions.SectionName}:ChatModel is set.");
        }

        if (failures.Count == 0 && options.IsConfigured)
        {
            var problem = PromptLibrary.Check(options.PromptsPath);
            if (problem is not null)
            {
                failures.Add(problem);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
