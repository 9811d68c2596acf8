namespace Cnucnm.Registry;

/// <summary>
/// Korean cattle traceability number (개체식별번호, Act on the Management of Livestock and Livestock Products
/// Traceability): printed on the ear tag as "KOR" followed by 12 digits, of which the first three are 002 for
/// cattle, the next eight a serial number and the last a check digit against forgery (Korea Institute for Animal
/// Products Quality Evaluation, cattle traceability). The check-digit algorithm is not published, so it is not
/// verified here: the length, the digits and the 002 prefix are.
/// </summary>
public static class TraceabilityNumber
{
    public const int Length = 12;

    /// <summary>The species prefix of cattle numbers.</summary>
    public const string CattlePrefix = "002";

    /// <summary>The number as stored: the tag's text without the country letters (KOR or KR), spaces and hyphens.</summary>
    public static string Normalize(string? value)
    {
        var text = (value ?? "").Trim().ToUpperInvariant();
        foreach (var country in (ReadOnlySpan<string>)["KOR", "KR"])
        {
            if (text.StartsWith(country, StringComparison.Ordinal))
            {
                text = text[country.Length..];
                break;
            }
        }

        return text.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
    }

    /// <summary>Returns null when <paramref name="value"/> (already normalized) is valid, otherwise a message for the field.</summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "Traceability number is required.";
        }

        if (value.Length != Length)
        {
            return $"Traceability number must have {Length} digits, found {value.Length} characters.";
        }

        foreach (char c in value)
        {
            if (c is < '0' or > '9')
            {
                return "Traceability number must contain digits 0-9 only.";
            }
        }

        return value.StartsWith(CattlePrefix, StringComparison.Ordinal)
            ? null
            : $"Cattle traceability numbers start with {CattlePrefix}.";
    }
}
