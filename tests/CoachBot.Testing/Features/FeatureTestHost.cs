using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Testing.Features;

/// <summary>
/// Features composed the way the host composes them (their AddX() methods over an in-memory configuration), with a
/// fake clock and a data folder of their own. Build one with <see cref="Create"/>; requests go through the real
/// dispatcher. Disposing stops the services and deletes the folder if the host created it.
/// </summary>
public sealed class FeatureTestHost : IAsyncDisposable
{
    /// <summary>Where a host's fake clock starts unless the test sets it.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly Action _cleanUp;

    internal FeatureTestHost(ServiceProvider services, FakeTimeProvider? time, string dataDirectory, Action cleanUp)
    {
        _services = services;
        _cleanUp = cleanUp;
        Time = time;
        DataDirectory = dataDirectory;
    }

    /// <summary>The host's clock, or null when it runs on the system clock.</summary>
    public FakeTimeProvider? Time { get; }

    /// <summary>The folder <c>Storage:DataDirectory</c> points at.</summary>
    public string DataDirectory { get; }

    public IServiceProvider Services => _services;

    public CoachDispatcher Dispatcher => _services.GetRequiredService<CoachDispatcher>();

    public static FeatureTestHostBuilder Create() => new();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _cleanUp();
    }
}
