using System.Reflection;

namespace Cnucnm.Api.Security;

/// <summary>
/// Which passwords an account may have, after NIST SP 800-63B §5.1.1.2 (memorized secrets): at least
/// <see cref="MinimumLength"/> characters, at most <see cref="MaximumLength"/>, any characters, no composition rules;
/// refused when found in a list of passwords from breaches, when it is a dictionary word, repetition, sequence or
/// keyboard pattern guessed in the first attempts, or when it is built from the account's own e-mail address or name.
/// The list and the estimate are the <c>zxcvbn-core</c> package's (its 30,000 most common passwords from breach
/// corpora, and Dropbox's zxcvbn guessability model), so updating the package updates the policy.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 10;
    public const int MaximumLength = 256;

    private const string BreachedListResource = "zxcvbn-core.Dictionaries.passwords.lst";

    private static readonly Lazy<HashSet<string>> Breached = new(LoadBreachedList);

    /// <summary>The number of breached passwords the policy refuses outright.</summary>
    public static int BreachedCount => Breached.Value.Count;

    /// <summary>Null when the password is acceptable; otherwise why not (a phrase after the field name).</summary>
    public static string? Problem(string? password, params string?[] context)
    {
        if (password is null || password.Length < MinimumLength)
        {
            return $"must be at least {MinimumLength} characters.";
        }

        if (password.Length > MaximumLength)
        {
            return $"must be at most {MaximumLength} characters.";
        }

        if (Breached.Value.Contains(password.ToLowerInvariant()))
        {
            return "is one of the most common passwords from data breaches; choose another.";
        }

        var inputs = context.Where(c => !string.IsNullOrWhiteSpace(c))
            .SelectMany(c => c!.Split(['@', '.', ' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
            .Where(word => word.Length >= 3);
        // Score 0: guessed within the first guesses of a dictionary, repeat, sequence or keyboard-pattern attack.
        return Zxcvbn.Zxcvbn.MatchPassword(password, inputs).Score == 0
            ? "is too easy to guess (a common word, repetition, sequence or keyboard pattern, or your own name or address); choose another."
            : null;
    }

    private static HashSet<string> LoadBreachedList()
    {
        var assembly = typeof(Zxcvbn.Zxcvbn).GetTypeInfo().Assembly;
        using var stream = assembly.GetManifestResourceStream(BreachedListResource)
            ?? throw new InvalidOperationException($"zxcvbn-core no longer ships {BreachedListResource}; the password policy needs its breached-password list.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } word)
            {
                words.Add(word.ToLowerInvariant());
            }
        }

        return words;
    }
}
