namespace CoachBot.Knowledge;

/// <summary>A knowledge file (guide, synonym list, expansion file) is malformed. The message names the file and, where known, the line.</summary>
public sealed class KnowledgeFormatException : Exception
{
    public KnowledgeFormatException(string filePath, string problem, Exception? innerException = null)
        : base($"{filePath}: {problem}", innerException)
    {
        FilePath = filePath;
    }

    public string FilePath { get; }
}
