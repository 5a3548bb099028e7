using Corridors.Application.Mapping;
using Corridors.Domain.Dataset;
using Corridors.Domain.Emissions;
using Corridors.Domain.Network;
using Corridors.Domain.Places;
using Corridors.Domain.Risk;
using Corridors.Domain.Routing;
using V1 = Corridors.Contracts.V1;

namespace Corridors.Application.Queries;

/// <summary>
/// Proto request fields → domain values, collecting every bad input as a <see cref="ContractError"/> named by its
/// proto field path instead of stopping at the first. Places are resolved with the domain's <see cref="PlaceResolver"/>
/// (id, name, alias or UN/LOCODE).
/// </summary>
public sealed class RequestReader
{
    private readonly CorridorDataset _dataset;
    private readonly CorridorNetwork _network;
    private readonly PlaceResolver _resolver;
    private readonly QueryLimits _limits;

    public RequestReader(CorridorDataset dataset, PlaceResolver resolver, QueryLimits limits)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(limits);
        _dataset = dataset;
        _network = dataset.Network;
        _resolver = resolver;
        _limits = limits;
    }

    /// <summary>A place named by id, name, alias or UN/LOCODE; null (with an error added) when missing, unknown or ambiguous.</summary>
    public Place? Place(string field, string text, List<ContractError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Text(field, text, errors))
        {
            return null;
        }

        switch (_resolver.Resolve(text))
        {
            case PlaceResolution.Resolved resolved:
                return resolved.Place;
            case PlaceResolution.Ambiguous ambiguous:
                errors.Add(new ContractError(
                    ContractErrorKind.NotFound,
                    field,
                    $"'{text}' is ambiguous: it matches {string.Join(", ", ambiguous.Candidates.Select(Describe))}; use one of their ids",
                    ContractError.PlaceAmbiguousReason,
                    [.. ambiguous.Candidates.Select(ToCandidate)]));
                return null;
            case PlaceResolution.NotFound notFound:
                string hint = notFound.Suggestions.Count == 0 ? string.Empty
                    : $"; did you mean {string.Join(", ", notFound.Suggestions.Select(Describe))}?";
                errors.Add(new ContractError(
                    ContractErrorKind.NotFound,
                    field,
                    $"no place is called '{text}'{hint}",
                    ContractError.PlaceNotFoundReason,
                    [.. notFound.Suggestions.Select(ToCandidate)]));
                return null;
            default:
                throw new InvalidOperationException("Unknown place resolution.");
        }
    }

    /// <summary>A corridor by id; null (with a NOT_FOUND error listing the known ids) when unknown.</summary>
    public Corridor? Corridor(string field, string id, List<ContractError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Text(field, id, errors))
        {
            return null;
        }

        if (_network.TryGetCorridor(new CorridorId(id.Trim()), out Corridor corridor))
        {
            return corridor;
        }

        errors.Add(new ContractError(
            ContractErrorKind.NotFound,
            field,
            $"no corridor has id '{id}'; known: {string.Join(", ", _network.Corridors.Select(c => c.Id.Value))}",
            ContractError.CorridorNotFoundReason,
            [.. _network.Corridors.Select(c => new Candidate(c.Id.Value, c.Name))]));
        return null;
    }

    /// <summary>The objective; FASTEST when unset; null (with an error) for UNSPECIFIED or one the domain cannot serve yet.</summary>
    public static Objective? Objective(string field, bool isSet, V1.Objective value, List<ContractError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!isSet)
        {
            return Domain.Routing.Objective.Fastest;
        }

        if (EnumMapping.ToDomain(value) is { } objective)
        {
            return objective;
        }

        errors.Add(ContractError.Invalid(field, value == V1.Objective.Unspecified
            ? "OBJECTIVE_UNSPECIFIED is not an objective; leave the field out for OBJECTIVE_FASTEST"
            : $"unknown objective {(int)value}"));
        return null;
    }

    /// <summary>
    /// The constraints with their as-of date resolved (empty → <paramref name="today"/>), the perspective and the
    /// payload; null when any field is bad.
    /// </summary>
    /// <param name="allowCorridor">False for comparisons, which cover every corridor.</param>
    public QueryOptions? Options(V1.RouteConstraints? proto, bool allowCorridor, DateOnly today, List<ContractError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        proto ??= new V1.RouteConstraints();
        int before = errors.Count;

        CorridorId? corridor = null;
        if (proto.CorridorId.Length > 0)
        {
            if (!allowCorridor)
            {
                errors.Add(ContractError.Invalid("constraints.corridor_id", "a comparison covers every corridor; leave corridor_id empty"));
            }
            else if (Corridor("constraints.corridor_id", proto.CorridorId, errors) is { } known)
            {
                corridor = known.Id;
            }
        }

        var countries = new HashSet<string>(StringComparer.Ordinal);
        if (ListSize("constraints.avoid_countries", proto.AvoidCountries.Count, errors))
        {
            for (int i = 0; i < proto.AvoidCountries.Count; i++)
            {
                string code = proto.AvoidCountries[i].Trim().ToUpperInvariant();
                if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
                {
                    errors.Add(ContractError.Invalid($"constraints.avoid_countries[{i}]", $"'{proto.AvoidCountries[i]}' is not an ISO 3166-1 alpha-2 code (two letters)"));
                }
                else
                {
                    countries.Add(code);
                }
            }
        }

        var modes = new HashSet<TransportMode>();
        if (ListSize("constraints.avoid_modes", proto.AvoidModes.Count, errors))
        {
            for (int i = 0; i < proto.AvoidModes.Count; i++)
            {
                if (EnumMapping.ToDomain(proto.AvoidModes[i]) is { } mode)
                {
                    modes.Add(mode);
                }
                else
                {
                    errors.Add(ContractError.Invalid($"constraints.avoid_modes[{i}]", proto.AvoidModes[i] == V1.TransportMode.Unspecified
                        ? "TRANSPORT_MODE_UNSPECIFIED is not a mode"
                        : $"unknown transport mode {(int)proto.AvoidModes[i]}"));
                }
            }
        }

        var places = new HashSet<PlaceId>();
        if (ListSize("constraints.avoid_places", proto.AvoidPlaces.Count, errors))
        {
            for (int i = 0; i < proto.AvoidPlaces.Count; i++)
            {
                if (Place($"constraints.avoid_places[{i}]", proto.AvoidPlaces[i], errors) is { } place)
                {
                    places.Add(place.Id);
                }
            }
        }

        var links = new HashSet<LinkId>();
        if (ListSize("constraints.avoid_links", proto.AvoidLinks.Count, errors))
        {
            for (int i = 0; i < proto.AvoidLinks.Count; i++)
            {
                string field = $"constraints.avoid_links[{i}]";
                if (!Text(field, proto.AvoidLinks[i], errors))
                {
                    continue;
                }

                var link = new LinkId(proto.AvoidLinks[i].Trim());
                if (_network.TryGetLink(link, out _))
                {
                    links.Add(link);
                }
                else
                {
                    errors.Add(ContractError.Invalid(field, $"unknown link '{proto.AvoidLinks[i]}'"));
                }
            }
        }

        if (proto.HasMaxBorderCrossings && proto.MaxBorderCrossings is < 0 or > 64)
        {
            errors.Add(ContractError.Invalid("constraints.max_border_crossings", $"must be between 0 and 64, got {proto.MaxBorderCrossings}"));
        }

        DateOnly asOf = today;
        if (proto.AsOf.Length > 0 && !ProtoDates.TryParse(proto.AsOf, out asOf))
        {
            errors.Add(ContractError.Invalid("constraints.as_of", $"'{proto.AsOf}' is not a date in YYYY-MM-DD form"));
        }

        Perspective? perspective = null;
        if (proto.Perspective is { } requested)
        {
            // The domain's parser is the one place regimes and cargo classes are read; the as-of date is checked
            // by the router, for every query.
            QueryResult<Perspective> parsed = PerspectiveParser.Parse(string.Join(",", requested.Regimes), requested.CargoClass, asOf, requested.HsCode);
            errors.AddRange(FromDomain(parsed.Errors));
            perspective = parsed.Value;
        }

        if (proto.HasMaxRiskScore && !(proto.MaxRiskScore is >= 0 and <= 100))
        {
            errors.Add(ContractError.Invalid("constraints.max_risk_score", $"must be between 0 and 100, got {proto.MaxRiskScore}"));
        }

        Payload? payload = null;
        if (proto.HasPayloadTonnes)
        {
            if (proto.PayloadTonnes is > 0 and <= MaxPayloadTonnes)
            {
                payload = _dataset.EmissionFactors.DefaultPayload.WithCargoTonnes(proto.PayloadTonnes);
            }
            else
            {
                errors.Add(ContractError.Invalid("constraints.payload_tonnes", $"must be above 0 and at most {MaxPayloadTonnes} t, got {proto.PayloadTonnes}"));
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        var constraints = new RouteConstraints
        {
            Corridor = corridor,
            AvoidCountries = countries,
            AvoidModes = modes,
            AvoidPlaces = places,
            AvoidLinks = links,
            MaxBorderCrossings = proto.HasMaxBorderCrossings ? proto.MaxBorderCrossings : null,
            AsOf = asOf,
            IncludePlanned = proto.IncludePlanned,
            MaxRiskScore = proto.HasMaxRiskScore ? proto.MaxRiskScore : null,
            AllowedOnly = proto.AllowedOnly,
        };
        return new QueryOptions(constraints, perspective, payload)
        {
            Co2eOptions = proto.CapeSpeedUplift ? new Co2eOptions(CapeSpeedUplift: true) : null,
        };
    }

    /// <summary>False (with an error) when a repeated field has more entries than <see cref="QueryLimits.MaxListItems"/>.</summary>
    public bool ListSize(string field, int count, List<ContractError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (count <= _limits.MaxListItems)
        {
            return true;
        }

        errors.Add(ContractError.Invalid(field, $"has {count} entries; at most {_limits.MaxListItems} are accepted"));
        return false;
    }

    /// <summary>False (with an error) when the text is empty, blank or longer than <see cref="QueryLimits.MaxTextLength"/>.</summary>
    public bool Text(string field, string? text, List<ContractError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(ContractError.Invalid(field, "is required"));
            return false;
        }

        if (text.Length > _limits.MaxTextLength)
        {
            errors.Add(ContractError.Invalid(field, $"is {text.Length} characters long; at most {_limits.MaxTextLength} are accepted"));
            return false;
        }

        return true;
    }

    /// <summary>Heaviest payload accepted, in tonnes (a 40-foot container carries at most ~27 t; the router's bound).</summary>
    public const double MaxPayloadTonnes = 100;

    /// <summary>The proto field path of a field named by a domain <see cref="QueryError"/>.</summary>
    public static string FieldPath(string domainField) => domainField switch
    {
        "corridor" => "constraints.corridor_id",
        PerspectiveParser.RegimesField => "constraints.perspective.regimes",
        PerspectiveParser.CargoField => "constraints.perspective.cargo_class",
        HsCode.Field => "constraints.perspective.hs_code",
        "avoid_countries" or "avoid_modes" or "avoid_places" or "avoid_links" or "max_border_crossings" or "as_of" or "include_planned"
            or "max_risk_score" or "allowed_only" or "payload_tonnes"
            => "constraints." + domainField,
        _ => domainField,
    };

    /// <summary>Domain query errors as INVALID_ARGUMENT contract errors with proto field paths.</summary>
    public static List<ContractError> FromDomain(IEnumerable<QueryError> errors) =>
        [.. errors.Select(e => ContractError.Invalid(FieldPath(e.Field), e.Message))];

    private static Candidate ToCandidate(Place place) => new(place.Id.Value, place.Name);

    private static string Describe(Place place) => $"{place.Id} ({place.Name}, {place.CountryCode})";

}
