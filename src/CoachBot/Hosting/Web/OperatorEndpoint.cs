namespace CoachBot.Hosting.Web;

/// <summary>Endpoint metadata marking <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>, which belong on the management listener when there is one.</summary>
public sealed class OperatorEndpoint
{
    public static OperatorEndpoint Instance { get; } = new();

    private OperatorEndpoint()
    {
    }
}
