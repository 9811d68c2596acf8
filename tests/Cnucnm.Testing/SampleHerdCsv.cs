using System.Globalization;
using System.Text;

namespace Cnucnm.Testing;

/// <summary>
/// An animal import file (columns of Cnucnm.Registry.Import.AnimalImport) of Hanwoo cows: file rows 2…rows+1; every
/// 97th data row is broken in one of five ways (11-digit tag, birth in the future, unknown breed, the tag of the row
/// above, a 2,000 kg weight). Even rows join <paramref name="pen"/> (by name); every third row carries a 350 kg weighing.
/// Used by the import API test and the import benchmark, so both read the same file.
/// </summary>
public static class SampleHerdCsv
{
    public static (string Csv, SortedSet<int> BadRows, int ValidInPen) Create(int rows, long serialBase, string pen, DateOnly day)
    {
        static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = new StringBuilder("tag,name,breed,sex,birthDate,group,bodyWeightKg,bodyConditionScore,weighedOn\n");
        var bad = new SortedSet<int>();
        var inPen = 0;
        for (var i = 0; i < rows; i++)
        {
            var row = i + 2;
            var tag = $"002{serialBase + i:D8}1";
            var birth = D(day.AddDays(-400 - i % 300));
            var (breed, weight, group) = ("hanwoo", i % 3 == 0 ? "350" : "", i % 2 == 0 ? pen : "");
            if (i > 0 && i % 97 == 0)
            {
                bad.Add(row);
                switch (i / 97 % 5)
                {
                    case 0: tag = tag[..11]; break;
                    case 1: birth = D(day.AddDays(30)); break;
                    case 2: breed = "zebu"; break;
                    case 3: tag = $"002{serialBase + i - 1:D8}1"; break;
                    default: weight = "2000"; break;
                }
            }
            else if (group.Length > 0)
            {
                inPen++;
            }

            var weighedOn = weight.Length > 0 ? D(day) : "";
            csv.Append(CultureInfo.InvariantCulture, $"{tag},cow {i},{breed},female,{birth},{group},{weight},{(weight.Length > 0 ? "5" : "")},{weighedOn}\n");
        }

        return (csv.ToString(), bad, inPen);
    }
}
