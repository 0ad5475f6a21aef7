using System.Buffers.Binary;
using CoachBot.Storage;
using CoachBot.Testing.Files;
using Microsoft.Data.Sqlite;

namespace CoachBot.Host.Tests.Terminal;

/// <summary>In the terminal, <c>/progress</c> prints the competency map as a text bar chart and <c>--chart FILE</c> writes the PNG.</summary>
public sealed class TerminalProgressChartTests
{
    [Fact]
    public async Task Progress_with_chart_prints_the_text_bars_and_writes_the_same_png()
    {
        using var folder = new TempDirectory("coachbot-chart", SqliteConnection.ClearAllPools);
        var chart = Path.Combine(folder.Path, "progress.png");
        await using (var services = CoachCommandLine.BuildServices(["--Storage:DataDirectory=" + Path.Combine(folder.Path, "data")]))
        {
            await services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
            var output = new StringWriter();
            var chat = new TerminalChat(services.GetRequiredService<CoachDispatcher>(), new StringReader($"/quiz databases 3\n1\n1\n1\n/progress --chart {chart}\n"), output, "tester", interactive: false);
            await chat.RunAsync(CancellationToken.None);
            var transcript = output.ToString();

            Assert.Contains("Competency map", transcript, StringComparison.Ordinal);
            Assert.Matches(@"Relational databases and SQL [█░]{20} +\d+% \(3\)", transcript);
            Assert.Contains("···················· not tried", transcript, StringComparison.Ordinal);
            Assert.Contains("Chart written to " + chart, transcript, StringComparison.Ordinal);
        }

        var png = await File.ReadAllBytesAsync(chart);
        Assert.Equal(0x89, png[0]);
        Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
    }
}
