using Xunit;

namespace CoachBot.Testing.Safety;

/// <summary>
/// <see cref="PathologicalText.All"/> as theory data (name, text), for every renderer's and parser's tests. Kept apart
/// from <see cref="PathologicalText"/>, which the benchmarks link without xUnit.
/// </summary>
public static class PathologicalCases
{
    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, text) in PathologicalText.All)
        {
            data.Add(name, text);
        }

        return data;
    }
}
