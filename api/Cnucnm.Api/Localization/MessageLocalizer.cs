using Cnucnm.Contracts.Alerts;
using Cnucnm.Contracts.Rations;
using Cnucnm.Formulation;
using Cnucnm.Nutrition.Messages;
using Microsoft.Extensions.Localization;

namespace Cnucnm.Api.Localization;

/// <summary>
/// Renders message codes in the request's UI language through <c>IStringLocalizer&lt;ServerText&gt;</c>, and gives the records the API
/// answers with their texts in that language: the text fields are replaced, the codes (<c>…Message</c>, <c>messageCode</c>) stay beside
/// them for programs. A record without a code (typed by a person, or stored before codes) keeps its text.
/// </summary>
public sealed class MessageLocalizer(IStringLocalizer<ServerText> localizer)
{
    public string Text(ServerMessage message) =>
        ServerText.Render(message, code => localizer[code] is { ResourceNotFound: false } found ? found.Value : null);

    public string Text(ServerMessage? message, string fallback) => message is null ? fallback : Text(message);

    /// <summary>A catalogue name (<c>category.forage</c>, <c>column.Fd_CP</c>, <c>unit.% DM</c>) in the request's language; <paramref name="fallback"/>
    /// when the catalogue has no such code.</summary>
    public string Name(string code, string fallback) => localizer[code] is { ResourceNotFound: false } found ? found.Value : fallback;

    public Alert Localize(Alert alert) =>
        alert with { Title = Text(alert.TitleMessage, alert.Title), Detail = Text(alert.DetailMessage, alert.Detail) };

    public RationChangeCause Localize(RationChangeCause cause) => cause with { Reason = Text(cause.ReasonMessage, cause.Reason) };

    public RationVersion Localize(RationVersion version) => version with { Cause = Localize(version.Cause) };

    public RationSuggestion Localize(RationSuggestion suggestion) =>
        suggestion with { Proposed = Localize(suggestion.Proposed), BestPossible = suggestion.BestPossible is { } best ? Localize(best) : null };

    public RationSnapshot Localize(RationSnapshot snapshot) => snapshot with
    {
        Current = snapshot.Current is { } current ? Localize(current) : null,
        Suggestion = snapshot.Suggestion is { } suggestion ? Localize(suggestion) : null,
        History = [.. snapshot.History.Select(Localize)],
    };

    public ReformulationResult Localize(ReformulationResult result)
    {
        var formulation = result.Formulation is { } response ? Localize(response) : null;
        var explanation = result.Outcome switch
        {
            ReformulationOutcome.BestPossible when result.Formulation?.BestPossible is { } best => Text(best.WarningMessage),
            ReformulationOutcome.Infeasible when result.Formulation?.Explanation?.SummaryMessage is { } summary => Text(summary),
            _ => result.Explanation,
        };
        return result with { Ration = result.Ration is { } ration ? Localize(ration) : null, Explanation = explanation, Formulation = formulation };
    }

    public FormulationResponse Localize(FormulationResponse response) => response with
    {
        Explanation = response.Explanation is { } explanation ? Localize(explanation) : null,
        BestPossible = response.BestPossible is { } best ? Localize(best) : null,
    };

    public InfeasibilityExplanation Localize(InfeasibilityExplanation explanation) => explanation with
    {
        Summary = Text(explanation.SummaryMessage, explanation.Summary),
        Conflicts = [.. explanation.Conflicts.Select(c => c with { Message = Text(c.MessageCode, c.Message) })],
        Relaxations = [.. explanation.Relaxations.Select(Localize)],
    };

    public Relaxation Localize(Relaxation relaxation) => relaxation with { Message = Text(relaxation.MessageCode, relaxation.Message) };

    public BestPossibleRation Localize(BestPossibleRation best) => best with
    {
        Warning = Text(best.WarningMessage),
        Suggestions = [.. best.Suggestions.Select(s => s with { Message = Text(s.MessageCode, s.Message), Changes = [.. s.Changes.Select(Localize)] })],
    };
}
