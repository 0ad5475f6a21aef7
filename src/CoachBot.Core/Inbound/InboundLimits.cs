namespace CoachBot.Core.Inbound;

/// <summary>Column lengths of the inbox; every implementation rejects longer values the same way.</summary>
public static class InboundLimits
{
    public const int PlatformLength = 16;

    public const int DeliveryKeyLength = 200;

    public const int KindLength = 32;

    /// <summary>The id of the process holding a row's lease.</summary>
    public const int ClaimantLength = 64;

    /// <summary>Throws <see cref="ArgumentException"/> when a field is empty or longer than its column.</summary>
    public static void Validate(InboundDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        Check(delivery.Platform, PlatformLength, nameof(delivery.Platform));
        Check(delivery.DeliveryKey, DeliveryKeyLength, nameof(delivery.DeliveryKey));
        Check(delivery.Kind, KindLength, nameof(delivery.Kind));
        ArgumentNullException.ThrowIfNull(delivery.Payload);
    }

    private static void Check(string value, int length, string name)
    {
        if (string.IsNullOrEmpty(value) || value.Length > length)
        {
            throw new ArgumentException($"Inbound delivery {name} must be 1 to {length} characters.", name);
        }
    }
}
