using System.Net.Http;

namespace CoachBot.Ai.Llm;

/// <summary>
/// Reads the whole response body inside each attempt of the resilience pipeline. The OpenAI client asks only for the
/// headers and reads the body after the pipeline has returned, out of reach of the attempt timeout, the retry and the
/// circuit breaker: a model that sent headers and then stalled would hang the call, and a body cut off mid-way would
/// never be retried nor counted as a failure. Chat answers are not streamed here, so buffering costs nothing.
/// A body that breaks off becomes an <see cref="HttpRequestException"/>, which the pipeline treats as transient.
/// </summary>
public sealed class LlmResponseBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
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
