using System.Globalization;
using System.Resources;
using System.Text;

[assembly: NeutralResourcesLanguage("en")]

namespace Cnucnm.Nutrition.Messages;

/// <summary>
/// The message catalogue: one template per <see cref="ServerMessage.Code"/> in English (<c>Resources/Messages/ServerText.resx</c>)
/// and Korean (<c>ServerText.ko.resx</c>). The API reads it through ASP.NET Core localisation (<c>IStringLocalizer&lt;ServerText&gt;</c>,
/// ResourcesPath <c>Resources</c>); grains and the command line render the English text of what they store with <see cref="English"/>.
/// </summary>
public sealed class ServerText
{
    /// <summary>The resources' base name (root namespace + Resources + this type's namespace tail + name), as
    /// ResourceManagerStringLocalizerFactory computes it for ResourcesPath "Resources".</summary>
    public const string BaseName = "Cnucnm.Nutrition.Resources.Messages.ServerText";

    public static readonly ResourceManager Resources = new(BaseName, typeof(ServerText).Assembly);

    public static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en");

    public static readonly CultureInfo KoreanCulture = CultureInfo.GetCultureInfo("ko");

    /// <summary>The message in English (what stored texts, logs and e-mails without a language carry).</summary>
    public static string English(ServerMessage message) => Render(message, code => Resources.GetString(code, EnglishCulture));

    /// <summary>The message in <paramref name="culture"/> (English where the catalogue has no such code at all: the code itself).</summary>
    public static string In(ServerMessage message, CultureInfo culture) => Render(message, code => Resources.GetString(code, culture));

    /// <summary>Fills a template: <c>{name}</c> is the argument, <c>{name:term}</c> the catalogue's <c>term.&lt;value&gt;</c> (else the
    /// value; likewise <c>{unit:unit}</c>, <c>{phase:phase}</c>), <c>{items}</c> the rendered <see cref="ServerMessage.Items"/> joined by "; "
    /// (<c>{items|sep}</c>: joined by sep).</summary>
    public static string Render(ServerMessage message, Func<string, string?> template)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(template);
        var text = template(message.Code);
        if (text is null)
        {
            return message.Code;
        }

        // A template that starts with ^ begins with a capital letter whatever its first argument (English sentences of clauses).
        var capitalise = text.StartsWith('^');
        if (capitalise)
        {
            text = text[1..];
        }

        var result = new StringBuilder(text.Length + 32);
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf('{', at);
            var close = open < 0 ? -1 : text.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                result.Append(text, at, text.Length - at);
                break;
            }

            result.Append(text, at, open - at);
            var placeholder = text[(open + 1)..close];
            var colon = placeholder.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? placeholder : placeholder[..colon];
            if (placeholder == "items" || placeholder.StartsWith("items|", StringComparison.Ordinal))
            {
                // {items} joins with "; ", {items|sep} with sep (e.g. {items| } for sentences, {items|: } for clauses).
                result.AppendJoin(placeholder == "items" ? "; " : placeholder["items|".Length..], (message.Items ?? []).Select(item => Render(item, template)));
            }
            else if (message.Args.TryGetValue(name, out var value))
            {
                result.Append(colon >= 0 ? template($"{placeholder[(colon + 1)..]}.{value}") ?? value : value);
            }
            else
            {
                result.Append('{').Append(placeholder).Append('}');
            }

            at = close + 1;
        }

        if (capitalise && result.Length > 0)
        {
            result[0] = char.ToUpperInvariant(result[0]);
        }

        return result.ToString();
    }

    /// <summary>Every code of the catalogue in <paramref name="culture"/> alone (no fallback), for the completeness test.</summary>
    public static IReadOnlyDictionary<string, string> Entries(CultureInfo culture)
    {
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        return set is null
            ? new Dictionary<string, string>()
            : set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }
}
