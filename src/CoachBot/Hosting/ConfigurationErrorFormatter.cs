using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CoachBot.Hosting;

/// <summary>
/// Turns options-validation failures into lines that name the configuration key, e.g.
/// "Llm:Endpoint: The Endpoint field is required." instead of "DataAnnotation validation failed for 'LlmOptions'…".
/// Every options class has a <c>SectionName</c> constant, which gives the key's prefix.
/// </summary>
public static partial class ConfigurationErrorFormatter
{
    public static IReadOnlyList<string> Format(OptionsValidationException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var section = exception.OptionsType
            .GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?
            .GetRawConstantValue() as string;
        return exception.Failures
            .Select(failure => Rewrite(failure, section))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    private static string Rewrite(string failure, string? section)
    {
        var match = DataAnnotationFailure().Match(failure);
        if (!match.Success)
        {
            return failure;
        }

        var member = match.Groups["member"].Value.Replace('.', ':');
        var key = section is null ? member : $"{section}:{member}";
        return $"{key}: {match.Groups["error"].Value}";
    }

    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']+' members: '(?<member>[^']+)' with the error: '(?<error>.*)'\.?$", RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex DataAnnotationFailure();
}
