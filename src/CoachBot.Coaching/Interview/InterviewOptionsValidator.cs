using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Interview;

/// <summary>A configured <c>Interview:BankPath</c> must be an existing folder with at least one <c>*.yaml</c> bank file.</summary>
public sealed class InterviewOptionsValidator : IValidateOptions<InterviewOptions>
{
    public ValidateOptionsResult Validate(string? name, InterviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.BankPath))
        {
            return ValidateOptionsResult.Success;
        }

        var full = Path.GetFullPath(options.BankPath);
        return Directory.Exists(full) && Directory.EnumerateFiles(full, "*.yaml").Any()
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{InterviewOptions.SectionName}:BankPath: '{full}' is not a folder with interview question files (*.yaml).");
    }
}
