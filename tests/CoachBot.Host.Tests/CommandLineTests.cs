using CoachBot.Cli;

namespace CoachBot.Host.Tests;

public class CommandLineTests
{
    [Fact]
    public async Task Run_InvalidSetting_ExitsWithConfigurationErrorNamingTheKey()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = CoachCommandLine.Create(output, error);

        var code = await root.Parse(["--Terminal:UserName=", "--Terminal:Enabled=false"]).InvokeAsync();

        Assert.Equal(CoachCommandLine.ConfigurationError, code);
        Assert.Contains("Terminal:UserName:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WithoutQuestion_PrintsUsageAndFails()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = CoachCommandLine.Create(output, error);

        var code = await root.Parse(["ask", " "]).InvokeAsync();

        Assert.Equal(1, code);
        Assert.Contains("Usage: ask", error.ToString(), StringComparison.Ordinal);
    }
}
