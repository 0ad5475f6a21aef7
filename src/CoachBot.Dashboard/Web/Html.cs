using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace CoachBot.Dashboard.Web;

/// <summary>Server-rendered HTML: every value is encoded here; pages only add markup they wrote themselves.</summary>
public sealed class Html
{
    private readonly StringBuilder _text = new();

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    public static string When(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    public static string Number(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Markup written by the page itself (never user text).</summary>
    public Html Raw(string markup)
    {
        _text.Append(markup);
        return this;
    }

    /// <summary>Text, encoded.</summary>
    public Html Text(string? value)
    {
        _text.Append(Encode(value));
        return this;
    }

    public Html Element(string tag, string? text, string? cssClass = null)
    {
        _text.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _text.Append(" class=\"").Append(cssClass).Append('"');
        }

        _text.Append('>').Append(Encode(text)).Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>A table of encoded cells.</summary>
    public Html Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? empty = null)
    {
        var list = rows.ToList();
        if (list.Count == 0 && empty is not null)
        {
            return Element("p", empty, "muted");
        }

        _text.Append("<table><thead><tr>");
        foreach (var header in headers)
        {
            _text.Append("<th>").Append(Encode(header)).Append("</th>");
        }

        _text.Append("</tr></thead><tbody>");
        foreach (var row in list)
        {
            _text.Append("<tr>");
            foreach (var cell in row)
            {
                _text.Append("<td>").Append(Encode(cell)).Append("</td>");
            }

            _text.Append("</tr>");
        }

        _text.Append("</tbody></table>");
        return this;
    }

    /// <summary>A labelled figure of the cards row.</summary>
    public Html Card(string label, string value) =>
        Raw("<div class=\"card\">").Text(label).Raw("<b>").Text(value).Raw("</b></div>");

    /// <summary>The hidden antiforgery field every form carries.</summary>
    public static string Antiforgery(AntiforgeryTokenSet tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return $"<input type=\"hidden\" name=\"{Encode(tokens.FormFieldName)}\" value=\"{Encode(tokens.RequestToken)}\">";
    }

    public override string ToString() => _text.ToString();
}
