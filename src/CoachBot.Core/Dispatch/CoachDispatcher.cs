using System.Diagnostics;
using CoachBot.Core.Commands;
using CoachBot.Core.Diagnostics;
using CoachBot.Core.Replies;
using CoachBot.Core.Safety;
using CoachBot.Core.Work;
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
    private readonly IRequestRateLimiter? _rateLimiter;
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
        IRequestRateLimiter? rateLimiter,
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

    /// <summary>The answer to a non-moderator's moderator command, on every platform.</summary>
    public const string ModeratorRefusal = "Sorry, only community moderators can do that. Ask a moderator if you think this should be posted.";

    public CommandCatalog Catalog => _catalog;

    /// <summary>Screens the request, then handles it unless it was refused.</summary>
    public async Task<IReadOnlyList<Reply>> DispatchAsync(CoachRequest request, CancellationToken cancellationToken) =>
        await DispatchAsync(await ScreenAsync(request, cancellationToken), cancellationToken);

    /// <summary>
    /// Everything decided before any work: rate limit (in process, or one round trip to PostgreSQL when the limits are
    /// shared), unknown command or subcommand, moderator rights, input length, unknown button or form. Counts the
    /// request once (metrics, rate limit), so pass the result to
    /// <see cref="DispatchAsync(DispatchScreening, CancellationToken)"/> rather than dispatching the request again.
    /// </summary>
    public async ValueTask<DispatchScreening> ScreenAsync(CoachRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var scope = InteractionScope(_logger, request.Context.CorrelationId, request.Context.Conversation.ToString());
        var platform = request.Context.User.Platform.ToString();
        _metrics?.Interaction(platform, KindOf(request));
        if (_rateLimiter is not null && await _rateLimiter.TryAcquireAsync(request.Context, cancellationToken) is { Allowed: false } decision)
        {
            _metrics?.RateLimited(platform);
            LogRateLimited(request.Context.User.Key);
            var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
            return Refused(request, $"You're going a little fast for me. Please try again in about {seconds} seconds.");
        }

        return request switch
        {
            CommandRequest command => ScreenCommand(command),
            MessageRequest message => ScreenMessage(message),
            ButtonRequest button => ScreenButton(button),
            FormSubmitRequest form => ScreenForm(form),
            _ => Refused(request, "I don't know how to handle that kind of request."),
        };
    }

    /// <summary>Handles a screened request: a refusal is returned as it is; anything else goes to its handler.</summary>
    public async Task<IReadOnlyList<Reply>> DispatchAsync(DispatchScreening screening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(screening);
        if (screening.Refusal is { } refusal)
        {
            return refusal;
        }

        var request = screening.Request;
        using var scope = InteractionScope(_logger, request.Context.CorrelationId, request.Context.Conversation.ToString());
        var platform = request.Context.User.Platform.ToString();
        var kind = KindOf(request);
        var started = Stopwatch.GetTimestamp();
        // Everything the handler does is on behalf of this person and community (the model's fair queue reads it).
        WorkOwner.Current = WorkOwner.Of(request.Context);
        try
        {
            return request switch
            {
                CommandRequest command => await _catalog.Get(command.Command)!.HandleAsync(command, cancellationToken),
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
            return Reply.One(Reply.Ephemeral(Apology.For(request.Context.CorrelationId)));
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

    private static DispatchScreening Refused(CoachRequest request, string text) =>
        new(request, Reply.One(Reply.Ephemeral(text)), ReplyVisibility.Ephemeral);

    private DispatchScreening ScreenCommand(CommandRequest request)
    {
        var handler = _catalog.Get(request.Command);
        if (handler is null)
        {
            LogUnknownCommand(request.Command);
            var names = string.Join(", ", _catalog.Definitions.Select(d => "/" + d.Name));
            return Refused(request, $"I don't know the command `/{Shorten(request.Command)}`. Try one of: {names}.");
        }

        var definition = handler.Definition;
        var sub = request.Subcommand is null ? null : definition.FindSubcommand(request.Subcommand);
        if (request.Subcommand is not null && sub is null)
        {
            return Refused(request, $"`/{definition.Name}` has no `{Shorten(request.Subcommand)}` subcommand. Usage: `{definition.Usage()}`");
        }

        if ((definition.ModeratorOnly || sub?.ModeratorOnly == true) && !request.Context.IsModerator)
        {
            LogModeratorRefused(request.Context.User.Key, definition.Name);
            return Refused(request, ModeratorRefusal);
        }

        var cleaned = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Options)
        {
            var clean = InputText.Clean(value);
            if (clean.Length > _options.MaxInputLength)
            {
                return new DispatchScreening(request, Reply.One(TooLong()), ReplyVisibility.Ephemeral);
            }

            cleaned[name] = clean;
        }

        LogCommand(definition.Name, request.Subcommand ?? string.Empty, request.Context.User.Key);
        var accepted = request with { Options = cleaned };
        return new DispatchScreening(accepted, null, handler.FirstReplyVisibility(accepted));
    }

    private DispatchScreening ScreenMessage(MessageRequest request)
    {
        var text = InputText.Clean(request.Text);
        return text.Length > _options.MaxInputLength
            ? new DispatchScreening(request, Reply.One(TooLong()), ReplyVisibility.Ephemeral)
            : new DispatchScreening(request with { Text = text }, null, ReplyVisibility.Public);
    }

    private DispatchScreening ScreenButton(ButtonRequest request)
    {
        if (!ButtonId.TryParse(request.ButtonId, out var id) || !_buttonHandlers.ContainsKey(id.Feature))
        {
            LogBadButton(request.Context.User.Key);
            return Refused(request, "That button isn't one I recognise (it may be from an old message). Nothing was changed.");
        }

        return new DispatchScreening(request, null, ReplyVisibility.Public);
    }

    private DispatchScreening ScreenForm(FormSubmitRequest request)
    {
        if (!ButtonId.TryParse(request.FormId, out var id) || !_formHandlers.ContainsKey(id.Feature))
        {
            return Refused(request, "That form isn't one I recognise. Nothing was changed.");
        }

        var cleaned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Fields)
        {
            var clean = InputText.Clean(value);
            if (clean.Length > _options.MaxInputLength)
            {
                return new DispatchScreening(request, Reply.One(TooLong()), ReplyVisibility.Ephemeral);
            }

            cleaned[name] = clean;
        }

        return new DispatchScreening(request with { Fields = cleaned }, null, ReplyVisibility.Public);
    }

    private async Task<IReadOnlyList<Reply>> DispatchMessageAsync(MessageRequest request, CancellationToken ct)
    {
        foreach (var handler in _messageHandlers)
        {
            var replies = await handler.TryHandleAsync(request, ct);
            if (replies is not null)
            {
                return replies;
            }
        }

        return Reply.One(Reply.Ephemeral("I'm not sure what to do with that. Type `/help` to see what I can do."));
    }

    private Task<IReadOnlyList<Reply>> DispatchButtonAsync(ButtonRequest request, CancellationToken ct)
    {
        // Screening already refused malformed ids and unknown features.
        return ButtonId.TryParse(request.ButtonId, out var id)
            ? _buttonHandlers[id.Feature].HandleAsync(request, id, ct)
            : throw new InvalidOperationException("An unscreened button request reached the dispatcher.");
    }

    private Task<IReadOnlyList<Reply>> DispatchFormAsync(FormSubmitRequest request, CancellationToken ct)
    {
        return ButtonId.TryParse(request.FormId, out var id)
            ? _formHandlers[id.Feature].HandleAsync(request, ct)
            : throw new InvalidOperationException("An unscreened form request reached the dispatcher.");
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
