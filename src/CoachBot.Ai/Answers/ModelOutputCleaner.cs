using CoachBot.Core.Safety;
using CoachBot.Knowledge.Guides;
using Microsoft.Extensions.Options;

namespace CoachBot.Ai.Answers;

/// <summary>
/// The cleaning every piece of model-written text gets before it becomes a reply: <see cref="ModelText"/> (control
/// characters, whitespace, masked links to hosts off the allow-list shown with their address). Pings are each
/// platform's syntax, so each adapter's renderer defuses them in everything it sends, model text included. The allow-list is <c>Answers:AllowedLinkHosts</c> plus, by default, the hosts of the
/// guides' own sources, computed when first needed (the guides load lazily).
/// </summary>
public sealed class ModelOutputCleaner
{
    private readonly Lazy<LinkAllowList> _allowed;

    public ModelOutputCleaner(IOptions<AnswerOptions> options, Func<GuideCatalog?> guides)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(guides);
        _allowed = new Lazy<LinkAllowList>(() => Build(options.Value, guides));
    }

    public LinkAllowList AllowedLinks => _allowed.Value;

    public string Clean(string? modelText) => ModelText.Clean(modelText, _allowed.Value);

    private static LinkAllowList Build(AnswerOptions options, Func<GuideCatalog?> guides)
    {
        var hosts = options.AllowedLinkHosts.Select(h => h.Trim()).ToList();
        if (options.AllowGuideSourceLinkHosts && guides() is { } catalog)
        {
            hosts.AddRange(catalog.Guides.Select(g => LinkAllowList.HostOf(g.Source)).OfType<string>());
        }

        return new LinkAllowList(hosts);
    }
}
