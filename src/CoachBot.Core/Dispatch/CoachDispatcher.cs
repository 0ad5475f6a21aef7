using System.Diagnostics;
using CoachBot.Core.Commands;
using CoachBot.Core.Diagnostics;
using CoachBot.Core.Replies;
using CoachBot.Core.Safety;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Core.Dispatch;

/// <summary>
/// The single way into the features, for every adapter: cleans and bounds the input, checks moderator rights, routes to
/// the handler, and turns any failure into a visible apology. It never throws (except on cancellation).
/// </summary>
public sealed partial class CoachDispatcher
{
    private static readonly Func<ILogger, string, string, IDisposable?> InteractionScope =
        LoggerMessage.DefineScope<string, string>("Interaction {CorrelationId} in {Conversation}");

    private readonly CommandCatalog _catalog;
    private readonly IReadOnlyList<IMessageHandler> _messageHandlers;
    private readonly Dictionary<string, IButtonHandler> _buttonHandlers;
    private readonly Dictionary<string, IFormHandler> _formHandlers;
    private readonly DispatchOptions _options;
    private readonly ILogger<CoachDispatcher> _logger;
    private readonly RequestRateLimiter? _rateLimiter;
    private readonly CoachMetrics? _metrics;

    public CoachDispatcher(
        CommandCatalog catalog,
        IEnumerable<IMessageHandler> messageHandlers,
        IEnumerable<IButtonHandler> buttonHandlers,
        IEnumerable<IFormHandler> formHandlers,
        IOptions<DispatchOptions> options,
        ILogger<CoachDispatcher> logger)
        : this(catalog, messageHandlers, buttonHandlers, formHandlers, options, logger, rateLimiter: null, metrics: null)
    {
    }

    public CoachDispatcher(
        CommandCatalog catalog,
        IEnumerable<IMessageHandler> messageHandlers,
        IEnumerable<IButtonHandler> buttonHandlers,
        IEnumerable<IFormHandler> formHandlers,
        IOptions<DispatchOptions> options,
        ILogger<CoachDispatcher> logger,
        RequestRateLimiter? rateLimiter,
        CoachMetrics? metrics)
    {
        _rateLimiter = rateLimiter;
        _metrics = metrics;
        _catalog = catalog;
        _messageHandlers = messageHandlers.OrderBy(h => h.Order).ToArray();
        _buttonHandlers = buttonHandlers.ToDictionary(h => h.Feature, StringComparer.Ordinal);
        _formHandlers = formHandlers.ToDictionary(h => h.Feature, StringComparer.Ordinal);
        _options = options.Value;
        _logger = logger;
    }

    public CommandCatalog Catalog => _catalog;

    public async Task<IReadOnlyList<Reply>> DispatchAsync(CoachRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var scope = InteractionScope(_logger, request.Context.CorrelationId, request.Context.Conversation.ToString());
        var platform = request.Context.User.Platform.ToString();
        var kind = KindOf(request);
        _metrics?.Interaction(platform, kind);
        if (_rateLimiter is not null && !_rateLimiter.TryAcquire(request.Context, out var retryAfter))
        {
            _metrics?.RateLimited(platform);
            LogRateLimited(request.Context.User.Key);
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            return Reply.One(Reply.Ephemeral($"You're going a little fast for me. Please try again in about {seconds} seconds."));
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            return request switch
            {
                CommandRequest command => await DispatchCommandAsync(command, cancellationToken),
                MessageRequest message => await DispatchMessageAsync(message, cancellationToken),
                ButtonRequest button => await DispatchButtonAsync(button, cancellationToken),
                FormSubmitRequest form => await DispatchFormAsync(form, cancellationToken),
                _ => Reply.One(Reply.Ephemeral("I don't know how to handle that kind of request.")),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The dispatcher is the last line: any failure must become a visible reply, never silence.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandlerFailed(ex, request.GetType().Name, request.Context.CorrelationId);
            _metrics?.Failure(platform, kind);
            return Reply.One(Reply.Ephemeral(
                $"Sorry, something went wrong on my side and I couldn't finish that. Please try again in a moment. (ref {request.Context.CorrelationId})"));
        }
        finally
        {
            _metrics?.Handled(kind, Stopwatch.GetElapsedTime(started));
        }
    }

    private static string KindOf(CoachRequest request) => request switch
    {
        CommandRequest command => "command:" + command.Command.ToLowerInvariant(),
        MessageRequest => "message",
        ButtonRequest => "button",
        FormSubmitRequest => "form",
        _ => "other",
    };

    private async Task<IReadOnlyList<Reply>> DispatchCommandAsync(CommandRequest request, CancellationToken ct)
    {
        var handler = _catalog.Get(request.Command);
        if (handler is null)
        {
            LogUnknownCommand(request.Command);
            var names = string.Join(", ", _catalog.Definitions.Select(d => "/" + d.Name));
            return Reply.One(Reply.Ephemeral($"I don't know the command `/{Shorten(request.Command)}`. Try one of: {names}."));
        }

        var definition = handler.Definition;
        var sub = request.Subcommand is null ? null : definition.FindSubcommand(request.Subcommand);
        if (request.Subcommand is not null && sub is null)
        {
            return Reply.One(Reply.Ephemeral(
                $"`/{definition.Name}` has no `{Shorten(request.Subcommand)}` subcommand. Usage: `{definition.Usage()}`"));
        }

        if ((definition.ModeratorOnly || sub?.ModeratorOnly == true) && !request.Context.IsModerator)
        {
            LogModeratorRefused(request.Context.User.Key, definition.Name);
            return Reply.One(Reply.Ephemeral(
                "Sorry, only community moderators can do that. Ask a moderator if you think this should be posted."));
        }

        var cleaned = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Options)
        {
            var clean = InputText.Clean(value);
            if (clean.Length > _options.MaxInputLength)
            {
                return Reply.One(TooLong());
            }

            cleaned[name] = clean;
        }

        LogCommand(definition.Name, request.Subcommand ?? string.Empty, request.Context.User.Key);
        return await handler.HandleAsync(request with { Options = cleaned }, ct);
    }

    private async Task<IReadOnlyList<Reply>> DispatchMessageAsync(MessageRequest request, CancellationToken ct)
    {
        var text = InputText.Clean(request.Text);
        if (text.Length > _options.MaxInputLength)
        {
            return Reply.One(TooLong());
        }

        var cleaned = request with { Text = text };
        foreach (var handler in _messageHandlers)
        {
            var replies = await handler.TryHandleAsync(cleaned, ct);
            if (replies is not null)
            {
                return replies;
            }
        }

        return Reply.One(Reply.Ephemeral("I'm not sure what to do with that. Type `/help` to see what I can do."));
    }

    private async Task<IReadOnlyList<Reply>> DispatchButtonAsync(ButtonRequest request, CancellationToken ct)
    {
        if (!ButtonId.TryParse(request.ButtonId, out var id) || !_buttonHandlers.TryGetValue(id.Feature, out var handler))
        {
            LogBadButton(request.Context.User.Key);
            return Reply.One(Reply.Ephemeral("That button isn't one I recognise (it may be from an old message). Nothing was changed."));
        }

        return await handler.HandleAsync(request, id, ct);
    }

    private async Task<IReadOnlyList<Reply>> DispatchFormAsync(FormSubmitRequest request, CancellationToken ct)
    {
        if (!ButtonId.TryParse(request.FormId, out var id) || !_formHandlers.TryGetValue(id.Feature, out var handler))
        {
            return Reply.One(Reply.Ephemeral("That form isn't one I recognise. Nothing was changed."));
        }

        var cleaned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Fields)
        {
            var clean = InputText.Clean(value);
            if (clean.Length > _options.MaxInputLength)
            {
                return Reply.One(TooLong());
            }

            cleaned[name] = clean;
        }

        return await handler.HandleAsync(request with { Fields = cleaned }, ct);
    }

    private Reply TooLong() => Reply.Ephemeral(
        $"That's longer than I can take ({_options.MaxInputLength:N0} characters at most). Please shorten it and try again.");

    private static string Shorten(string text) => InputText.Truncate(InputText.Clean(text).Replace('`', '\''), 32);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler for {RequestKind} failed (correlation {CorrelationId})")]
    private partial void LogHandlerFailed(Exception exception, string requestKind, string correlationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limit reached for {User}")]
    private partial void LogRateLimited(string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unknown command /{Command}")]
    private partial void LogUnknownCommand(string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused moderator command /{Command} for {User}")]
    private partial void LogModeratorRefused(string user, string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an unknown or malformed button id from {User}")]
    private partial void LogBadButton(string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Command /{Command} {Subcommand} from {User}")]
    private partial void LogCommand(string command, string subcommand, string user);
}
