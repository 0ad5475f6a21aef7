using Microsoft.Extensions.Options;

namespace CoachBot.Ai.Answers;

/// <summary>Each <c>Answers:AllowedLinkHosts</c> entry is a bare host name: no scheme, path, port or user info.</summary>
public sealed class AnswerOptionsValidator : IValidateOptions<AnswerOptions>
{
    public ValidateOptionsResult Validate(string? name, AnswerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.AllowedLinkHosts.Count; i++)
        {
            var host = options.AllowedLinkHosts[i]?.Trim() ?? string.Empty;
            if (host.Length == 0 || host.IndexOfAny([':', '/', '?', '#', '@', '\\', ' ']) >= 0 || Uri.CheckHostName(host) == UriHostNameType.Unknown)
            {
                failures.Add($"{AnswerOptions.SectionName}:{nameof(AnswerOptions.AllowedLinkHosts)}:{i} must be a host name such as roadmap.sh (no scheme, path or port), not '{host}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
