using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Corridors.Domain.Places;

/// <summary>
/// Folds a place name to a key that ignores case, diacritics and punctuation: "Xi'an", "xian" and "XI-AN" are all
/// <c>xian</c>; "Małaszewicze" is <c>malaszewicze</c>, "Constanța" is <c>constanta</c>, "Jalal-Abad" is <c>jalalabad</c>.
/// </summary>
internal static class PlaceNameKey
{
    /// <summary>Letters that do not decompose into a base letter and a mark, spelled as English writers usually do.</summary>
    private static readonly FrozenDictionary<char, string> Special = new Dictionary<char, string>
    {
        ['ł'] = "l", ['Ł'] = "L", ['ø'] = "o", ['Ø'] = "O", ['ß'] = "ss", ['ẞ'] = "SS", ['đ'] = "d", ['Đ'] = "D",
        ['æ'] = "ae", ['Æ'] = "AE", ['œ'] = "oe", ['Œ'] = "OE", ['ı'] = "i", ['þ'] = "th", ['Þ'] = "TH", ['ð'] = "d",
        ['Ð'] = "D", ['ħ'] = "h", ['Ħ'] = "H", ['ŧ'] = "t", ['Ŧ'] = "T", ['ŀ'] = "l", ['Ŀ'] = "L", ['ŋ'] = "n",
        ['Ŋ'] = "N", ['ə'] = "e", ['Ə'] = "E",
    }.ToFrozenDictionary();

    /// <summary>
    /// Precomposed Latin letters (Latin-1 Supplement, Extended-A/B, Extended Additional) and their base letter,
    /// generated from Unicode canonical decompositions. Needed because with <c>InvariantGlobalization</c> (set in
    /// Directory.Build.props) <c>string.Normalize(FormD)</c> leaves non-ASCII text unchanged.
    /// </summary>
    private static readonly FrozenDictionary<char, string> Decomposed = BuildDecomposed();

    private const string Accented =
        "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊ"
        + "ċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚś"
        + "ŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬ"
        + "ǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋ"
        + "ḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋ"
        + "ṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋ"
        + "ẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐố"
        + "ỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ";

    private const string Unaccented =
        "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcC"
        + "cCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSs"
        + "SsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoO"
        + "ojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYyAaBbBbBbCcDd"
        + "DdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMmMmNnNnNnNn"
        + "OoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWwWwWwWwXx"
        + "XxYyZzZzZzhtwyAaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiIiOoOoOo"
        + "OoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy";

    /// <summary>The comparison key; empty when the text has no letters or digits.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string decomposed;
        try
        {
            // Decomposes every accented letter where ICU is available; the fold tables cover invariant mode.
            decomposed = text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            // Ill-formed UTF-16 (a lone surrogate) cannot be normalised; fold it as it is.
            decomposed = text;
        }

        var key = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            string folded = Special.TryGetValue(c, out string? special) ? special
                : Decomposed.TryGetValue(c, out string? letter) ? letter
                : c.ToString();
            foreach (char f in folded)
            {
                // Apostrophes, hyphens, spaces, dots and other punctuation are ignorable.
                if (char.IsLetterOrDigit(f))
                {
                    key.Append(char.ToLowerInvariant(f));
                }
            }
        }

        return key.ToString();
    }

    private static FrozenDictionary<char, string> BuildDecomposed()
    {
        var map = new Dictionary<char, string>(Accented.Length);
        for (int i = 0; i < Accented.Length; i++)
        {
            map[Accented[i]] = Unaccented[i].ToString();
        }

        return map.ToFrozenDictionary();
    }
}
