using System.Globalization;

namespace CoachBot.Discord.Gateway;

/// <summary>A gateway message grew past <see cref="GatewayConnectionSettings.MaxFrameBytes"/>; the connection was closed.</summary>
#pragma warning disable CA1064 // Internal: caught inside the gateway client only, never crosses the assembly.
internal sealed class GatewayFrameTooLargeException(int maxBytes)
#pragma warning restore CA1064
    : Exception(string.Create(CultureInfo.InvariantCulture, $"A gateway message passed {maxBytes} bytes."));
