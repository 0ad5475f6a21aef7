namespace CoachBot.Host.Tests.Durability;

/// <summary>
/// What every kill-and-restart test of the built bot shares, whatever the platform: a data folder for the SQLite file
/// the runs share, and a fake LLM whose behaviour (answer, hang, delay) the test switches while the bot runs.
/// </summary>
public sealed class DurabilityRig(string folderPrefix, FakeChatResponse behaviour) : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Only a guard against a hang; nothing is measured.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(90);

    private volatile FakeChatResponse _behaviour = behaviour;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), folderPrefix + "-" + Guid.NewGuid().ToString("N"));

    public FakeOpenAiServer Llm { get; private set; } = null!;

    /// <summary>How the fake LLM answers the next request.</summary>
    public FakeChatResponse LlmBehaviour
    {
        get => _behaviour;
        set => _behaviour = value;
    }

    /// <summary>The bot's settings: the shared data folder and the fake LLM, then the platform's, then the test's.</summary>
    public Dictionary<string, string> Settings(IEnumerable<KeyValuePair<string, string>> platform, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Llm:Endpoint"] = Llm.BaseUrl.ToString(),
            ["Llm:ChatModel"] = "fake-model",
            ["Llm:ApiKey"] = "sk-durability-test",
            ["Llm:TimeoutSeconds"] = "120",
        };
        foreach (var (key, value) in platform)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        Llm = await FakeOpenAiServer.StartAsync();
        Llm.Responder = _ => _behaviour;
    }

    public async Task DisposeAsync()
    {
        await Llm.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the killed process on some platforms; the OS cleans its temp folder.
        }
    }
}
