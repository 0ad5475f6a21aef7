using System.Text.Json;
using CoachBot.Core.Dispatch;
using CoachBot.Discord.Messages;
using CoachBot.Discord.Models;

namespace CoachBot.Discord.Interactions;

/// <summary>
/// Translates an interaction into the core request it stands for (command, button click or form submit). User and
/// channel options (already ids) also fill <see cref="CommandRequest.MentionedIds"/>; text typed into string options
/// and form fields has Discord's mention markup decoded (<see cref="DiscordTextDecoder"/>).
/// </summary>
public static class InteractionRequestFactory
{
    private const int StringOption = 3;
    private const int UserOption = 6;
    private const int ChannelOption = 7;

    /// <summary>Null for interaction types the coach doesn't handle (ping, autocomplete, selects without a custom id).</summary>
    public static CoachRequest? Create(DiscordInteraction interaction, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var data = interaction.Data;
        if (data is null)
        {
            return null;
        }

        switch (interaction.Type)
        {
            case DiscordInteraction.ApplicationCommand when !string.IsNullOrEmpty(data.Name):
                string? subcommand = null;
                var options = data.Options;
                var sub = options.FirstOrDefault(o => o.Type is InteractionDataOption.SubCommand or InteractionDataOption.SubCommandGroup);
                if (sub is not null)
                {
                    // The core has no subcommand groups: a group's inner subcommand is used as the subcommand.
                    var inner = sub.Type == InteractionDataOption.SubCommandGroup && sub.Options.Count > 0 ? sub.Options[0] : null;
                    subcommand = inner?.Name ?? sub.Name;
                    options = inner?.Options ?? sub.Options;
                }

                var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                var mentioned = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var option in options)
                {
                    if (option.Value is not { } value)
                    {
                        continue;
                    }

                    var text = Text(value);
                    switch (option.Type)
                    {
                        case UserOption or ChannelOption when text.Length > 0:
                            values[option.Name] = text;
                            mentioned[option.Name] = text;
                            break;
                        case StringOption:
                            values[option.Name] = DiscordTextDecoder.ToPlain(text);
                            break;
                        default:
                            values[option.Name] = text;
                            break;
                    }
                }

                return new CommandRequest(context, data.Name, subcommand, values) { MentionedIds = mentioned };
            case DiscordInteraction.MessageComponent when !string.IsNullOrEmpty(data.CustomId):
                return new ButtonRequest(context, data.CustomId);
            case DiscordInteraction.ModalSubmit when !string.IsNullOrEmpty(data.CustomId):
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                if (data.Components is { } components)
                {
                    CollectTextInputs(components, fields);
                }

                return new FormSubmitRequest(context, data.CustomId, fields);
            default:
                return null;
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    /// <summary>Finds text inputs (type 4) at any depth: label-wrapped (type 18) or in legacy action rows.</summary>
    private static void CollectTextInputs(JsonElement element, Dictionary<string, string> fields)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectTextInputs(item, fields);
                }

                break;
            case JsonValueKind.Object:
                if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number && type.GetInt32() == 4
                    && element.TryGetProperty("custom_id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    fields[id.GetString()!] = element.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? DiscordTextDecoder.ToPlain(v.GetString()) : string.Empty;
                    return;
                }

                if (element.TryGetProperty("component", out var inner))
                {
                    CollectTextInputs(inner, fields);
                }

                if (element.TryGetProperty("components", out var children))
                {
                    CollectTextInputs(children, fields);
                }

                break;
        }
    }
}
