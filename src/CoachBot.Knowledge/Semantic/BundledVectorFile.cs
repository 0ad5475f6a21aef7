using System.Text;

namespace CoachBot.Knowledge.Semantic;

/// <summary>
/// Vectors of the knowledge base's own texts, made by a model ahead of time and kept beside the guides
/// (<c>knowledge/vectors/&lt;model&gt;.vectors</c>), so a first start on a new machine (an empty database) reads them
/// instead of spending 15–30 s embedding 1,200 texts while questions are searched lexically only. The warm-up takes a
/// vector from here only for a text whose hash and model match and stores it in the bot's database as if it had
/// embedded it; a text edited since the file was written is embedded as before. Written by
/// <c>dotnet run --project src/CoachBot -- export-vectors</c>.
/// <para>
/// Format (little-endian): the magic <c>CBVEC1</c>, the model id (a length-prefixed UTF-8 string), the dimensions
/// (int32) and the count (int32), then per vector its text hash (64 ASCII hex digits) and its floats (float32 each).
/// </para>
/// </summary>
public static class BundledVectorFile
{
    private static readonly byte[] Magic = "CBVEC1"u8.ToArray();

    /// <summary>The file of <paramref name="modelId"/> under a knowledge folder.</summary>
    public static string PathFor(string knowledgeDirectory, string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var name = new string([.. modelId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')]);
        return Path.Combine(knowledgeDirectory, "vectors", name + ".vectors");
    }

    public static void Write(string path, string modelId, int dimensions, IEnumerable<StoredVector> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var list = vectors.OrderBy(vector => vector.TextHash, StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(modelId);
        writer.Write(dimensions);
        writer.Write(list.Count);
        foreach (var vector in list)
        {
            if (vector.TextHash.Length != TextHash.Length || vector.Vector.Length != dimensions)
            {
                throw new ArgumentException($"Vector {vector.TextHash} has {vector.Vector.Length} dimensions (expected {dimensions}) or a malformed hash.", nameof(vectors));
            }

            writer.Write(Encoding.ASCII.GetBytes(vector.TextHash));
            foreach (var value in vector.Vector)
            {
                writer.Write(value);
            }
        }
    }

    /// <summary>
    /// The file's vectors by text hash, or an empty map when there is no file, it is of another model or size, or it is
    /// damaged (the warm-up then embeds, as it always could).
    /// </summary>
    public static IReadOnlyDictionary<string, float[]> Read(string path, string modelId, int dimensions)
    {
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return vectors;
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadString() != modelId || reader.ReadInt32() != dimensions)
            {
                return vectors;
            }

            var count = reader.ReadInt32();
            if (count < 0 || (long)count * (TextHash.Length + (4L * dimensions)) > stream.Length)
            {
                return vectors;
            }

            for (var i = 0; i < count; i++)
            {
                var hash = Encoding.ASCII.GetString(reader.ReadBytes(TextHash.Length));
                var vector = new float[dimensions];
                for (var d = 0; d < dimensions; d++)
                {
                    vector[d] = reader.ReadSingle();
                }

                vectors[hash] = vector;
            }

            return vectors;
        }
        catch (Exception exception) when (exception is EndOfStreamException or IOException or UnauthorizedAccessException or FormatException)
        {
            return new Dictionary<string, float[]>(StringComparer.Ordinal);
        }
    }
}
