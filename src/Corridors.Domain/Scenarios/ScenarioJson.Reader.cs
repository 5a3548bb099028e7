using System.Globalization;
using System.Text.Json;
using Corridors.Domain.Network;
using Corridors.Domain.Network.Loading;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;

namespace Corridors.Domain.Scenarios;

public static partial class ScenarioJson
{
    private const int MaxIdLength = 64;
    private const int MaxNameLength = 200;

    private sealed class Reader(CorridorNetwork network, SanctionsCatalog sanctions)
    {
        public List<QueryError> Errors { get; } = [];

        public Scenario? Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("definition", "a scenario is a JSON object");
                return null;
            }

            string id = String(root, "id", "id") ?? string.Empty;
            if (id.Length > 0 && (id.Length > MaxIdLength || !IdPattern().IsMatch(id)))
            {
                Error("id", $"'{id}' is not an id: lowercase letters and digits joined by '-', at most {MaxIdLength} characters");
            }

            string name = String(root, "name", "name") ?? string.Empty;
            if (name.Length > MaxNameLength)
            {
                Error("name", $"at most {MaxNameLength} characters, got {name.Length}");
            }

            string description = OptionalString(root, "description", "description") ?? string.Empty;
            List<string> sources = Sources(root, "sources");
            var changes = new List<ScenarioChange>();
            if (!root.TryGetProperty("changes", out JsonElement list) || list.ValueKind != JsonValueKind.Array)
            {
                Error("changes", "required: an array of changes");
            }
            else if (list.GetArrayLength() == 0)
            {
                Error("changes", "a scenario needs at least one change");
            }
            else if (list.GetArrayLength() > MaxChanges)
            {
                Error("changes", $"{list.GetArrayLength()} changes; the maximum is {MaxChanges}");
            }
            else
            {
                int index = 0;
                foreach (JsonElement item in list.EnumerateArray())
                {
                    if (ReadChange(item, $"changes[{index}]") is { } change)
                    {
                        changes.Add(change);
                    }

                    index++;
                }

                CheckContradictions(changes);
            }

            return Errors.Count == 0 ? new Scenario(id, name, description, changes, sources) : null;
        }

        private ScenarioChange? ReadChange(JsonElement item, string path)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                Error(path, "a change is a JSON object");
                return null;
            }

            string? type = String(item, "type", path + ".type");
            int before = Errors.Count;
            ScenarioChange? change = type switch
            {
                null => null,
                "close-place" => Place(item, path) is { } p ? new ClosePlace(p, Range(item, path)) : null,
                "close-link" => Link(item, path) is { } l ? new CloseLink(l, Range(item, path)) : null,
                "set-dwell" => ReadSetDwell(item, path),
                "set-link-speed" => Link(item, path) is { } l2 && Figure(item, path, "Kmh") is { } speed ? new SetLinkSpeed(l2, speed) : null,
                "open-link" => ReadOpenLink(item, path),
                "lift-measure" => MeasureId(item, path) is { } m ? new LiftMeasure(m, Date(item, "from", path)) : null,
                "redate-measure" => ReadRedate(item, path),
                "add-measure" => ReadAddMeasure(item, path),
                _ => Unknown(path, type),
            };
            return Errors.Count == before ? change : null;
        }

        private ScenarioChange? Unknown(string path, string type)
        {
            Error(path + ".type", $"unknown change type '{type}'; known: close-place, close-link, set-dwell, set-link-speed, open-link, lift-measure, redate-measure, add-measure");
            return null;
        }

        private SetDwell? ReadSetDwell(JsonElement item, string path)
        {
            PlaceId? place = Place(item, path);
            string? kindText = String(item, "kind", path + ".kind");
            DwellKind kind = default;
            if (kindText is not null && !EnumNames.TryParseKebab(kindText, out kind))
            {
                Error(path + ".kind", $"unknown dwell kind '{kindText}'; known: {EnumNames.AllKebab<DwellKind>()}");
            }

            RangeFigure? hours = Figure(item, path, "Hours");
            return place is null || hours is null ? null : new SetDwell(place.Value, kind, hours);
        }

        private OpenLink? ReadOpenLink(JsonElement item, string path)
        {
            LinkId? link = Link(item, path);
            DateOnly? opens = Date(item, "opens", path);
            if (link is { } id && network.GetLink(id).Status == LinkStatus.Operational)
            {
                Error(path + ".link", $"link '{id}' is already operational");
            }

            return link is null ? null : new OpenLink(link.Value, opens);
        }

        private RedateMeasure? ReadRedate(JsonElement item, string path)
        {
            string? measure = MeasureId(item, path);
            DateOnly? from = Date(item, "effectiveFrom", path);
            DateOnly? to = Date(item, "effectiveTo", path);
            if (from is null && !Has(item, "effectiveFrom"))
            {
                Error(path + ".effectiveFrom", "required: YYYY-MM-DD");
            }

            if (from is { } f && to is { } t && t <= f)
            {
                Error(path + ".effectiveTo", $"{t:yyyy-MM-dd} is not after effectiveFrom {f:yyyy-MM-dd}");
            }

            return measure is null || from is null ? null : new RedateMeasure(measure, from.Value, to);
        }

        private AddMeasure? ReadAddMeasure(JsonElement item, string path)
        {
            string? id = String(item, "id", path + ".id");
            if (id is not null && sanctions.Measures.Any(m => m.Id == id))
            {
                Error(path + ".id", $"measure '{id}' already exists; use redate-measure or lift-measure");
            }

            string? regimeText = String(item, "regime", path + ".regime");
            Regime regime = default;
            if (regimeText is not null && !RegimeCodes.TryParse(regimeText, out regime))
            {
                Error(path + ".regime", $"unknown regime '{regimeText}'; known: {RegimeCodes.All}");
            }

            string title = String(item, "title", path + ".title") ?? string.Empty;
            string? country = String(item, "country", path + ".country");
            if (country is not null && !network.Places.Any(p => p.CountryCode == country) && !network.Links.Any(l => l.Countries.Contains(country)))
            {
                Error(path + ".country", $"no place or link of the network is in country '{country}'");
            }

            MeasureKind kind = ParseEnum<MeasureKind>(item, "kind", path);
            TradeDirection direction = ParseEnum<TradeDirection>(item, "direction", path);
            var cargo = new HashSet<CargoClass>();
            if (item.TryGetProperty("cargoClasses", out JsonElement classes) && classes.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement c in classes.EnumerateArray())
                {
                    if (c.ValueKind == JsonValueKind.String && EnumNames.TryParseKebab(c.GetString(), out CargoClass cc))
                    {
                        cargo.Add(cc);
                    }
                    else
                    {
                        Error(path + ".cargoClasses", $"unknown cargo class {c}; known: {EnumNames.AllKebab<CargoClass>()}");
                    }
                }
            }
            else
            {
                Error(path + ".cargoClasses", "required: an array of cargo classes");
            }

            DateOnly? from = Date(item, "effectiveFrom", path);
            DateOnly? to = Date(item, "effectiveTo", path);
            if (from is null)
            {
                Error(path + ".effectiveFrom", "required: YYYY-MM-DD");
            }
            else if (to is { } t && t <= from)
            {
                Error(path + ".effectiveTo", $"{t:yyyy-MM-dd} is not after effectiveFrom {from:yyyy-MM-dd}");
            }

            int severity = 0;
            // TryGetInt32 throws (rather than returning false) for anything but a number: check the kind first.
            if (!item.TryGetProperty("severity", out JsonElement sev) || sev.ValueKind != JsonValueKind.Number || !sev.TryGetInt32(out severity)
                || severity is < Measure.MinSeverity or > Measure.MaxSeverity)
            {
                Error(path + ".severity", $"required: an integer {Measure.MinSeverity}–{Measure.MaxSeverity}");
            }

            bool prohibits = item.TryGetProperty("prohibits", out JsonElement pr) && pr.ValueKind == JsonValueKind.True;
            List<string> sources = Sources(item, path + ".sources");
            if (sources.Count == 0)
            {
                Error(path + ".sources", "a measure needs at least one source id");
            }

            if (id is null || country is null || from is null)
            {
                return null;
            }

            return new AddMeasure(new Measure(id, regime, title, new CountryTarget(country), kind,
                new HashSet<TransportMode>(Enum.GetValues<TransportMode>()), cargo, direction, from.Value, to, severity, prohibits, sources));
        }

        private void CheckContradictions(List<ScenarioChange> changes)
        {
            foreach (var group in changes.OfType<SetDwell>().GroupBy(d => (d.Place, d.Kind)).Where(g => g.Count() > 1))
            {
                Error("changes", $"{group.Count()} set-dwell changes for {EnumNames.ToKebab(group.Key.Kind)} at '{group.Key.Place}'; keep one");
            }

            foreach (var group in changes.OfType<SetLinkSpeed>().GroupBy(s => s.Link).Where(g => g.Count() > 1))
            {
                Error("changes", $"{group.Count()} set-link-speed changes for link '{group.Key}'; keep one");
            }

            var opened = changes.OfType<OpenLink>().Select(o => o.Link).ToHashSet();
            foreach (CloseLink close in changes.OfType<CloseLink>().Where(c => opened.Contains(c.Link)))
            {
                Error("changes", $"link '{close.Link}' is both opened and closed");
            }

            var measures = changes.OfType<LiftMeasure>().Select(l => l.MeasureId)
                .Concat(changes.OfType<RedateMeasure>().Select(r => r.MeasureId))
                .GroupBy(m => m, StringComparer.Ordinal).Where(g => g.Count() > 1);
            foreach (var group in measures)
            {
                Error("changes", $"measure '{group.Key}' is changed {group.Count()} times (lift/redate); keep one");
            }
        }

        private T ParseEnum<T>(JsonElement item, string name, string path) where T : struct, Enum
        {
            string? text = String(item, name, $"{path}.{name}");
            if (text is not null && EnumNames.TryParseKebab(text, out T value))
            {
                return value;
            }

            if (text is not null)
            {
                Error($"{path}.{name}", $"unknown value '{text}'; known: {EnumNames.AllKebab<T>()}");
            }

            return default;
        }

        private PlaceId? Place(JsonElement item, string path)
        {
            string? id = String(item, "place", path + ".place");
            if (id is null)
            {
                return null;
            }

            if (!network.TryGetPlace(new PlaceId(id), out _))
            {
                Error(path + ".place", $"unknown place '{id}'");
                return null;
            }

            return new PlaceId(id);
        }

        private LinkId? Link(JsonElement item, string path)
        {
            string? id = String(item, "link", path + ".link");
            if (id is null)
            {
                return null;
            }

            if (!network.TryGetLink(new LinkId(id), out _))
            {
                Error(path + ".link", $"unknown link '{id}'");
                return null;
            }

            return new LinkId(id);
        }

        private string? MeasureId(JsonElement item, string path)
        {
            string? id = String(item, "measure", path + ".measure");
            if (id is not null && !sanctions.Measures.Any(m => m.Id == id))
            {
                Error(path + ".measure", $"unknown measure '{id}'");
                return null;
            }

            return id;
        }

        private DateRange Range(JsonElement item, string path)
        {
            DateOnly? from = Date(item, "from", path);
            DateOnly? to = Date(item, "to", path);
            if (from is { } f && to is { } t && t <= f)
            {
                Error(path + ".to", $"{t:yyyy-MM-dd} is not after from {f:yyyy-MM-dd}");
            }

            return new DateRange(from, to);
        }

        private RangeFigure? Figure(JsonElement item, string path, string unit)
        {
            double? min = Number(item, "min" + unit, path);
            double? typical = Number(item, "typical" + unit, path);
            double? max = Number(item, "max" + unit, path);
            if (min is null || typical is null || max is null)
            {
                return null;
            }

            if (!(min > 0 && min <= typical && typical <= max))
            {
                Error(path, $"needs 0 < min{unit} ≤ typical{unit} ≤ max{unit}, got {min} / {typical} / {max}");
                return null;
            }

            List<string> sources = Sources(item, path + ".sources");
            string? derived = OptionalString(item, "derived", path + ".derived");
            if (sources.Count == 0 && string.IsNullOrWhiteSpace(derived))
            {
                Error(path, "a figure needs 'sources' or 'derived' (how it was obtained)");
                return null;
            }

            return new RangeFigure(min.Value, typical.Value, max.Value, new Provenance(sources, derived));
        }

        private double? Number(JsonElement item, string name, string path)
        {
            if (!item.TryGetProperty(name, out JsonElement value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number) || !double.IsFinite(number))
            {
                Error($"{path}.{name}", "required: a finite number");
                return null;
            }

            return number;
        }

        private DateOnly? Date(JsonElement item, string name, string path)
        {
            if (!item.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
            {
                return date;
            }

            Error($"{path}.{name}", $"{value} is not a date YYYY-MM-DD");
            return null;
        }

        private List<string> Sources(JsonElement item, string path)
        {
            string name = path.Contains('.', StringComparison.Ordinal) ? path[(path.LastIndexOf('.') + 1)..] : path;
            if (!item.TryGetProperty(name, out JsonElement list) || list.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            var sources = new List<string>();
            if (list.ValueKind != JsonValueKind.Array)
            {
                Error(path, $"expected an array of source ids but found {JsonFields.Describe(list)}");
                return sources;
            }

            foreach (JsonElement s in list.EnumerateArray())
            {
                if (s.ValueKind != JsonValueKind.String)
                {
                    Error(path, $"expected a source id but found {JsonFields.Describe(s)}");
                    continue;
                }

                string id = s.GetString()!;
                if (!network.TryGetSource(id, out _))
                {
                    Error(path, $"unknown source id '{id}'");
                }

                sources.Add(id);
            }

            return sources;
        }

        private static bool Has(JsonElement item, string name) => item.TryGetProperty(name, out _);

        private string? String(JsonElement item, string name, string path)
        {
            if (!item.TryGetProperty(name, out JsonElement value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                Error(path, "required: a non-empty string");
                return null;
            }

            return value.GetString();
        }

        private string? OptionalString(JsonElement item, string name, string path)
        {
            if (!item.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Error(path, "must be a string");
                return null;
            }

            return value.GetString();
        }

        private void Error(string field, string message) => Errors.Add(new QueryError(field, message));
    }
}
