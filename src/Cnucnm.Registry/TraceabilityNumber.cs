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

    /// <summary>The number as stored: the tag's text without the country letters (KOR or KR), spaces, hyphens and dots, as
    /// the ear tag prints it ("KOR 002 1234 5678 9") or a phone keyboard types it (full-width digits and the ideographic
    /// space of Korean input methods are read as their plain forms, Unicode NFKC).</summary>
    public static string Normalize(string? value)
    {
        var text = (value ?? "").Normalize(System.Text.NormalizationForm.FormKC).Trim().ToUpperInvariant();
        foreach (var country in (ReadOnlySpan<string>)["KOR", "KR"])
        {
            if (text.StartsWith(country, StringComparison.Ordinal))
            {
                text = text[country.Length..];
                break;
            }
        }

        return string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '.' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212')));
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
