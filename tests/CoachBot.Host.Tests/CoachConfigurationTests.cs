using Microsoft.Extensions.Hosting;

namespace CoachBot.Host.Tests;

/// <summary>The operator's appsettings.json in the working directory overrides the shipped one; the command line overrides both.</summary>
public sealed class CoachConfigurationTests : IDisposable
{
    private readonly string _binary = NewFolder();
    private readonly string _operator = NewFolder();

    public void Dispose()
    {
        Directory.Delete(_binary, recursive: true);
        Directory.Delete(_operator, recursive: true);
    }

    [Fact]
    public void AddSources_OperatorFileInTheWorkingDirectory_OverridesTheShippedFile()
    {
        File.WriteAllText(Path.Combine(_binary, "appsettings.json"), """{ "Terminal": { "UserName": "shipped" }, "Quiz": { "DefaultQuestionCount": 4 } }""");
        File.WriteAllText(Path.Combine(_operator, "appsettings.json"), """{ "Terminal": { "UserName": "operator" } }""");
        File.WriteAllText(Path.Combine(_operator, "appsettings.Production.json"), """{ "Interview": { "DefaultLevel": "senior" } }""");

        var configuration = Build([]);

        Assert.Equal("operator", configuration["Terminal:UserName"]);
        Assert.Equal("senior", configuration["Interview:DefaultLevel"]);
        Assert.Equal("4", configuration["Quiz:DefaultQuestionCount"]);
    }

    [Fact]
    public void AddSources_CommandLine_StillOverridesTheOperatorFile()
    {
        File.WriteAllText(Path.Combine(_operator, "appsettings.json"), """{ "Terminal": { "UserName": "operator" } }""");

        var configuration = Build(["--Terminal:UserName=from-args"]);

        Assert.Equal("from-args", configuration["Terminal:UserName"]);
    }

    private Microsoft.Extensions.Configuration.ConfigurationManager Build(string[] args)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = _binary,
            EnvironmentName = Environments.Production,
        });
        CoachConfiguration.AddSources(builder.Configuration, builder.Environment.EnvironmentName, _operator);
        return builder.Configuration;
    }

    private static string NewFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "coachbot-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
