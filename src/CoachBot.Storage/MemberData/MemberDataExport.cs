using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Storage.MemberData;

/// <summary>One member's data, table by table (table name → rows), ready to serialise as the <c>/mydata export</c> file.</summary>
public sealed record MemberDataExport(string Member, DateTimeOffset ExportedAt, IReadOnlyDictionary<string, IReadOnlyList<object>> Tables)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        Converters = { new JsonStringEnumConverter() },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public int RowCount => Tables.Values.Sum(t => t.Count);

    /// <summary>UTF-8 JSON: <c>{ "member", "exportedAt", "tables": { "quiz_answers": [ … ], … } }</c>.</summary>
    public byte[] ToJsonUtf8() => JsonSerializer.SerializeToUtf8Bytes(
        new { member = Member, exportedAt = ExportedAt, tables = Tables },
        Json);
}
