namespace CoachBot.Discord.Models;

/// <summary>The body of <c>POST /interactions/{id}/{token}/callback</c>.</summary>
public sealed class InteractionResponse
{
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
    public const int DeferredUpdateMessage = 6;
    public const int UpdateMessage = 7;
    public const int Modal = 9;

    public int Type { get; init; }

    /// <summary>A <see cref="MessagePayload"/>, a <see cref="DeferredResponseData"/> or a <see cref="ModalData"/>.</summary>
    public object? Data { get; init; }

    public static InteractionResponse Deferred(bool ephemeral) =>
        new() { Type = DeferredChannelMessageWithSource, Data = ephemeral ? new DeferredResponseData { Flags = MessageFlags.Ephemeral } : null };

    public static InteractionResponse DeferredUpdate() => new() { Type = DeferredUpdateMessage };
}
