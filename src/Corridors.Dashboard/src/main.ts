// Wires the dashboard: loads the catalog, reads the view from the URL, runs comparisons and renders them into the
// table, the map and the charts, and keeps the URL, the through-time replay, the scenario panel and the live board
// in step. Everything it fetches is same-origin (/v1/… and the basemap file).
import type { Topology } from 'topojson-specification';
import { api, ApiError } from './api';
import { drawFigureChart, drawTransitChart } from './charts';
import { corridorColor } from './colors';
import { PlaceCombobox } from './combobox';
import { byId, el, formatNumber, formatSigned, modeLabel } from './format';
import { hook, installHook } from './hook';
import { LiveBoard } from './live';
import { CorridorMap, type LegSelection } from './map';
import { renderDetails, renderTable, summaryText, type ResultsContext } from './results';
import { clearError, ScenarioPanel, showError } from './scenarios';
import { isIsoDate, publishState, readState, type ViewState } from './state';
import { Timeline, type KeyDate } from './timeline';
import type { CompareCorridorsRequest, CompareCorridorsResponse, Corridor, DataFreshness, GetCorridorResponse, Place, Scenario, Source } from './types';

/** Written by build.mjs: the basemap's hashed file name. */
declare const BASEMAP_URL: string;

const places = new Map<string, Place>();
const sources = new Map<string, Source>();
let corridors: Corridor[] = [];
let cku: KeyDate | null = null;
let compareController: AbortController | null = null;
let lastResponse: CompareCorridorsResponse | null = null;
let renderSequence = 0;

const form = byId<HTMLFormElement>('compare-form');
const originInput = byId<HTMLInputElement>('origin');
const destinationInput = byId<HTMLInputElement>('destination');
const asOfInput = byId<HTMLInputElement>('as-of');
const perspectiveSelect = byId<HTMLSelectElement>('perspective');
const cargoSelect = byId<HTMLSelectElement>('cargo');
const hsInput = byId<HTMLInputElement>('hs-code');
const scenarioSelect = byId<HTMLSelectElement>('scenario');
const compareButton = byId<HTMLButtonElement>('compare-button');
const compareStatus = byId('compare-status');
const compareError = byId('compare-error');

const origin = new PlaceCombobox(originInput, byId<HTMLUListElement>('origin-list'), byId('origin-status'));
const destination = new PlaceCombobox(destinationInput, byId<HTMLUListElement>('destination-list'), byId('destination-status'));

const legDetails = byId('leg-details');
const map = new CorridorMap(byId('map'), legDetails, showLegDetails);

const resultsContext: ResultsContext = {
  places,
  sources,
  onShowLeg: (corridorId, legIndex) => {
    map.selectLeg(corridorId, legIndex);
    byId('map').scrollIntoView({ block: 'nearest' });
  },
};

const timeline = new Timeline(
  {
    button: byId<HTMLButtonElement>('replay-button'),
    progress: byId<HTMLProgressElement>('replay-progress'),
    status: byId('replay-status'),
    slider: byId<HTMLInputElement>('time-slider'),
    output: byId<HTMLOutputElement>('time-date'),
    p50Canvas: byId<HTMLCanvasElement>('series-p50'),
    riskCanvas: byId<HTMLCanvasElement>('series-risk'),
    breaks: byId('series-breaks'),
  },
  () => {
    const state = formState();
    return state.from && state.to ? requestOf(state) : null;
  },
  () => [
    { date: '2022-02-24', label: 'invasion of Ukraine' },
    { date: '2023-12-15', label: 'Red Sea pause' },
    ...(cku !== null ? [cku] : []),
  ],
  (date) => {
    asOfInput.value = date;
    void compare(false);
  },
);

const scenarios = new ScenarioPanel(
  {
    info: byId('scenario-info'),
    form: byId<HTMLFormElement>('scenario-form'),
    key: byId<HTMLInputElement>('api-key'),
    id: byId<HTMLInputElement>('scenario-id'),
    name: byId<HTMLInputElement>('scenario-name'),
    definition: byId<HTMLTextAreaElement>('scenario-definition'),
    load: byId<HTMLButtonElement>('scenario-load'),
    update: byId<HTMLButtonElement>('scenario-update'),
    result: byId('scenario-result'),
    error: byId('scenario-error'),
  },
  () => scenarioSelect.value,
  () => sources,
  (saved) => void onScenarioSaved(saved),
);

const live = new LiveBoard(byId('live-board'), byId('live-status'), showFreshness);

function showLegDetails(selection: LegSelection): void {
  const leg = selection.leg;
  const rows: [string, string][] = [
    ['Corridor', selection.corridorName],
    ['Leg', `${selection.legIndex + 1}: ${leg.from.name} → ${leg.to.name}`],
    ['Link', leg.linkId],
    ['Mode', modeLabel(leg.mode)],
    ['Length', `${formatNumber(leg.distanceKm)} km`],
    ['Moving time', leg.hours ? `${formatNumber(leg.hours.p50, 1)} h (${formatNumber(leg.hours.min, 1)}–${formatNumber(leg.hours.max, 1)} h)` : '—'],
    ['Dwell', `${formatNumber(leg.dwellHours, 1)} h`],
  ];
  if (leg.co2eKg !== undefined) rows.push(['CO2e WTW', `${formatNumber(leg.co2eKg)} kg`]);
  if (leg.forecast) rows.push(['Forecast', `link not built yet${leg.forecastOpensOn ? `; forecast to open ${leg.forecastOpensOn}` : ''}`]);
  map.renderDetails('Leg', rows);
  legDetails.dataset['linkId'] = leg.linkId;
}

function showFreshness(f: DataFreshness): void {
  const box = byId('freshness');
  box.classList.toggle('stale', f.stale);
  box.dataset['stale'] = String(f.stale);
  box.dataset['reviewedOn'] = f.reviewedOn;
  box.textContent = f.stale
    ? `Sanction data STALE: reviewed ${f.reviewedOn}, current until ${f.freshUntil} (${-f.daysLeft} days past, business date ${f.businessDate})`
    : `Sanction data reviewed ${f.reviewedOn} · current until ${f.freshUntil} (${f.daysLeft} days left, business date ${f.businessDate})`;
}

function formState(): ViewState {
  return {
    from: origin.value(),
    to: destination.value(),
    asOf: isIsoDate(asOfInput.value) ? asOfInput.value : '',
    perspective: perspectiveSelect.value,
    cargo: cargoSelect.value,
    hsCode: hsInput.value.trim(),
    scenario: scenarioSelect.value,
  };
}

function applyState(state: ViewState): void {
  origin.setValue(state.from);
  destination.setValue(state.to);
  asOfInput.value = state.asOf;
  perspectiveSelect.value = state.perspective;
  cargoSelect.value = state.cargo;
  hsInput.value = state.hsCode;
  if (state.scenario !== '' && ![...scenarioSelect.options].some((o) => o.value === state.scenario)) {
    // A scenario the list does not have (yet): keep it, the server will say if it is unknown.
    scenarioSelect.append(el('option', { value: state.scenario }, state.scenario));
  }
  scenarioSelect.value = state.scenario;
}

function requestOf(state: ViewState): CompareCorridorsRequest {
  return {
    origin: state.from,
    destination: state.to,
    constraints: {
      ...(state.asOf ? { asOf: state.asOf } : {}),
      perspective: {
        regimes: [state.perspective],
        cargoClass: state.cargo,
        ...(state.hsCode ? { hsCode: state.hsCode } : {}),
      },
    },
    ...(state.scenario ? { scenarioId: state.scenario, includeBaseline: true } : {}),
  };
}

/** Runs the comparison of the form's state; `fit` zooms the map to the routes. */
async function compare(fit: boolean): Promise<void> {
  const state = formState();
  clearError(compareError);
  if (state.from === '' || state.to === '') {
    compareStatus.textContent = 'Choose an origin and a destination.';
    (state.from === '' ? originInput : destinationInput).focus();
    return;
  }
  publishState(state);
  compareController?.abort();
  const controller = new AbortController();
  compareController = controller;
  compareStatus.textContent = 'Comparing…';
  form.setAttribute('aria-busy', 'true');
  const sent = performance.now();
  try {
    const response = await api.compare(requestOf(state), controller.signal);
    if (controller.signal.aborted) return;
    const received = performance.now();
    render(response, fit);
    live.watch(state.scenario);
    void scenarios.describe(response.scenarioId);
    // Measured to the frame after the DOM, map and charts were updated: what a user waits for.
    requestAnimationFrame(() => {
      const drawn = performance.now();
      renderSequence++;
      hook.setRender({
        query: window.location.search,
        asOf: response.asOf,
        scenarioId: response.scenarioId,
        corridorIds: response.comparisons.map((c) => c.corridorId),
        renderMs: Math.round((drawn - received) * 10) / 10,
        responseMs: Math.round((received - sent) * 10) / 10,
        sequence: renderSequence,
      });
      byId('results-section').dataset['sequence'] = String(renderSequence);
    });
    compareStatus.textContent = `Compared ${response.comparisons.length} corridors in ${Math.round(received - sent)} ms.`;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    await explainFailure(error, state);
    compareStatus.textContent = 'The comparison failed.';
  } finally {
    if (compareController === controller) {
      compareController = null;
      form.removeAttribute('aria-busy');
    }
  }
}

/** A name that matches several places: offer the candidates in the field's listbox. */
async function explainFailure(error: unknown, state: ViewState): Promise<void> {
  showError(compareError, error);
  if (!(error instanceof ApiError) || error.status !== 400) return;
  for (const [text, box] of [
    [state.from, origin],
    [state.to, destination],
  ] as const) {
    if (places.has(text)) continue;
    try {
      const resolved = await api.resolvePlace(text);
      if (resolved.match === 'PLACE_MATCH_AMBIGUOUS' && resolved.candidates.length > 0) {
        box.offer(resolved.candidates);
        compareError.append(el('p', {}, `“${text}” names ${resolved.candidates.length} places: pick one from the list.`));
        return;
      }
    } catch {
      // The comparison's own error is already shown.
    }
  }
}

function render(response: CompareCorridorsResponse, fit: boolean): void {
  lastResponse = response;
  byId('results-summary').textContent = summaryText(response);
  const scenarioSummary = byId('scenario-summary');
  if (response.scenarioId) {
    const changed = response.deltas.filter((d) => d.outcomeChanged || Math.abs(d.deltaP50Days ?? 0) >= 0.05 || Math.abs(d.deltaDistanceKm ?? 0) >= 0.5 || Math.abs(d.deltaRiskScore ?? 0) >= 0.05);
    scenarioSummary.hidden = false;
    scenarioSummary.replaceChildren(
      el('strong', {}, `Scenario ${response.scenarioId} (v${response.scenarioVersion}) beside the baseline: `),
      changed.length === 0
        ? 'no corridor changes.'
        : changed
            .map((d) => {
              const name = response.comparisons.find((c) => c.corridorId === d.corridorId)?.corridorName.replace(/\s*\(.*\)$/, '') ?? d.corridorId;
              return d.outcomeChanged
                ? `${name}: ${d.baselineOutcome.replace('ROUTE_OUTCOME_', '').toLowerCase().replace(/_/g, ' ')} → ${d.scenarioOutcome.replace('ROUTE_OUTCOME_', '').toLowerCase().replace(/_/g, ' ')}`
                : `${name}: ${formatSigned(d.deltaP50Days ?? 0, 1)} days P50, ${formatSigned(d.deltaDistanceKm ?? 0)} km, ${formatSigned(d.deltaRiskScore ?? 0, 1)} risk`;
            })
            .join('; ') + '.',
    );
  } else {
    scenarioSummary.hidden = true;
    scenarioSummary.replaceChildren();
  }
  byId('results-caption').textContent = summaryText(response);
  renderTable(byId('results-head'), byId('results-body'), response, resultsContext);
  renderDetails(byId('corridor-details'), response, resultsContext);
  map.showComparison(response.comparisons, fit);
  drawTransitChart(byId<HTMLCanvasElement>('transit-chart'), response.comparisons);
  drawFigureChart(byId<HTMLCanvasElement>('risk-chart'), response.comparisons, 'risk');
  drawFigureChart(byId<HTMLCanvasElement>('co2e-chart'), response.comparisons, 'co2e');
  if (response.dataFreshness !== undefined) showFreshness(response.dataFreshness);
  if (asOfInput.value === '') asOfInput.placeholder = response.asOf;
  timeline.syncTo(response.asOf);
}

function fillScenarios(list: readonly Scenario[], keep: string): void {
  scenarioSelect.replaceChildren(
    el('option', { value: '' }, 'Baseline (no scenario)'),
    ...list.map((s) => el('option', { value: s.id }, `${s.name} (${s.id}${s.readOnly ? '' : `, v${s.version}`})`)),
  );
  if (keep !== '' && !list.some((s) => s.id === keep)) scenarioSelect.append(el('option', { value: keep }, keep));
  scenarioSelect.value = keep;
}

async function onScenarioSaved(saved: Scenario): Promise<void> {
  try {
    fillScenarios(await api.listScenarios(), scenarioSelect.value);
  } catch {
    // The list stays as it was; the save itself succeeded and says so.
  }
  if (scenarioSelect.value === saved.id && lastResponse !== null) {
    await compare(false);
  }
}

function buildLegend(list: readonly Corridor[]): void {
  const box = byId('legend-corridors');
  box.replaceChildren(
    ...list.map((c) => {
      const checkbox = el('input', { type: 'checkbox', checked: true, 'data-layer': `corridor:${c.id}` });
      return el('label', { class: 'legend-item' }, checkbox, ' ', el('span', { class: 'swatch swatch-line', style: `background:${corridorColor(c.id)}`, 'aria-hidden': 'true' }), ` ${c.name.replace(/\s*\(.*\)$/, '')}`);
    }),
  );
}

function wireLegend(): void {
  byId('map-legend').addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const layer = input.dataset['layer'];
    if (layer) map.setOverlayVisible(layer as Parameters<CorridorMap['setOverlayVisible']>[0], input.checked);
  });
}

async function loadCorridors(): Promise<void> {
  corridors = await api.listCorridors();
  buildLegend(corridors);
  const responses = await Promise.all(corridors.map((c) => api.getCorridor(c.id).catch((e: unknown) => e)));
  for (const response of responses) {
    if (response instanceof Error) {
      hook.recordError(response.message);
      continue;
    }
    const r = response as GetCorridorResponse;
    map.addCorridor(r);
    if (r.corridor.id === 'cku') {
      // The CKU forecast opening, read from its links rather than written here.
      const opening = r.links.filter((l) => l.status !== 'LINK_STATUS_OPERATIONAL' && l.opensOn).map((l) => l.opensOn!).sort().at(-1);
      if (opening) cku = { date: opening, label: 'CKU forecast opening' };
    }
  }
  if (lastResponse === null) map.fitNetwork();
}

async function loadBasemap(): Promise<void> {
  const response = await fetch(BASEMAP_URL, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new ApiError(response.status, `basemap ${BASEMAP_URL}`);
  map.addBasemap((await response.json()) as Topology, BASEMAP_URL);
  hook.setTiming('basemapMs', performance.now());
}

async function start(): Promise<void> {
  installHook();
  wireLegend();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void compare(true);
  });
  for (const control of [perspectiveSelect, cargoSelect, scenarioSelect, asOfInput]) {
    control.addEventListener('change', () => {
      if (control === asOfInput && asOfInput.value !== '' && !isIsoDate(asOfInput.value)) return;
      if (origin.value() !== '' && destination.value() !== '') void compare(false);
      else publishState(formState());
    });
  }

  const basemap = loadBasemap().catch((error: unknown) => hook.recordError(`basemap: ${String(error)}`));
  const network = loadCorridors().catch((error: unknown) => {
    hook.recordError(`corridors: ${String(error)}`);
    showError(compareError, error);
  });
  const sourcesLoaded = api
    .listSources()
    .then((list) => list.forEach((s) => sources.set(s.id, s)))
    .catch(() => {
      // An older server without ListSources: source ids show as plain text.
    });

  const state = readState(window.location.search);
  try {
    const [placeList, scenarioList] = await Promise.all([api.listPlaces(), api.listScenarios()]);
    placeList.forEach((p) => places.set(p.id, p));
    origin.setPlaces(placeList);
    destination.setPlaces(placeList);
    map.addPlaces(placeList);
    fillScenarios(scenarioList, state.scenario);
  } catch (error) {
    showError(compareError, error);
  }
  applyState(state);
  compareButton.disabled = false;
  hook.setTiming('interactiveMs', performance.now());

  await sourcesLoaded;
  const first = state.from !== '' && state.to !== '' ? compare(true) : Promise.resolve();
  if (state.from === '' || state.to === '') {
    live.watch(state.scenario);
    void scenarios.describe(state.scenario);
  }
  await Promise.all([basemap, network, first]);
  if (lastResponse !== null) map.showComparison(lastResponse.comparisons, true);
  // Ready once the first render's frame is done too.
  requestAnimationFrame(() => hook.setReady());
}

window.addEventListener('resize', () => map.invalidateSize());
void start();
