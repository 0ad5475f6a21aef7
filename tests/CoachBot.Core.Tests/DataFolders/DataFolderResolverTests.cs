using CoachBot.Core.DataFolders;

namespace CoachBot.Core.Tests.DataFolders;

public sealed class DataFolderResolverTests : IDisposable
{
    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "coachbot-datafolders-" + Guid.NewGuid().ToString("N"))).FullName;

    [Fact]
    public void Resolve_ConfiguredPath_WinsEvenWhenAFolderIsFoundUpwards()
    {
        var start = Tree("app", "prompts");

        var folder = DataFolderResolver.Resolve(Path.Combine(_root, "elsewhere"), "prompts", _ => true, [start]);

        Assert.Equal(Path.Combine(_root, "elsewhere"), folder);
    }

    [Fact]
    public void Resolve_Unconfigured_TakesTheFirstSearchStartThatHasOne()
    {
        var working = Tree("working", "prompts");
        var app = Tree("app", "prompts");

        Assert.Equal(Path.Combine(working, "prompts"), DataFolderResolver.Resolve(null, "prompts", _ => true, [working, app]));
        Assert.Equal(Path.Combine(app, "prompts"), DataFolderResolver.Resolve(" ", "prompts", _ => true, [Path.Combine(_root, "empty"), app]));
    }

    [Fact]
    public void Resolve_SkipsAFolderTheCallerDoesNotAccept()
    {
        var nested = Tree(Path.Combine("outer", "inner"), "knowledge");
        Directory.CreateDirectory(Path.Combine(_root, "outer", "knowledge", "guides"));

        var folder = DataFolderResolver.Resolve(null, "knowledge", f => Directory.Exists(Path.Combine(f, "guides")), [nested]);

        Assert.Equal(Path.Combine(_root, "outer", "knowledge"), folder);
    }

    [Fact]
    public void Resolve_NothingFound_IsNull()
    {
        Assert.Null(DataFolderResolver.Resolve(null, "no-such-folder-" + Guid.NewGuid().ToString("N"), _ => true, [_root]));
    }

    [Fact]
    public void SearchStarts_AreTheWorkingDirectoryThenTheAppFolder()
    {
        Assert.Equal([Directory.GetCurrentDirectory(), AppContext.BaseDirectory], DataFolderResolver.SearchStarts());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    // Creates <root>/<start>/<folder> and returns <root>/<start>.
    private string Tree(string start, string folder)
    {
        var path = Path.Combine(_root, start);
        Directory.CreateDirectory(Path.Combine(path, folder));
        return path;
    }
}
