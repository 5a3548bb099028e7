// The JSON shapes of the Corridors API (proto3 JSON of protos/corridors/v1/*.proto: lowerCamelCase fields, enums by
// their proto names, int64 as strings). Only the fields the dashboard reads are declared; proto3 JSON prints zero
// values, but optional and message fields may be absent.

export type RouteOutcome =
  | 'ROUTE_OUTCOME_UNSPECIFIED'
  | 'ROUTE_OUTCOME_FOUND'
  | 'ROUTE_OUTCOME_NO_PATH'
  | 'ROUTE_OUTCOME_NOT_YET_OPEN'
  | 'ROUTE_OUTCOME_INFEASIBLE'
  | 'ROUTE_OUTCOME_PROHIBITED';

export type TransportMode =
  | 'TRANSPORT_MODE_UNSPECIFIED'
  | 'TRANSPORT_MODE_RAIL'
  | 'TRANSPORT_MODE_ROAD'
  | 'TRANSPORT_MODE_SEA'
  | 'TRANSPORT_MODE_FERRY'
  | 'TRANSPORT_MODE_INLAND_WATERWAY';

export type PlaceKind =
  | 'PLACE_KIND_UNSPECIFIED'
  | 'PLACE_KIND_CITY'
  | 'PLACE_KIND_SEAPORT'
  | 'PLACE_KIND_BORDER_CROSSING'
  | 'PLACE_KIND_FERRY_TERMINAL'
  | 'PLACE_KIND_SEA_WAYPOINT'
  | 'PLACE_KIND_CHOKEPOINT';

export type LinkStatus =
  | 'LINK_STATUS_UNSPECIFIED'
  | 'LINK_STATUS_OPERATIONAL'
  | 'LINK_STATUS_UNDER_CONSTRUCTION'
  | 'LINK_STATUS_PLANNED'
  | 'LINK_STATUS_CLOSED';

export interface Corridor {
  id: string;
  name: string;
  description: string;
  linkCount: number;
  networkKm: number;
  sourceIds: string[];
}

export interface CorridorLink {
  id: string;
  fromPlaceId: string;
  toPlaceId: string;
  mode: TransportMode;
  distanceKm: number;
  status: LinkStatus;
  opensOn?: string;
  countries: string[];
  gaugeMm: number;
}

export interface GetCorridorResponse {
  corridor: Corridor;
  links: CorridorLink[];
  geometryGeojson: string;
  networkVersion: string;
}

export interface LatLng {
  latitudeDeg: number;
  longitudeDeg: number;
}

export interface Place {
  id: string;
  name: string;
  country: string;
  unlocode: string;
  kind: PlaceKind;
  location?: LatLng;
  aliases: string[];
}

export interface PlaceSummary {
  id: string;
  name: string;
  country: string;
}

export interface PlaceRef {
  id: string;
  name: string;
}

export interface ResolvePlaceResponse {
  match: 'PLACE_MATCH_UNSPECIFIED' | 'PLACE_MATCH_RESOLVED' | 'PLACE_MATCH_AMBIGUOUS' | 'PLACE_MATCH_NEAREST';
  place?: Place;
  candidates: Place[];
}

export interface Source {
  id: string;
  title: string;
  url: string;
  date: string;
  notes: string;
}

export interface TransitDays {
  p10: number;
  p50: number;
  p90: number;
}

export interface RiskExposure {
  measureId: string;
  regime: string;
  title: string;
  target: string;
  kind: string;
  severity: number;
  prohibits: boolean;
  distanceKm: number;
  days: number;
  points: number;
  linkIds: string[];
  placeIds: string[];
  sourceIds: string[];
  licenceAuthority: string;
  licenceType: string;
  act: string;
  articles: string;
  inForceFrom: string;
  assumption: string;
}

export type RiskLevel = 'RISK_LEVEL_UNSPECIFIED' | 'RISK_LEVEL_LOW' | 'RISK_LEVEL_ELEVATED' | 'RISK_LEVEL_HIGH' | 'RISK_LEVEL_SEVERE';
export type RiskVerdict =
  | 'RISK_VERDICT_UNSPECIFIED'
  | 'RISK_VERDICT_ALLOWED'
  | 'RISK_VERDICT_PROHIBITED'
  | 'RISK_VERDICT_LICENCE_REQUIRED';

export interface SanctionRisk {
  score: number;
  level: RiskLevel;
  verdict: RiskVerdict;
  exposures: RiskExposure[];
  prohibitingMeasureIds: string[];
  licensingMeasureIds: string[];
  perspective: string;
  basis: 'RISK_BASIS_UNSPECIFIED' | 'RISK_BASIS_REVIEWED' | 'RISK_BASIS_PROJECTED';
  measuresReviewedOn: string;
}

export interface LegHours {
  p50: number;
  min: number;
  max: number;
}

export interface RouteLeg {
  from: PlaceRef;
  to: PlaceRef;
  mode: TransportMode;
  distanceKm: number;
  hours?: LegHours;
  dwellHours: number;
  linkId: string;
  co2eKg?: number;
  forecast: boolean;
  forecastOpensOn?: string;
}

export interface Infeasibility {
  constraint: string;
  value: string;
  message: string;
}

export interface CorridorComparison {
  corridorId: string;
  corridorName: string;
  outcome: RouteOutcome;
  distanceKm: number;
  transitDays?: TransitDays;
  borderCrossings: number;
  gaugeBreaks: number;
  legs: RouteLeg[];
  sanctionRisk?: SanctionRisk;
  co2eKg?: number;
  explanation: string;
  reasons: Infeasibility[];
  opensOn?: string;
  geometryGeojson: string;
  notes: string[];
}

export interface CorridorDelta {
  corridorId: string;
  baselineOutcome: RouteOutcome;
  scenarioOutcome: RouteOutcome;
  outcomeChanged: boolean;
  deltaDistanceKm?: number;
  deltaP50Days?: number;
  deltaRiskScore?: number;
}

export interface DataFreshness {
  businessDate: string;
  reviewedOn: string;
  freshUntil: string;
  ageDays: number;
  daysLeft: number;
  stale: boolean;
}

export interface CompareCorridorsResponse {
  origin: PlaceSummary;
  destination: PlaceSummary;
  asOf: string;
  comparisons: CorridorComparison[];
  objective: string;
  scenarioId: string;
  scenarioVersion: string;
  baselineComparisons: CorridorComparison[];
  deltas: CorridorDelta[];
  dataFreshness?: DataFreshness;
}

export interface CompareCorridorsRequest {
  origin: string;
  destination: string;
  constraints: {
    asOf?: string;
    perspective: { regimes: string[]; cargoClass: string; hsCode?: string };
  };
  scenarioId?: string;
  includeBaseline?: boolean;
}

export interface Scenario {
  id: string;
  name: string;
  version: string;
  origin: string;
  readOnly: boolean;
  definition: string;
  description: string;
  changeCount: number;
  sourceIds: string[];
}

export interface CorridorMetric {
  corridorId: string;
  corridorName: string;
  outcome: RouteOutcome;
  distanceKm: number;
  transitDays?: TransitDays;
  borderCrossings: number;
  gaugeBreaks: number;
  sanctionRisk?: SanctionRisk;
  co2eKg?: number;
  explanation: string;
}

export interface PairMetrics {
  origin: PlaceSummary;
  destination: PlaceSummary;
  corridors: CorridorMetric[];
}

export interface MetricsResponse {
  version: string;
  unchanged: boolean;
  asOf: string;
  pairs: PairMetrics[];
  computedAt?: string;
  scenarioId: string;
  dataFreshness?: DataFreshness;
}

export interface WatchEvent {
  metrics?: MetricsResponse;
  heartbeat?: { sentAt?: string; version: string };
}
