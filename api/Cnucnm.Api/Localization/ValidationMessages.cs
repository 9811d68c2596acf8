using System.Text.RegularExpressions;
using Cnucnm.Nutrition.Messages;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Cnucnm.Api.Localization;

/// <summary>
/// Field messages of a 400 in the caller's language, with their codes. The request checks (<c>Validation.Require…</c>, the endpoints'
/// own rules) write the English text of a catalogue code (<c>validation.*</c>: "is required.", "must be between {min} and {max}." …); here,
/// at the edge, each message is matched to its code and parameters, rendered in the request's language and listed under the problem's
/// <c>errorCodes</c> extension (<c>{"field": [{"code": "validation.range", "args": {"min": "1", "max": "1000"}}]}</c>). A message that is no
/// catalogue text (a rare one-off, or one already written in Korean) stays as it is and has no code.
/// </summary>
public static partial class ValidationMessages
{
    private const string Items = "items";

    private static readonly IReadOnlyList<(string Code, Regex Pattern)> Templates = BuildTemplates();

    /// <summary>The code and parameters of an English field message, when it is a catalogue text.</summary>
    public static ServerMessage? Match(string message)
    {
        foreach (var (code, pattern) in Templates)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                var args = pattern.GetGroupNames().Where(n => !int.TryParse(n, out _)).ToDictionary(n => n, n => match.Groups[n].Value, StringComparer.Ordinal);
                if (args.Remove(Items, out var inner))
                {
                    // A row (and column) of an import around a message of its own: "row 3, column DM (%): 'x' is not a number."
                    return new ServerMessage(code, args, [Match(inner) ?? ServerMessage.Of("text", ("text", inner))]);
                }

                return new ServerMessage(code, args);
            }
        }

        return null;
    }

    /// <summary>Localises a validation problem's field messages and adds their codes (ProblemDetails customisation).</summary>
    public static void Apply(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is not HttpValidationProblemDetails validation || validation.Errors.Count == 0)
        {
            return;
        }

        var localizer = context.HttpContext.RequestServices.GetService<MessageLocalizer>();
        var codes = new Dictionary<string, ServerMessage[]>(StringComparer.Ordinal);
        foreach (var (field, messages) in validation.Errors.ToList())
        {
            var matched = messages.Select(m => (Text: m, Code: Match(m))).ToList();
            if (matched.All(m => m.Code is null))
            {
                continue;
            }

            codes[field] = [.. matched.Select(m => m.Code ?? ServerMessage.Of("text", ("text", m.Text)))];
            if (localizer is not null)
            {
                validation.Errors[field] = [.. matched.Select(m => m.Code is { } code ? localizer.Text(code) : m.Text)];
            }
        }

        if (codes.Count > 0)
        {
            context.ProblemDetails.Extensions["errorCodes"] = codes;
        }
    }

    private static List<(string, Regex)> BuildTemplates() =>
    [
        .. ServerText.Entries(ServerText.EnglishCulture)
            .Where(e => e.Key.StartsWith("validation.", StringComparison.Ordinal))
            // The row and column of an import first (they hold any other message), then fixed texts, then the longest literal parts:
            // "must be en or ko." before "must be {a} or {b}.".
            .OrderBy(e => !e.Value.Contains("{" + Items + "}", StringComparison.Ordinal))
            .ThenBy(e => e.Value.Contains('{', StringComparison.Ordinal))
            .ThenByDescending(e => Placeholder().Replace(e.Value, "").Length)
            .Select(e => (e.Key, new Regex("^" + Placeholder().Split(e.Value).Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : $"(?<{part.Split(':')[0]}>.+?)")
                .Aggregate("", (a, b) => a + b) + "$", RegexOptions.CultureInvariant))),
    ];

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex Placeholder();
}
