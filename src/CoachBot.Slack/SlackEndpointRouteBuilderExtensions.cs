using CoachBot.Core.Platforms;
using CoachBot.Slack.Configuration;
using CoachBot.Slack.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack;

public static class SlackEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the Slack request URLs (Slack:EventsPath, CommandsPath, InteractivityPath; all /slack/events by default)
    /// when the adapter is registered and Slack:Mode is Http. Safe to call always: otherwise it maps nothing.
    /// </summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<SlackHttpEndpoints>() is null)
        {
            return endpoints;
        }

        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (options.Mode != SlackMode.Http)
        {
            return endpoints;
        }

        foreach (var path in new[] { options.EventsPath, options.CommandsPath, options.InteractivityPath }.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            endpoints.MapPost(path, (HttpContext http, SlackHttpEndpoints slack) => slack.HandleAsync(http))
                .WithName("Slack " + path)
                .ExcludeFromDescription();
        }

        return endpoints;
    }
}
