namespace CoachBot.Storage.Tests.Support;

/// <summary>Tests sharing the run's PostgreSQL database run one at a time (each empties the tables first).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresRunDatabase
{
    public const string Name = "PostgreSQL run database";
}
