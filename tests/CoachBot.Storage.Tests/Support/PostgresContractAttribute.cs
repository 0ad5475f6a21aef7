namespace CoachBot.Storage.Tests.Support;

/// <summary>Marks a contract-suite class that runs against PostgreSQL, so its <see cref="StoreFactAttribute"/> tests skip when no server is configured.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PostgresContractAttribute : Attribute;
