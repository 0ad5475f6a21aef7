using Microsoft.Extensions.Options;
using Npgsql;

namespace CoachBot.Storage;

/// <summary>Rules that span keys of <see cref="StorageOptions"/>; each failure names the key to fix (never its value).</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail("Storage:Provider must be Sqlite or Postgres.");
        }

        if (options.Provider == StorageProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                return ValidateOptionsResult.Fail(
                    "Storage:ConnectionString is required when Storage:Provider is Postgres (e.g. Host=…;Database=coachbot;Username=…;Password=…).");
            }

            if (!IsValidPostgresConnectionString(options.ConnectionString))
            {
                return ValidateOptionsResult.Fail("Storage:ConnectionString is not a valid PostgreSQL connection string.");
            }
        }

        return ValidateOptionsResult.Success;
    }

    private static bool IsValidPostgresConnectionString(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return !string.IsNullOrWhiteSpace(builder.Host);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            return false;
        }
    }
}
