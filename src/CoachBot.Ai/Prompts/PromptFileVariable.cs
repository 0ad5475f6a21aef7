namespace CoachBot.Ai.Prompts;

/// <summary>One entry of a prompt file's input_variables list.</summary>
internal sealed class PromptFileVariable
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public bool IsRequired { get; set; } = true;
}
