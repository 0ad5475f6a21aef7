using System.Globalization;
using Microsoft.SemanticKernel;

namespace CoachBot.Ai.Prompts;

/// <summary>
/// The YAML shape of a Semantic Kernel prompt template file (name, description, template, template_format,
/// input_variables, execution_settings), read with YamlDotNet because the SK YAML package is not available here.
/// </summary>
internal sealed class PromptFile
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Template { get; set; }

    public string? TemplateFormat { get; set; }

    public List<PromptFileVariable> InputVariables { get; set; } = [];

    public Dictionary<string, Dictionary<string, string>> ExecutionSettings { get; set; } = [];

    public PromptTemplateConfig ToConfig()
    {
        var config = new PromptTemplateConfig(Template!)
        {
            Name = Name,
            Description = Description,
            TemplateFormat = string.IsNullOrWhiteSpace(TemplateFormat) ? PromptTemplateConfig.SemanticKernelTemplateFormat : TemplateFormat,
        };
        foreach (var variable in InputVariables)
        {
            // AllowDangerouslySetContent stays false: variable values are encoded, so text from a question or a passage
            // cannot open a new <message role="system"> block.
            config.InputVariables.Add(new InputVariable
            {
                Name = variable.Name ?? string.Empty,
                Description = variable.Description,
                IsRequired = variable.IsRequired,
            });
        }

        return config;
    }

    public PromptDefaults ToDefaults()
    {
        var settings = ExecutionSettings.TryGetValue("default", out var found) ? found : [];
        return new PromptDefaults(
            ReadDouble(settings, "temperature"),
            ReadInt(settings, "max_tokens"));
    }

    private static double? ReadDouble(Dictionary<string, string> settings, string key) =>
        settings.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int? ReadInt(Dictionary<string, string> settings, string key) =>
        settings.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
