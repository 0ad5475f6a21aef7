using CoachBot.Core.Conversations;

namespace CoachBot.Coaching.Progress;

/// <summary>
/// Lets another feature (interviews, challenges) add a short Markdown section to <c>/progress</c>. Register with
/// <c>services.TryAddEnumerable(ServiceDescriptor.Singleton&lt;IProgressContributor, MyContributor&gt;())</c>.
/// Return null when there is nothing to say for this person.
/// </summary>
public interface IProgressContributor
{
    /// <summary>Sections are shown by ascending order after the quiz figures.</summary>
    int Order { get; }

    Task<string?> DescribeAsync(CommandContext context, CancellationToken cancellationToken);
}
