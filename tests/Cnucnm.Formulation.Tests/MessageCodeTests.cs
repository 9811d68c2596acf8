using Cnucnm.Nutrition.Messages;

namespace Cnucnm.Formulation.Tests;

/// <summary>
/// The solver's texts as message codes (issue 19, "Korean everywhere"): every explanation, conflict, relaxation, warning and
/// suggestion carries a code whose English rendering is exactly the text it sits beside, and whose Korean rendering is Korean.
/// </summary>
public sealed class MessageCodeTests
{
    [Fact]
    public void The_near_miss_texts_are_their_codes_in_English_and_have_Korean_text()
    {
        var response = RationFormulator.Formulate(NearMissTests.NearMiss());

        var best = response.BestPossible;
        Assert.NotNull(best);
        Assert.Equal(best.Warning, ServerText.English(best.WarningMessage));
        Assert.NotEmpty(best.Suggestions);
        foreach (var suggestion in best.Suggestions)
        {
            Assert.NotNull(suggestion.MessageCode);
            Assert.Equal(suggestion.Message, ServerText.English(suggestion.MessageCode));
            Assert.Matches("[가-힣]", ServerText.In(suggestion.MessageCode, ServerText.KoreanCulture));
            foreach (var change in suggestion.Changes)
            {
                Assert.Equal(change.Message, ServerText.English(change.MessageCode!));
            }
        }

        AssertCoded(response.Explanation);
    }

    [Fact]
    public void An_infeasible_explicit_request_explains_itself_in_codes_that_render_its_English_text()
    {
        // 2 kg DM of meal in 20 kg DM gives at most 12 % CP: 16 % cannot be met.
        var request = new FormulationRequest(
            [
                new FeedOffer("silage", DryMatterPercent: 35, PricePerKgDm: 0.2, Composition: new Dictionary<string, double> { ["CP"] = 8 }),
                new FeedOffer("meal", DryMatterPercent: 90, PricePerKgDm: 0.5, MaxKgDm: 2, Composition: new Dictionary<string, double> { ["CP"] = 48 }),
            ],
            DryMatterIntakeKg: new Bounds(20, 20),
            Nutrients: [new NutrientBound("CP", PerKgDm: new Bounds(16, null))]);

        var response = RationFormulator.Formulate(request);

        Assert.Equal(FormulationStatus.Infeasible, response.Status);
        AssertCoded(response.Explanation);
        Assert.Contains("높임", ServerText.In(response.Explanation!.SummaryMessage!, ServerText.KoreanCulture), StringComparison.Ordinal);
    }

    private static void AssertCoded(InfeasibilityExplanation? explanation)
    {
        if (explanation is null)
        {
            return;
        }

        Assert.NotNull(explanation.SummaryMessage);
        Assert.Equal(explanation.Summary, ServerText.English(explanation.SummaryMessage));
        foreach (var conflict in explanation.Conflicts)
        {
            Assert.Equal(conflict.Message, ServerText.English(conflict.MessageCode!));
        }

        foreach (var relaxation in explanation.Relaxations)
        {
            Assert.Equal(relaxation.Message, ServerText.English(relaxation.MessageCode!));
        }
    }
}
