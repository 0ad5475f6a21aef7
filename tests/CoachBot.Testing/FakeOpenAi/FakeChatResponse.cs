namespace CoachBot.Testing.FakeOpenAi;

/// <summary>What the fake server does with the next chat-completions request.</summary>
public abstract record FakeChatResponse
{
    /// <summary>A normal completion whose assistant message is <paramref name="Content"/>.</summary>
    public static FakeChatResponse Text(string content) => new TextResponse(content);

    /// <summary>An OpenAI-style error body with this status (500, 429, 401…).</summary>
    public static FakeChatResponse Status(HttpStatusCode status, string message = "The server had an error while processing your request.") =>
        new StatusResponse(status, message);

    /// <summary>Never answers until the client gives up (or the server stops).</summary>
    public static FakeChatResponse Hang() => new HangResponse();

    /// <summary>A 200 whose body is not valid JSON.</summary>
    public static FakeChatResponse Malformed(string body = "{\"id\": \"chatcmpl-x\", \"choices\": [ {\"message\": ") => new MalformedResponse(body);

    /// <summary>
    /// A normal completion whose headers promise the whole body (Content-Length) but whose connection is cut after
    /// half of it, as when a proxy or the server dies mid-response.
    /// </summary>
    public static FakeChatResponse Truncated(string content = "This answer never arrives whole [P1].") => new TruncatedResponse(content);

    /// <summary>Sends the headers and the first bytes of a completion, then stops sending until the client gives up.</summary>
    public static FakeChatResponse StalledBody(string content = "This answer never finishes [P1].") => new StalledBodyResponse(content);

    /// <summary>Answers with <paramref name="then"/> after a delay.</summary>
    public static FakeChatResponse Delayed(TimeSpan delay, FakeChatResponse then) => new DelayedResponse(delay, then);

    /// <summary>Answers with <paramref name="then"/> once <paramref name="release"/> completes (the test decides when).</summary>
    public static FakeChatResponse Held(Task release, FakeChatResponse then) => new HeldResponse(release, then);

    /// <summary>
    /// A 302 to <see cref="FakeOpenAiServer.RedirectTarget"/> on the same server, which answers a completion if a client
    /// follows it (and records that it did in <see cref="FakeOpenAiServer.RedirectedRequests"/>).
    /// </summary>
    public static FakeChatResponse Redirect() => new RedirectResponse();

    /// <summary>
    /// To a streaming request (<c>"stream": true</c>): the first <paramref name="afterTokens"/> tokens of
    /// <paramref name="content"/> as chunks, then the connection is cut, as when the model's server dies mid-answer.
    /// To a plain request: a cut-off body, like <see cref="Truncated"/>.
    /// </summary>
    public static FakeChatResponse BreaksOffMidStream(string content = "This answer breaks off half way through [P1].", int afterTokens = 3) =>
        new BreaksOffResponse(content, afterTokens);

    public sealed record TextResponse(string Content) : FakeChatResponse;

    public sealed record BreaksOffResponse(string Content, int AfterTokens) : FakeChatResponse;

    public sealed record RedirectResponse : FakeChatResponse;

    public sealed record StatusResponse(HttpStatusCode StatusCode, string Message) : FakeChatResponse;

    public sealed record HangResponse : FakeChatResponse;

    public sealed record MalformedResponse(string Body) : FakeChatResponse;

    public sealed record TruncatedResponse(string Content) : FakeChatResponse;

    public sealed record StalledBodyResponse(string Content) : FakeChatResponse;

    public sealed record DelayedResponse(TimeSpan Delay, FakeChatResponse Then) : FakeChatResponse;

    public sealed record HeldResponse(Task Release, FakeChatResponse Then) : FakeChatResponse;
}
