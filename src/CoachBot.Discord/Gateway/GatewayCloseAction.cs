namespace CoachBot.Discord.Gateway;

/// <summary>What to do after a gateway connection ends.</summary>
public enum GatewayCloseAction
{
    /// <summary>Reconnect to resume_gateway_url and send Resume (op 6) with the same session and last sequence.</summary>
    Resume,

    /// <summary>Forget the session; connect to the gateway URL and Identify again.</summary>
    NewSession,

    /// <summary>Do not reconnect (bad token, invalid shard, disallowed intents…): the adapter stops.</summary>
    Fatal,

    /// <summary>The adapter is shutting down.</summary>
    Stopped,
}
