using System.Globalization;

namespace Cnucnm.Nutrition.Messages;

/// <summary>
/// A text the server sends to people, as a stable code with its parameters (for programs) that the API renders in the
/// caller's language from the message catalogue (<see cref="ServerText"/>: <c>Resources/Messages/ServerText.resx</c>, English,
/// and <c>ServerText.ko.resx</c>, Korean). Pure libraries and grains build these; only the API edge turns them into words.
/// </summary>
/// <param name="Code">The catalogue key, e.g. <c>alert.priceJump.title</c>; stable across releases.</param>
/// <param name="Args">Named parameters, formatted invariantly (numbers with a period), e.g. <c>{"feed":"Corn silage","percent":"12.5"}</c>.
/// A template writes <c>{name}</c> for the value as it is and <c>{name:prefix}</c> for the catalogue's name of it
/// (code <c>prefix.&lt;value&gt;</c>: <c>{nutrient:term}</c>, <c>{unit:unit}</c>), falling back to the value.</param>
/// <param name="Items">Messages listed in the template's <c>{items}</c> (joined by "; "), e.g. the changes of a suggestion.</param>
public sealed record ServerMessage(string Code, IReadOnlyDictionary<string, string> Args, IReadOnlyList<ServerMessage>? Items = null)
{
    /// <summary>A message whose arguments are formatted invariantly (numbers as <see cref="Num"/> shows them when given as double).</summary>
    public static ServerMessage Of(string code, params (string Name, object? Value)[] args) =>
        new(code, args.ToDictionary(a => a.Name, a => Format(a.Value), StringComparer.Ordinal));

    public ServerMessage WithItems(IReadOnlyList<ServerMessage> items) => this with { Items = items };

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => Num(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A number as people read it: three significant figures, no exponent for ordinary sizes.</summary>
    public static string Num(double value)
    {
        var text = Math.Abs(value) switch
        {
            0 => "0",
            >= 1000 => value.ToString("#,0", CultureInfo.InvariantCulture),
            >= 100 => value.ToString("0.#", CultureInfo.InvariantCulture),
            >= 1 => value.ToString("0.##", CultureInfo.InvariantCulture),
            >= 0.01 => value.ToString("0.###", CultureInfo.InvariantCulture),
            _ => value.ToString("G3", CultureInfo.InvariantCulture),
        };
        return text == "-0" ? "0" : text;
    }
}
