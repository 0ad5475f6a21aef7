namespace CoachBot.Hosting;

/// <summary>A configuration problem found outside options validation; its message names the key and never a secret value.</summary>
public sealed class ConfigurationErrorException(string message) : Exception(message);
