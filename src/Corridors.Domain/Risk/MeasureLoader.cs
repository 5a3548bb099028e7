using System.Text.Json;
using System.Text.RegularExpressions;
using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Network.Validation;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Risk;

/// <summary>
/// Reads <c>networks/sanctions/measures.json</c> (schema in <c>networks/sanctions/README.md</c>) and checks it
/// against the loaded network: source ids must be in <c>sources.csv</c>, place targets must be places, and an
/// infrastructure operator must be spelled as in some link's <c>operator</c>. Every bad record is reported with
/// the file, the record id, the field and the offending value; a file with any problem gives no catalog.
/// </summary>
public static partial class MeasureLoader
{
    /// <summary>Where the measures live inside the network folder.</summary>
    public const string RelativePath = "sanctions/measures.json";

    public static DataLoadResult<SanctionsCatalog> Load(string path, CorridorNetwork network)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(network);
        var file = new DataFile(Path.GetFileName(path));
        using JsonDocument? document = DataFile.ReadJson(path, file);
        return Finish(document, file, network);
    }

    /// <summary>Parses measures from text (tests, tools); <paramref name="fileName"/> names the file in problems.</summary>
    public static DataLoadResult<SanctionsCatalog> Parse(string json, string fileName, CorridorNetwork network)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(network);
        var file = new DataFile(fileName);
        using JsonDocument? document = DataFile.ParseJson(json, file);
        return Finish(document, file, network);
    }

    private static DataLoadResult<SanctionsCatalog> Finish(JsonDocument? document, DataFile file, CorridorNetwork network)
    {
        if (document is null)
        {
            return DataLoadResult<SanctionsCatalog>.Invalid(file.AllProblems());
        }

        SanctionsCatalog? catalog = new Reader(file, network).Read(document.RootElement);
        return catalog is not null && file.Count == 0
            ? DataLoadResult<SanctionsCatalog>.Valid(catalog)
            : DataLoadResult<SanctionsCatalog>.Invalid(file.AllProblems());
    }

    [GeneratedRegex("^[A-Z]{2}$")]
    internal static partial Regex CountryCode();

    [GeneratedRegex("^[A-Z0-9]+(-[A-Z0-9]+)*$")]
    private static partial Regex MeasureId();

    private sealed class Reader(DataFile file, CorridorNetwork network)
    {
        private readonly HashSet<string> _linkOperators = [.. network.Links.Select(l => l.Operator).OfType<string>()];

        // Every operator name declared, valid or not: a measure naming a declared but invalid operator is not
        // reported again (its declaration already is).
        private readonly HashSet<string> _declaredOperators = new(StringComparer.Ordinal);

        public SanctionsCatalog? Read(JsonElement root)
        {
            if (JsonFields.Open(root, file.Problems, null, "") is not { } fields)
            {
                return null;
            }

            fields.RejectUnknown("coverage", "regimes", "operators", "goodsLists", "measures");
            DataCoverage? coverage = fields.Required("coverage") is { } c ? ReadCoverage(c) : null;
            var regimes = new List<RegimeInfo>();
            foreach ((JsonElement item, int i) in Items(fields, "regimes"))
            {
                if (ReadRegime(item, i, regimes) is { } regime)
                {
                    regimes.Add(regime);
                }
            }

            var operators = new List<SanctionedOperator>();
            foreach ((JsonElement item, int i) in Items(fields, "operators"))
            {
                if (ReadOperator(item, i) is { } op)
                {
                    operators.Add(op);
                }
            }

            var goodsLists = new List<GoodsList>();
            if (fields.Has("goodsLists"))
            {
                foreach ((JsonElement item, int i) in Items(fields, "goodsLists"))
                {
                    if (ReadGoodsList(item, i, goodsLists) is { } list)
                    {
                        goodsLists.Add(list);
                    }
                }
            }

            var measures = new List<Measure>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach ((JsonElement item, int i) in Items(fields, "measures"))
            {
                if (ReadMeasure(item, i, regimes, operators, coverage, ids) is { } measure)
                {
                    foreach (string list in measure.GoodsLists.Where(l => goodsLists.All(g => g.Id != l)).Order(StringComparer.Ordinal))
                    {
                        file.Add(measure.Id, "goodsLists", $"unknown goods list '{list}'; declared: {string.Join(", ", goodsLists.Select(g => g.Id))}");
                    }

                    measures.Add(measure);
                }
            }

            CheckContradictions(measures);
            return coverage is null ? null : new SanctionsCatalog(coverage, regimes, operators, measures, goodsLists);
        }

        private static List<(JsonElement Item, int Index)> Items(JsonFields fields, string name)
        {
            if (fields.Required(name) is not { } array)
            {
                return [];
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                fields.Fail(name, NetworkRule.WrongType, $"expected an array but found {JsonFields.Describe(array)}");
                return [];
            }

            return [.. array.EnumerateArray().Select((e, i) => (e, i))];
        }

        private DataCoverage? ReadCoverage(JsonElement element)
        {
            if (JsonFields.Open(element, file.Problems, "coverage", "") is not { } f)
            {
                return null;
            }

            f.RejectUnknown("from", "reviewedOn", "freshUntil");
            DateOnly? from = DataFile.ParseDate(f, "from", f.RequiredString("from"));
            DateOnly? reviewed = DataFile.ParseDate(f, "reviewedOn", f.RequiredString("reviewedOn"));
            DateOnly? to = DataFile.ParseDate(f, "freshUntil", f.RequiredString("freshUntil"));
            if (from is not { } a || reviewed is not { } r || to is not { } b)
            {
                return null;
            }

            if (!(a <= r && r <= b))
            {
                file.Add("coverage", null, $"dates out of order: expected from ({a:yyyy-MM-dd}) <= reviewedOn ({r:yyyy-MM-dd}) <= freshUntil ({b:yyyy-MM-dd})");
                return null;
            }

            return new DataCoverage(a, r, b);
        }

        /// <summary>How a record is named in problems: its own key (id or name) when it has one, else its position.</summary>
        private static string RecordId(JsonElement element, string key, string position) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out JsonElement value)
            && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                ? text
                : position;

        private RegimeInfo? ReadRegime(JsonElement element, int index, List<RegimeInfo> known)
        {
            string recordId = RecordId(element, "id", $"regimes[{index}]");
            if (JsonFields.Open(element, file.Problems, recordId, "") is not { } f)
            {
                return null;
            }

            f.RejectUnknown("id", "name", "territory", "sources");
            Regime? regime = null;
            if (f.RequiredString("id") is { } text)
            {
                if (RegimeCodes.TryParse(text, out Regime parsed))
                {
                    regime = parsed;
                    if (known.Any(r => r.Id == parsed))
                    {
                        f.Fail("id", NetworkRule.DuplicateId, $"regime '{text}' is declared twice");
                    }
                }
                else
                {
                    f.Fail("id", NetworkRule.UnknownKind, $"unknown regime '{text}'; known: {RegimeCodes.All}");
                }
            }

            string? name = f.RequiredString("name");
            IReadOnlyList<string>? territory = f.StringArray("territory", required: true);
            if (territory is not null)
            {
                CheckCountries(f, "territory", territory);
            }

            IReadOnlyList<string>? sources = Sources(f);
            return f.Ok && regime is { } id && name is not null && territory is not null && sources is not null
                ? new RegimeInfo(id, name, territory, sources)
                : null;
        }

        /// <summary>
        /// Two measures of one regime on one target, in force together for a common cargo class, where one prohibits
        /// the movement and the other only requires a licence for it: the data contradicts itself.
        /// </summary>
        private void CheckContradictions(List<Measure> measures)
        {
            for (int i = 0; i < measures.Count; i++)
            {
                for (int j = i + 1; j < measures.Count; j++)
                {
                    Measure a = measures[i];
                    Measure b = measures[j];
                    bool overlapping = a.Regime == b.Regime && a.Target.Describe() == b.Target.Describe()
                        && a.CargoClasses.Overlaps(b.CargoClasses)
                        && (a.EffectiveTo is not { } aTo || b.EffectiveFrom < aTo) && (b.EffectiveTo is not { } bTo || a.EffectiveFrom < bTo);
                    if (overlapping && ((a.Prohibits && b.Licence is not null) || (b.Prohibits && a.Licence is not null)))
                    {
                        file.Add(b.Id, "prohibits",
                            $"contradicts {a.Id}: both are {a.Regime} measures on {a.Target.Describe()} in force together for {string.Join(", ", a.CargoClasses.Intersect(b.CargoClasses).Order().Select(EnumNames.ToKebab))}, one prohibiting the movement and one requiring a licence for it");
                    }
                }
            }
        }

        /// <summary>A goods list: id, title, codes (2–10 digits each, dots and spaces allowed) and sources.</summary>
        private GoodsList? ReadGoodsList(JsonElement element, int index, List<GoodsList> known)
        {
            string recordId = RecordId(element, "id", $"goodsLists[{index}]");
            if (JsonFields.Open(element, file.Problems, recordId, "") is not { } f)
            {
                return null;
            }

            f.RejectUnknown("id", "title", "codes", "sources", "note");
            string? id = f.RequiredString("id");
            string? title = f.RequiredString("title");
            IReadOnlyList<string>? codes = f.StringArray("codes", required: true);
            IReadOnlyList<string>? sources = Sources(f);
            var digits = new List<string>();
            for (int i = 0; i < (codes?.Count ?? 0); i++)
            {
                QueryResult<HsCodeBox> parsed = HsCode.Parse(codes![i]);
                if (parsed.Value is { } box)
                {
                    digits.Add(box.Code.Digits);
                }
                else
                {
                    f.Fail($"codes[{i}]", NetworkRule.WrongType, parsed.Errors[0].Message);
                }
            }

            if (id is not null && known.Any(g => g.Id == id))
            {
                f.Fail("id", NetworkRule.DuplicateId, $"goods list '{id}' is declared twice");
            }

            if (codes is { Count: 0 })
            {
                f.Fail("codes", NetworkRule.MissingProperty, "a goods list names at least one code");
            }

            return f.Ok && id is not null && title is not null && codes is not null && sources is not null
                ? new GoodsList(id, title, digits, sources)
                : null;
        }

        private SanctionedOperator? ReadOperator(JsonElement element, int index)
        {
            string recordId = RecordId(element, "name", $"operators[{index}]");
            if (JsonFields.Open(element, file.Problems, recordId, "") is not { } f)
            {
                return null;
            }

            f.RejectUnknown("name", "role", "description", "countries", "modes", "sources");
            string? name = f.RequiredString("name");
            if (name is not null && !_declaredOperators.Add(name))
            {
                f.Fail("name", NetworkRule.DuplicateId, $"operator '{name}' is declared twice");
            }

            OperatorRole? role = Enum<OperatorRole>(f, "role", "operator role");
            string description = f.OptionalString("description") ?? "";
            IReadOnlyList<string>? countries = f.StringArray("countries", required: true);
            if (countries is not null)
            {
                CheckCountries(f, "countries", countries);
            }

            IReadOnlySet<TransportMode>? modes = EnumSet<TransportMode>(f, "modes", "mode");
            IReadOnlyList<string>? sources = Sources(f);
            if (name is not null && role == OperatorRole.Infrastructure && !_linkOperators.Contains(name))
            {
                string similar = string.Join(", ", _linkOperators
                    .Where(o => o.Contains(name[..Math.Min(4, name.Length)], StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal).Select(o => $"'{o}'"));
                f.Fail("name", NetworkRule.UnknownPlace,
                    $"no link in the network has operator '{name}'; an infrastructure operator must be spelled as in links' operator field"
                    + (similar.Length > 0 ? $" (similar: {similar})" : ""));
            }

            return f.Ok && name is not null && role is { } r && countries is not null && modes is not null && sources is not null
                ? new SanctionedOperator(name, r, description, countries, modes, sources)
                : null;
        }

        private Measure? ReadMeasure(
            JsonElement element,
            int index,
            List<RegimeInfo> regimes,
            List<SanctionedOperator> operators,
            DataCoverage? coverage,
            HashSet<string> ids)
        {
            string recordId = RecordId(element, "id", $"measures[{index}]");
            if (JsonFields.Open(element, file.Problems, recordId, "") is not { } f)
            {
                return null;
            }

            f.RejectUnknown("id", "regime", "title", "target", "kind", "modes", "cargoClasses", "direction",
                "effectiveFrom", "effectiveTo", "severity", "prohibits", "licence", "act", "articles", "goodsLists", "sources", "note");
            string? id = f.RequiredString("id");
            if (id is not null)
            {
                if (!MeasureId().IsMatch(id))
                {
                    f.Fail("id", NetworkRule.InvalidIdShape, $"measure id '{id}' is not upper-case letters and digits joined by '-'");
                }
                else if (!ids.Add(id))
                {
                    f.Fail("id", NetworkRule.DuplicateId, $"measure id '{id}' is used twice");
                }
            }

            Regime? regime = null;
            if (f.RequiredString("regime") is { } regimeText)
            {
                if (!RegimeCodes.TryParse(regimeText, out Regime parsed))
                {
                    f.Fail("regime", NetworkRule.UnknownKind, $"unknown regime '{regimeText}'; known: {RegimeCodes.All}");
                }
                else if (!regimes.Any(r => r.Id == parsed))
                {
                    f.Fail("regime", NetworkRule.UnknownKind, $"regime '{regimeText}' is not declared in 'regimes'");
                }
                else
                {
                    regime = parsed;
                }
            }

            string? title = f.RequiredString("title");
            MeasureTarget? target = f.Required("target") is { } t ? ReadTarget(f, t, recordId, operators) : null;
            MeasureKind? kind = Enum<MeasureKind>(f, "kind", "measure kind");
            IReadOnlySet<TransportMode>? modes = EnumSet<TransportMode>(f, "modes", "mode");
            IReadOnlySet<CargoClass>? cargo = EnumSet<CargoClass>(f, "cargoClasses", "cargo class", allowEmpty: f.Has("goodsLists"));
            TradeDirection? direction = Enum<TradeDirection>(f, "direction", "direction");
            DateOnly? from = DataFile.ParseDate(f, "effectiveFrom", f.RequiredString("effectiveFrom"));
            DateOnly? to = DataFile.ParseDate(f, "effectiveTo", f.OptionalString("effectiveTo"));
            if (from is { } a && to is { } b && b <= a)
            {
                f.Fail("effectiveTo", NetworkRule.InvalidDate, $"effectiveTo {b:yyyy-MM-dd} is not after effectiveFrom {a:yyyy-MM-dd}");
            }

            if (from is { } start && coverage is not null && start > coverage.ReviewedOn)
            {
                f.Fail("effectiveFrom", NetworkRule.InvalidDate,
                    $"effectiveFrom {start:yyyy-MM-dd} is after the data's review date {coverage.ReviewedOn:yyyy-MM-dd}");
            }

            int? severity = null;
            if (f.Required("severity") is not null)
            {
                severity = f.OptionalInt("severity");
                if (severity is { } s && s is < Measure.MinSeverity or > Measure.MaxSeverity)
                {
                    f.Fail("severity", NetworkRule.NonPositiveValue, $"severity {s} is outside {Measure.MinSeverity}..{Measure.MaxSeverity}");
                }
            }

            bool? prohibits = f.Required("prohibits") is not null ? f.OptionalBool("prohibits") : null;
            if (prohibits == true && kind == MeasureKind.SecondarySanctions)
            {
                f.Fail("prohibits", NetworkRule.WrongType,
                    "a secondary-sanctions measure cannot prohibit: it raises the exposure of shippers outside the regime");
            }

            IReadOnlyList<string> measureLists = f.Has("goodsLists") ? f.StringArray("goodsLists", required: true) ?? [] : [];
            string? act = f.RequiredString("act");
            string? articles = f.RequiredString("articles");
            Licence? licence = f.Optional("licence") is { } licenceElement ? ReadLicence(f, licenceElement, recordId, prohibits == true) : null;

            if (direction is TradeDirection.FromTarget or TradeDirection.ToTarget or TradeDirection.ToOrFromTarget
                && target is not null and not CountryTarget)
            {
                f.Fail("direction", NetworkRule.UnknownKind,
                    $"direction '{EnumNames.ToKebab(direction.Value)}' needs a country target, not {target.Describe()}");
            }

            if (direction is TradeDirection.ExportFromRegime or TradeDirection.ImportToRegime
                && regime is { } r && regimes.First(x => x.Id == r).Territory.Count == 0)
            {
                f.Fail("direction", NetworkRule.UnknownKind,
                    $"direction '{EnumNames.ToKebab(direction.Value)}' needs a regime with a territory; {r} has none");
            }

            IReadOnlyList<string>? sources = Sources(f);
            return f.Ok && id is not null && regime is { } rg && title is not null && target is not null && kind is { } k
                && modes is not null && cargo is not null && direction is { } d && from is { } ef && severity is { } sv
                && prohibits is { } p && sources is not null
                && act is not null && articles is not null
                ? new Measure(id, rg, title, target, k, modes, cargo, d, ef, to, sv, p, sources) { Licence = licence, Act = act, Articles = articles, GoodsLists = new HashSet<string>(measureLists, StringComparer.Ordinal) }
                : null;
        }

        /// <summary>The licence a measure requires (authority and type, both required); never with <c>prohibits: true</c>.</summary>
        private Licence? ReadLicence(JsonFields parent, JsonElement element, string recordId, bool prohibits)
        {
            if (JsonFields.Open(element, file.Problems, recordId, "licence") is not { } f)
            {
                parent.MarkFailed();
                return null;
            }

            f.RejectUnknown("authority", "type");
            string? authority = f.RequiredString("authority");
            string? type = f.RequiredString("type");
            if (!f.Ok || authority is null || type is null)
            {
                parent.MarkFailed();
                return null;
            }

            if (prohibits)
            {
                parent.Fail("licence", NetworkRule.WrongType, "a measure either prohibits the movement or requires a licence for it, not both");
                return null;
            }

            return new Licence(authority, type);
        }

        private MeasureTarget? ReadTarget(JsonFields parent, JsonElement element, string recordId, List<SanctionedOperator> operators)
        {
            if (JsonFields.Open(element, file.Problems, recordId, "target") is not { } f)
            {
                parent.MarkFailed();
                return null;
            }

            string[] kinds = ["country", "operator", "place", "carrier"];
            f.RejectUnknown(kinds);
            string[] present = [.. kinds.Where(f.Has)];
            if (present.Length != 1)
            {
                parent.Fail("target", NetworkRule.MissingProperty,
                    $"a target has exactly one of {string.Join(", ", kinds)}; found {(present.Length == 0 ? "none" : string.Join(", ", present))}");
                return null;
            }

            MeasureTarget? target = null;
            switch (present[0])
            {
                case "country" when f.RequiredString("country") is { } code:
                    if (MeasureLoader.CountryCode().IsMatch(code))
                    {
                        target = new CountryTarget(code);
                    }
                    else
                    {
                        f.Fail("country", NetworkRule.InvalidCountryCode, $"unknown target: '{code}' is not an ISO 3166-1 alpha-2 code (two capital letters)");
                    }

                    break;
                case "operator" when f.RequiredString("operator") is { } name:
                    if (operators.FirstOrDefault(o => o.Name == name) is { } op)
                    {
                        target = new OperatorTarget(op);
                    }
                    else if (_declaredOperators.Contains(name))
                    {
                        f.MarkFailed();
                    }
                    else
                    {
                        f.Fail("operator", NetworkRule.UnknownPlace,
                            $"unknown target: operator '{name}' is not declared in 'operators' (declared: {string.Join(", ", _declaredOperators.Order(StringComparer.Ordinal))})");
                    }

                    break;
                case "place" when f.RequiredString("place") is { } place:
                    if (network.TryGetPlace(new PlaceId(place), out _))
                    {
                        target = new PlaceTarget(new PlaceId(place));
                    }
                    else
                    {
                        f.Fail("place", NetworkRule.UnknownPlace, $"unknown target: no place '{place}' in the network");
                    }

                    break;
                case "carrier" when JsonFields.Open(f.Required("carrier")!.Value, file.Problems, recordId, "target.carrier") is { } c:
                    c.RejectUnknown("mode", "registeredIn");
                    TransportMode? mode = Enum<TransportMode>(c, "mode", "mode");
                    IReadOnlyList<string>? registered = c.StringArray("registeredIn", required: true);
                    if (registered is not null)
                    {
                        CheckCountries(c, "registeredIn", registered);
                    }

                    if (c.Ok && mode is { } m && registered is not null)
                    {
                        target = new CarrierTarget(m, registered);
                    }

                    break;
                default:
                    break;
            }

            if (target is null || !f.Ok)
            {
                parent.MarkFailed();
                return null;
            }

            return target;
        }

        private IReadOnlyList<string>? Sources(JsonFields f)
        {
            IReadOnlyList<string>? sources = f.StringArray("sources", required: true);
            if (sources is null)
            {
                return null;
            }

            if (sources.Count == 0)
            {
                f.Fail("sources", NetworkRule.MissingProperty, "at least one source id is required");
                return null;
            }

            for (int i = 0; i < sources.Count; i++)
            {
                if (!network.TryGetSource(sources[i], out _))
                {
                    f.Fail($"sources[{i}]", NetworkRule.UnknownSource, $"unknown source id '{sources[i]}' (not in sources.csv)");
                }
            }

            return sources;
        }

        private static void CheckCountries(JsonFields f, string name, IReadOnlyList<string> codes)
        {
            for (int i = 0; i < codes.Count; i++)
            {
                if (!MeasureLoader.CountryCode().IsMatch(codes[i]))
                {
                    f.Fail($"{name}[{i}]", NetworkRule.InvalidCountryCode, $"'{codes[i]}' is not an ISO 3166-1 alpha-2 code (two capital letters)");
                }
            }
        }

        private static T? Enum<T>(JsonFields f, string name, string what) where T : struct, System.Enum
        {
            if (f.RequiredString(name) is not { } text)
            {
                return null;
            }

            if (EnumNames.TryParseKebab(text, out T value))
            {
                return value;
            }

            f.Fail(name, NetworkRule.UnknownKind, $"unknown {what} '{text}'; known: {EnumNames.AllKebab<T>()}");
            return null;
        }

        /// <summary>"all" or an array of kebab-case names.</summary>
        private static HashSet<T>? EnumSet<T>(JsonFields f, string name, string what, bool allowEmpty = false) where T : struct, System.Enum
        {
            if (f.Required(name) is not { } element)
            {
                return null;
            }

            if (element.ValueKind == JsonValueKind.String && element.GetString() == "all")
            {
                return [.. System.Enum.GetValues<T>()];
            }

            if (element.ValueKind != JsonValueKind.Array)
            {
                f.Fail(name, NetworkRule.WrongType, $"expected \"all\" or an array of {what} names but found {JsonFields.Describe(element)}");
                return null;
            }

            var set = new HashSet<T>();
            int i = 0;
            foreach (JsonElement item in element.EnumerateArray())
            {
                string? text = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                if (text is not null && EnumNames.TryParseKebab(text, out T value))
                {
                    set.Add(value);
                }
                else
                {
                    f.Fail($"{name}[{i}]", NetworkRule.UnknownKind,
                        $"unknown {what} {(text is null ? JsonFields.Describe(item) : $"'{text}'")}; known: {EnumNames.AllKebab<T>()}");
                }

                i++;
            }

            if (set.Count == 0 && f.Ok && !allowEmpty)
            {
                f.Fail(name, NetworkRule.MissingProperty, $"at least one {what} is required (or \"all\")");
            }

            return f.Ok ? set : null;
        }
    }
}
