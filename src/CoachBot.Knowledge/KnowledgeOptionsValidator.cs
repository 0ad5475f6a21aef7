using CoachBot.Core.DataFolders;
using Microsoft.Extensions.Options;

namespace CoachBot.Knowledge;

/// <summary>Fails start-up with a message naming <c>Knowledge:Path</c> when the knowledge folder cannot be used.</summary>
internal sealed class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        var key = $"{KnowledgeOptions.SectionName}:{nameof(KnowledgeOptions.Path)}";
        var path = KnowledgeDirectory.Resolve(options.Path);
        if (path is null)
        {
            return ValidateOptionsResult.Fail(
                $"{key} is not set and no 'knowledge/guides' folder was found {DataFolderResolver.SearchedPlaces()}; set {key} to the knowledge folder.");
        }

        if (!KnowledgeDirectory.IsKnowledgeFolder(path))
        {
            return ValidateOptionsResult.Fail($"{key} is '{path}', which has no guides/*.md; set {key} to the folder that contains guides/.");
        }

        return ValidateOptionsResult.Success;
    }
}
