using System.Net.Http;

namespace CoachBot.Ai.Llm;

/// <summary>
/// Reads the whole response body inside each attempt of the resilience pipeline. The OpenAI client asks only for the
/// headers and reads the body after the pipeline has returned, out of reach of the attempt timeout, the retry and the
/// circuit breaker: a model that sent headers and then stalled would hang the call, and a body cut off mid-way would
/// never be retried nor counted as a failure. A body that breaks off becomes an <see cref="HttpRequestException"/>,
/// which the pipeline treats as transient. A streamed answer (<c>text/event-stream</c>) is passed on unread: buffering
/// it would hold every token back until the last, and <see cref="PromptRunner.StreamAsync"/> bounds its reading itself.
/// </summary>
public sealed class LlmResponseBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            return response;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (IOException ex)
        {
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The model's response ended before its body was complete.", ex);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
