using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CoachBot.Hosting.Web;

/// <summary>
/// With a management listener, each listener serves only its own endpoints: a request on a management port reaches
/// only <see cref="OperatorEndpoint"/>s, a request on any other port reaches everything but them; the rest is 404.
/// Decided by the connection's local port (not the Host header, which the client chooses).
/// </summary>
public static class ListenerSeparationMiddleware
{
    public static WebApplication UseListenerSeparation(this WebApplication app, ManagementListener listener)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(listener);
        // Explicit routing first, so the matched endpoint is known here.
        app.UseRouting();
        app.Use(async (context, next) =>
        {
            var operatorEndpoint = context.GetEndpoint()?.Metadata.GetMetadata<OperatorEndpoint>() is not null;
            var onManagementPort = listener.Ports.Contains(context.Connection.LocalPort);
            if (operatorEndpoint != onManagementPort)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
        return app;
    }
}
