namespace CoachBot.Storage.Tests.Support;

/// <summary>
/// A contract test, declared once on an abstract suite and run by each provider's subclass. The decision to skip
/// depends on the subclass (a <see cref="PostgresContractAttribute"/> class without a configured server), which a
/// plain attribute constructor cannot see, hence the discoverer.
/// </summary>
[XunitTestCaseDiscoverer("CoachBot.Storage.Tests.Support.StoreFactDiscoverer", "CoachBot.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;
