using CoachBot.Core.Dispatch;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.Terminal;

/// <summary>Runs the terminal chat on the console and stops the host when the person quits or input ends (EOF).</summary>
public sealed class TerminalChatService(
    CoachDispatcher dispatcher,
    IOptions<TerminalOptions> options,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and other services log their start-up lines) before the first prompt.
        await Task.Yield();
        var chat = new TerminalChat(dispatcher, Console.In, Console.Out, options.Value.UserName, interactive: !Console.IsInputRedirected, options.Value.FilesDirectory);
        try
        {
            await chat.RunAsync(stoppingToken);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
