// The map: an offline basemap of country shapes (Natural Earth via world-atlas, pruned at build time), the
// corridors' links from the catalog (each corridor its colour; links not open yet dashed and labelled with their
// forecast opening), chokepoints and border crossings, and the routes of the current comparison highlighted.
// Leaflet with SVG and canvas renderers and no tile layer: nothing is fetched but same-origin data.
import L from 'leaflet';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { corridorColor } from './colors';
import { el, formatNumber, modeLabel, outcomeLabel } from './format';
import { hook } from './hook';
import type { CorridorComparison, CorridorLink, GetCorridorResponse, LinkStatus, Place, RouteLeg } from './types';

const OPEN_STATUSES: ReadonlySet<string> = new Set(['operational']);
const STATUS_WORDS: Record<LinkStatus, string> = {
  LINK_STATUS_UNSPECIFIED: 'unknown',
  LINK_STATUS_OPERATIONAL: 'operational',
  LINK_STATUS_UNDER_CONSTRUCTION: 'under construction',
  LINK_STATUS_PLANNED: 'planned',
  LINK_STATUS_CLOSED: 'closed',
};

/** Mean Earth radius in km (IUGG), for along-route distances when finding the leg that was clicked. */
const MEAN_EARTH_RADIUS_KM = 6371.0088;

function haversineKm(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * MEAN_EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

interface RouteOnMap {
  comparison: CorridorComparison;
  coordinates: [number, number][];
  /** Cumulative km along the line at each vertex. */
  cumulativeKm: number[];
  layer: L.GeoJSON;
}

export interface LegSelection {
  corridorId: string;
  corridorName: string;
  legIndex: number;
  leg: RouteLeg;
}

export class CorridorMap {
  private readonly map: L.Map;
  private readonly svg = L.svg({ padding: 0.5 });
  private readonly canvas = L.canvas({ padding: 0.5 });
  private readonly corridorLayers = new Map<string, L.GeoJSON>();
  private readonly linkInfo = new Map<string, { link: CorridorLink; corridorId: string; corridorName: string }>();
  private readonly routes = new Map<string, RouteOnMap>();
  private readonly routeGroup = L.layerGroup();
  private readonly labelGroup = L.layerGroup();
  private readonly chokepointGroup = L.layerGroup();
  private readonly borderGroup = L.layerGroup();
  private legHighlight: L.Polyline | null = null;
  private networkBounds: L.LatLngBounds | null = null;
  private readonly forecastLabels: string[] = [];

  constructor(
    container: HTMLElement,
    private readonly detailsPanel: HTMLElement,
    private readonly onLegSelected: (selection: LegSelection) => void,
  ) {
    this.map = L.map(container, {
      renderer: this.svg,
      zoomSnap: 0.25,
      minZoom: 1,
      maxZoom: 9,
      worldCopyJump: false,
      attributionControl: true,
      keyboard: true,
    });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution('Country shapes: Natural Earth (world-atlas)');
    // A first view over Eurasia and the sea lanes until the corridors' bounds are known.
    this.map.fitBounds(L.latLngBounds([-38, -20], [62, 125]));
    this.routeGroup.addTo(this.map);
    this.labelGroup.addTo(this.map);
    this.chokepointGroup.addTo(this.map);
    this.borderGroup.addTo(this.map);
    this.map.getContainer().setAttribute('aria-label', 'Map of the corridors; arrow keys pan, plus and minus zoom');
  }

  /** Draws the country shapes under everything else. */
  addBasemap(topology: Topology, source: string): void {
    const object = topology.objects['countries'] as GeometryCollection | undefined;
    if (object === undefined) {
      throw new Error('basemap topology has no countries object');
    }
    const countries = feature(topology, object) as FeatureCollection;
    const layer = L.geoJSON(countries, {
      renderer: this.canvas,
      interactive: false,
      style: () => ({ color: '#9a9488', weight: 0.6, fillColor: '#ece8df', fillOpacity: 1, opacity: 1 }),
    } as L.GeoJSONOptions);
    layer.addTo(this.map);
    layer.bringToBack();
    hook.setLayer({
      id: 'basemap',
      kind: 'basemap',
      source,
      highlighted: false,
      dashed: false,
      featureCount: countries.features.length,
      dashedFeatureCount: 0,
      labels: [],
      visible: true,
    });
  }

  /** Adds one corridor's links from GetCorridor. */
  addCorridor(response: GetCorridorResponse): void {
    const corridor = response.corridor;
    const colour = corridorColor(corridor.id);
    const collection = JSON.parse(response.geometryGeojson) as FeatureCollection<LineString | MultiLineString>;
    const links = new Map(response.links.map((link) => [link.id, link]));
    for (const link of response.links) {
      if (!this.linkInfo.has(link.id)) {
        this.linkInfo.set(link.id, { link, corridorId: corridor.id, corridorName: corridor.name });
      }
    }
    const isDashed = (f: Feature): boolean => !OPEN_STATUSES.has(String(f.properties?.['status'] ?? 'operational'));
    const layer = L.geoJSON(collection, {
      style: (f) => ({
        color: colour,
        weight: 3,
        opacity: 0.85,
        ...(f !== undefined && isDashed(f) ? { dashArray: '7 6', lineCap: 'butt' as const } : {}),
      }),
      onEachFeature: (f, featureLayer) => {
        featureLayer.on('click', () => {
          const link = links.get(String(f.id ?? ''));
          this.showLink(corridor.name, link, f);
        });
      },
    });
    layer.addTo(this.map);
    this.corridorLayers.set(corridor.id, layer);
    const bounds = layer.getBounds();
    this.networkBounds = this.networkBounds === null ? L.latLngBounds(bounds.getSouthWest(), bounds.getNorthEast()) : this.networkBounds.extend(bounds);

    // One label per corridor and forecast date, at the middle link of those not open yet.
    const pending = response.links.filter((l) => l.status !== 'LINK_STATUS_OPERATIONAL' && l.status !== 'LINK_STATUS_CLOSED');
    const byDate = new Map<string, CorridorLink[]>();
    for (const link of pending) {
      const key = link.opensOn ?? '';
      byDate.set(key, [...(byDate.get(key) ?? []), link]);
    }
    const labels: string[] = [];
    for (const [date, group] of byDate) {
      const middle = group[Math.floor(group.length / 2)];
      const geometry = collection.features.find((f) => f.id === middle?.id)?.geometry;
      const anchor = geometry === undefined ? null : midpoint(geometry);
      if (anchor === null) {
        continue;
      }
      const status = group.some((l) => l.status === 'LINK_STATUS_UNDER_CONSTRUCTION') ? 'under construction' : 'planned';
      const text = date === '' ? `${status}, no forecast date` : `${status}: opens ${date} (forecast)`;
      labels.push(date === '' ? 'no forecast date' : date);
      L.tooltip({ permanent: true, direction: 'auto', className: 'forecast-label', offset: [8, 0] })
        .setLatLng(anchor)
        .setContent(text)
        .addTo(this.labelGroup);
    }
    const dashedCount = collection.features.filter(isDashed).length;
    hook.setLayer({
      id: `corridor:${corridor.id}`,
      kind: 'corridor',
      source: `/v1/corridors/${corridor.id}`,
      corridorId: corridor.id,
      highlighted: false,
      dashed: dashedCount > 0,
      featureCount: collection.features.length,
      dashedFeatureCount: dashedCount,
      labels,
      visible: true,
    });
    this.forecastLabels.push(...labels);
    hook.setLayer({
      id: 'forecast-labels',
      kind: 'forecast-labels',
      source: '/v1/corridors',
      highlighted: false,
      dashed: false,
      featureCount: this.forecastLabels.length,
      dashedFeatureCount: 0,
      labels: [...this.forecastLabels],
      visible: true,
    });
    this.chokepointGroup.eachLayer((l) => (l as L.CircleMarker).bringToFront());
  }

  /** Fits the view to every corridor once all are drawn. */
  fitNetwork(): void {
    if (this.networkBounds !== null) {
      this.map.fitBounds(this.networkBounds, { padding: [12, 12] });
    }
  }

  /** Marks chokepoints and border crossings (PlaceKind CHOKEPOINT and BORDER_CROSSING). */
  addPlaces(places: readonly Place[]): void {
    const chokepoints = places.filter((p) => p.kind === 'PLACE_KIND_CHOKEPOINT' && p.location);
    const crossings = places.filter((p) => p.kind === 'PLACE_KIND_BORDER_CROSSING' && p.location);
    for (const place of chokepoints) {
      L.circleMarker([place.location!.latitudeDeg, place.location!.longitudeDeg], {
        radius: 6,
        color: '#ffffff',
        weight: 2,
        fillColor: '#b3001b',
        fillOpacity: 1,
      })
        .bindTooltip(`Chokepoint: ${place.name}`)
        .on('click', () => this.showPlace('Chokepoint', place))
        .addTo(this.chokepointGroup);
    }
    for (const place of crossings) {
      L.circleMarker([place.location!.latitudeDeg, place.location!.longitudeDeg], {
        radius: 4,
        color: '#ffffff',
        weight: 1.5,
        fillColor: '#1d1d1d',
        fillOpacity: 1,
      })
        .bindTooltip(`Border crossing: ${place.name}`)
        .on('click', () => this.showPlace('Border crossing', place))
        .addTo(this.borderGroup);
    }
    const base = { highlighted: false, dashed: false, dashedFeatureCount: 0, labels: [] as string[], visible: true, source: '/v1/places' };
    hook.setLayer({ ...base, id: 'chokepoints', kind: 'chokepoints', featureCount: chokepoints.length });
    hook.setLayer({ ...base, id: 'border-crossings', kind: 'border-crossings', featureCount: crossings.length });
  }

  setOverlayVisible(id: 'chokepoints' | 'border-crossings' | 'forecast-labels' | `corridor:${string}`, visible: boolean): void {
    let layer: L.Layer | undefined;
    if (id === 'chokepoints') layer = this.chokepointGroup;
    else if (id === 'border-crossings') layer = this.borderGroup;
    else if (id === 'forecast-labels') layer = this.labelGroup;
    else layer = this.corridorLayers.get(id.slice('corridor:'.length));
    if (layer === undefined) {
      return;
    }
    if (visible) {
      layer.addTo(this.map);
    } else {
      layer.remove();
    }
    hook.updateLayer(id, { visible });
  }

  /** Replaces the highlighted routes with those of a comparison (FOUND and PROHIBITED carry a route). */
  showComparison(comparisons: readonly CorridorComparison[], fit: boolean): void {
    this.clearLegHighlight();
    this.routeGroup.clearLayers();
    for (const id of this.routes.keys()) {
      hook.removeLayer(`route:${id}`);
    }
    this.routes.clear();
    const routed = new Set<string>();
    // Earlier corridors are drawn wider, so a later route on the same line (the Cape routes under red-sea-closed)
    // leaves the earlier one's edges showing.
    const widths = comparisons.map((_, index) => Math.max(4, 9 - index));
    comparisons.forEach((comparison, index) => {
      if (comparison.geometryGeojson === '') {
        return;
      }
      const geometry = JSON.parse(comparison.geometryGeojson) as Geometry;
      const coordinates = lineCoordinates(geometry);
      if (coordinates.length < 2) {
        return;
      }
      const colour = corridorColor(comparison.corridorId);
      const prohibited = comparison.outcome === 'ROUTE_OUTCOME_PROHIBITED';
      const layer = L.geoJSON(geometry, {
        style: () => ({
          color: colour,
          weight: widths[index] ?? 6,
          opacity: 0.95,
          lineJoin: 'round' as const,
          ...(prohibited ? { dashArray: '2 9', lineCap: 'round' as const } : {}),
          className: `route-line route-${comparison.corridorId}`,
        }),
      });
      const cumulativeKm = [0];
      for (let i = 1; i < coordinates.length; i++) {
        cumulativeKm.push((cumulativeKm[i - 1] ?? 0) + haversineKm(coordinates[i - 1]!, coordinates[i]!));
      }
      const route: RouteOnMap = { comparison, coordinates, cumulativeKm, layer };
      layer.on('click', (event: L.LeafletMouseEvent) => this.selectLegAt(route, event.latlng));
      layer.bindTooltip(`${comparison.corridorName}: ${outcomeLabel(comparison.outcome)} — click a leg for details`, { sticky: true });
      layer.addTo(this.routeGroup);
      this.routes.set(comparison.corridorId, route);
      routed.add(comparison.corridorId);
      hook.setLayer({
        id: `route:${comparison.corridorId}`,
        kind: 'route',
        source: '/v1/comparisons',
        corridorId: comparison.corridorId,
        highlighted: true,
        dashed: prohibited,
        featureCount: 1,
        dashedFeatureCount: prohibited ? 1 : 0,
        labels: [],
        placeIds: placeIdsOf(comparison.legs),
        outcome: comparison.outcome,
        visible: true,
      });
    });
    // Corridor networks fade behind the routes while a comparison is shown.
    for (const [id, layer] of this.corridorLayers) {
      layer.setStyle({ opacity: routed.size > 0 ? 0.3 : 0.85 });
      hook.updateLayer(`corridor:${id}`, { highlighted: false });
    }
    if (fit && this.routeGroup.getLayers().length > 0) {
      const bounds = L.featureGroup(this.routeGroup.getLayers()).getBounds();
      if (bounds.isValid()) {
        this.map.fitBounds(bounds, { padding: [16, 16] });
      }
    }
  }

  /** Shows a leg chosen from the legs table: details and its stretch of the route drawn on top. */
  selectLeg(corridorId: string, legIndex: number): void {
    const route = this.routes.get(corridorId);
    const leg = route?.comparison.legs[legIndex];
    if (route === undefined || leg === undefined) {
      return;
    }
    this.highlightLeg(route, legIndex);
    this.onLegSelected({ corridorId, corridorName: route.comparison.corridorName, legIndex, leg });
  }

  invalidateSize(): void {
    this.map.invalidateSize();
  }

  private selectLegAt(route: RouteOnMap, latlng: L.LatLng): void {
    // The nearest vertex of the route line, then the leg whose share of the route's km covers it.
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    route.coordinates.forEach(([lon, lat], index) => {
      const d = haversineKm([lon, lat], [latlng.lng, latlng.lat]);
      if (d < bestDistance) {
        bestDistance = d;
        best = index;
      }
    });
    const legIndex = legAtFraction(route, (route.cumulativeKm[best] ?? 0) / (route.cumulativeKm.at(-1) || 1));
    this.selectLeg(route.comparison.corridorId, legIndex);
  }

  private highlightLeg(route: RouteOnMap, legIndex: number): void {
    this.clearLegHighlight();
    const [startFraction, endFraction] = legFractions(route, legIndex);
    const total = route.cumulativeKm.at(-1) ?? 0;
    const points: L.LatLngExpression[] = [];
    route.coordinates.forEach(([lon, lat], index) => {
      const f = total === 0 ? 0 : (route.cumulativeKm[index] ?? 0) / total;
      if (f >= startFraction - 1e-9 && f <= endFraction + 1e-9) {
        points.push([lat, lon]);
      }
    });
    if (points.length < 2) {
      const nearest = route.coordinates[Math.round(startFraction * (route.coordinates.length - 1))];
      if (nearest !== undefined) {
        points.push([nearest[1], nearest[0]], [nearest[1], nearest[0]]);
      }
    }
    this.legHighlight = L.polyline(points, { color: '#111111', weight: 11, opacity: 0.55, interactive: false }).addTo(this.map);
    route.layer.bringToFront();
  }

  private clearLegHighlight(): void {
    this.legHighlight?.remove();
    this.legHighlight = null;
  }

  private showLink(corridorName: string, link: CorridorLink | undefined, f: Feature): void {
    const props = f.properties ?? {};
    const rows: [string, string][] = [
      ['Corridor', corridorName],
      ['Link', String(f.id ?? '')],
      ['From → to', `${String(props['from'] ?? link?.fromPlaceId ?? '')} → ${String(props['to'] ?? link?.toPlaceId ?? '')}`],
      ['Mode', link ? modeLabel(link.mode) : String(props['mode'] ?? '')],
      ['Length', `${formatNumber(Number(props['distanceKm'] ?? link?.distanceKm ?? 0))} km`],
      ['Status', link ? STATUS_WORDS[link.status] : String(props['status'] ?? '')],
    ];
    if (link?.opensOn) rows.push(['Opens', link.status === 'LINK_STATUS_OPERATIONAL' ? `${link.opensOn} (opened)` : `${link.opensOn} (forecast)`]);
    if (link && link.countries.length > 0) rows.push(['Countries', link.countries.join(', ')]);
    if (link && link.gaugeMm > 0) rows.push(['Gauge', `${link.gaugeMm} mm`]);
    this.renderDetails('Link', rows);
  }

  private showPlace(kind: string, place: Place): void {
    const rows: [string, string][] = [
      ['Place', place.name],
      ['Kind', kind],
      ['Country', place.country],
      ['Id', place.id],
    ];
    if (place.aliases.length > 0) rows.push(['Also called', place.aliases.join(', ')]);
    this.renderDetails(kind, rows);
  }

  renderDetails(title: string, rows: readonly [string, string][]): void {
    const list = el('dl', { class: 'details-list' });
    for (const [term, value] of rows) {
      list.append(el('dt', {}, term), el('dd', {}, value));
    }
    this.detailsPanel.replaceChildren(el('h3', {}, title), list);
  }
}

function midpoint(geometry: Geometry): L.LatLngExpression | null {
  const coordinates = lineCoordinates(geometry);
  const middle = coordinates[Math.floor(coordinates.length / 2)];
  return middle === undefined ? null : [middle[1], middle[0]];
}

function lineCoordinates(geometry: Geometry): [number, number][] {
  if (geometry.type === 'LineString') {
    return geometry.coordinates.map((p) => [p[0] ?? 0, p[1] ?? 0]);
  }
  if (geometry.type === 'MultiLineString') {
    return geometry.coordinates.flat().map((p) => [p[0] ?? 0, p[1] ?? 0]);
  }
  return [];
}

function placeIdsOf(legs: readonly RouteLeg[]): string[] {
  if (legs.length === 0) return [];
  return [legs[0]!.from.id, ...legs.map((l) => l.to.id)];
}

/** The start and end of a leg as fractions of the route's km (legs in order, by their link lengths). */
function legFractions(route: RouteOnMap, legIndex: number): [number, number] {
  const legs = route.comparison.legs;
  const total = legs.reduce((sum, l) => sum + l.distanceKm, 0) || 1;
  let start = 0;
  for (let i = 0; i < legIndex; i++) start += legs[i]?.distanceKm ?? 0;
  return [start / total, (start + (legs[legIndex]?.distanceKm ?? 0)) / total];
}

function legAtFraction(route: RouteOnMap, fraction: number): number {
  const legs = route.comparison.legs;
  for (let i = 0; i < legs.length; i++) {
    if (fraction <= legFractions(route, i)[1] + 1e-9) return i;
  }
  return Math.max(0, legs.length - 1);
}

