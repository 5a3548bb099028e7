// The comparison as a table (one row per corridor, real header cells) and, per corridor, its outcome in words,
// notes, each risk exposure explained (act, articles, in force from, assumption, sources as links) and its legs.
import { corridorColor } from './colors';
import {
  el,
  formatNumber,
  formatSigned,
  hasRoute,
  levelLabel,
  modeLabel,
  outcomeInWords,
  outcomeLabel,
  verdictLabel,
} from './format';
import type { CompareCorridorsResponse, CorridorComparison, CorridorDelta, Place, RiskExposure, Source } from './types';

/** Places the "via" column names: the kinds the map marks (chokepoints, border crossings) and ferry terminals. */
const VIA_KINDS: ReadonlySet<string> = new Set(['PLACE_KIND_CHOKEPOINT', 'PLACE_KIND_BORDER_CROSSING', 'PLACE_KIND_FERRY_TERMINAL']);

export interface ResultsContext {
  places: ReadonlyMap<string, Place>;
  sources: ReadonlyMap<string, Source>;
  onShowLeg: (corridorId: string, legIndex: number) => void;
}

function via(c: CorridorComparison, places: ReadonlyMap<string, Place>): string {
  if (!hasRoute(c.outcome) || c.legs.length === 0) return '—';
  const names: string[] = [];
  for (const leg of c.legs) {
    const place = places.get(leg.to.id);
    if (place !== undefined && VIA_KINDS.has(place.kind) && !names.includes(leg.to.name)) names.push(leg.to.name);
  }
  return names.length === 0 ? 'no chokepoint or border crossing' : names.join(', ');
}

/** "Northern route (Trans-Siberian / …)" → "Northern route". */
export function shortName(name: string): string {
  const cut = name.search(/\s*[(]/);
  return (cut > 0 ? name.slice(0, cut) : name).trim();
}

function num(value: number | undefined, digits: number, field: string): HTMLTableCellElement {
  if (value === undefined || Number.isNaN(value)) return el('td', { class: 'num', 'data-field': field }, '—');
  return el('td', { class: 'num', 'data-field': field, 'data-value': value }, formatNumber(value, digits));
}

function delta(value: number | undefined, digits: number, field: string): HTMLTableCellElement {
  if (value === undefined) return el('td', { class: 'num delta', 'data-field': field }, '—');
  const kind = Math.abs(value) < 10 ** -digits / 2 ? 'same' : value > 0 ? 'up' : 'down';
  return el('td', { class: `num delta delta-${kind}`, 'data-field': field, 'data-value': value }, formatSigned(value, digits));
}

export function renderTable(
  head: HTMLElement,
  body: HTMLElement,
  response: CompareCorridorsResponse,
  context: ResultsContext,
): void {
  const withBaseline = response.scenarioId !== '' && response.deltas.length > 0;
  // [shown, read out]: short headers keep the table narrow; screen readers hear the full name.
  const columns: [string, string, boolean][] = [
    ['Corridor', 'Corridor', false],
    ['Outcome', 'Outcome', false],
    ['km', 'Distance in km', true],
    ['P10 d', 'P10 transit days', true],
    ['P50 d', 'P50 transit days', true],
    ['P90 d', 'P90 transit days', true],
    ['Borders', 'Border crossings', true],
    ['Gauge breaks', 'Gauge breaks', true],
    ['Risk', 'Risk level', false],
    ['Score', 'Risk score (0–100)', true],
    ['Verdict', 'Verdict', false],
    ['CO2e WTW kg', 'CO2e in kg, well-to-wheel (fuel or power production included)', true],
    ...(withBaseline
      ? ([
          ['Base P50 d', 'Baseline P50 transit days', true],
          ['Δ P50 d', 'Change in P50 transit days', true],
          ['Δ km', 'Change in distance, km', true],
          ['Δ risk', 'Change in risk score', true],
        ] as [string, string, boolean][])
      : []),
  ];
  head.replaceChildren(
    el(
      'tr',
      {},
      ...columns.map(([shown, full, numeric]) =>
        el('th', { scope: 'col', class: numeric ? 'num' : undefined, title: full }, shown === full ? shown : el('span', { 'aria-hidden': 'true' }, shown), shown === full ? null : el('span', { class: 'visually-hidden' }, full)),
      ),
    ),
  );
  const deltas = new Map<string, CorridorDelta>(response.deltas.map((d) => [d.corridorId, d]));
  const baseline = new Map(response.baselineComparisons.map((b) => [b.corridorId, b]));
  body.replaceChildren(
    ...response.comparisons.map((c) => {
      const routed = hasRoute(c.outcome);
      const risk = c.sanctionRisk;
      const d = deltas.get(c.corridorId);
      const b = baseline.get(c.corridorId);
      const row = el(
        'tr',
        { 'data-corridor-id': c.corridorId, 'data-outcome': c.outcome, class: routed ? '' : 'no-route' },
        el(
          'th',
          { scope: 'row', class: 'corridor-cell', title: c.corridorName },
          el('span', { class: 'swatch', style: `background:${corridorColor(c.corridorId)}`, 'aria-hidden': 'true' }),
          shortName(c.corridorName),
          el('span', { class: 'via', 'data-field': 'via' }, routed ? `via ${via(c, context.places)}` : ''),
        ),
        el(
          'td',
          { 'data-field': 'outcome', class: `outcome outcome-${c.outcome.replace('ROUTE_OUTCOME_', '').toLowerCase()}` },
          outcomeLabel(c.outcome),
          c.outcome === 'ROUTE_OUTCOME_NOT_YET_OPEN' && c.opensOn ? ` (opens ${c.opensOn})` : '',
        ),
        num(routed ? c.distanceKm : undefined, 0, 'distanceKm'),
        num(routed ? c.transitDays?.p10 : undefined, 1, 'p10'),
        num(routed ? c.transitDays?.p50 : undefined, 1, 'p50'),
        num(routed ? c.transitDays?.p90 : undefined, 1, 'p90'),
        num(routed ? c.borderCrossings : undefined, 0, 'borderCrossings'),
        num(routed ? c.gaugeBreaks : undefined, 0, 'gaugeBreaks'),
        el('td', { 'data-field': 'riskLevel', class: `risk risk-${(risk?.level ?? '').replace('RISK_LEVEL_', '').toLowerCase()}` }, routed ? levelLabel(risk?.level) : '—'),
        num(routed ? risk?.score : undefined, 1, 'riskScore'),
        el('td', { 'data-field': 'verdict' }, routed ? verdictLabel(risk?.verdict) : '—'),
        num(routed ? c.co2eKg : undefined, 0, 'co2eKg'),
      );
      if (withBaseline) {
        row.append(
          num(b && hasRoute(b.outcome) ? b.transitDays?.p50 : undefined, 1, 'baselineP50'),
          d?.outcomeChanged
            ? el('td', { class: 'delta delta-changed', 'data-field': 'deltaP50', colspan: 3 }, `${outcomeLabel(d.baselineOutcome)} → ${outcomeLabel(d.scenarioOutcome)}`)
            : delta(d?.deltaP50Days, 1, 'deltaP50'),
        );
        if (!d?.outcomeChanged) row.append(delta(d?.deltaDistanceKm, 0, 'deltaKm'), delta(d?.deltaRiskScore, 1, 'deltaRisk'));
      }
      return row;
    }),
  );
}

function sourceLinks(ids: readonly string[], sources: ReadonlyMap<string, Source>): HTMLElement {
  const list = el('ul', { class: 'sources' });
  for (const id of ids) {
    const source = sources.get(id);
    const label = source === undefined ? id : `${id}: ${source.title}${source.date ? ` (${source.date})` : ''}`;
    list.append(
      el(
        'li',
        {},
        source?.url ? el('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer external' }, label) : el('span', { title: source?.notes ?? '' }, label),
      ),
    );
  }
  return list;
}

function exposureItem(x: RiskExposure, sources: ReadonlyMap<string, Source>): HTMLElement {
  const facts: [string, string][] = [
    ['Act', x.act || 'none (a scenario’s what-if measure)'],
    ['Articles', x.articles || '—'],
    ['In force from', x.inForceFrom || '—'],
    ['Assumption', x.assumption || 'none beyond the route'],
    ['Effect', x.prohibits ? 'bans the movement for this cargo' : x.licenceAuthority ? `licence needed: ${x.licenceType || 'licence'} from ${x.licenceAuthority}` : `exposure, severity ${x.severity} of 5`],
    ['Touches', `${formatNumber(x.distanceKm)} km, ${formatNumber(x.days, 1)} days in ${x.target}${x.linkIds.length > 0 ? ` (links ${x.linkIds.join(', ')})` : ''}`],
    ['Points', formatNumber(x.points, 1)],
  ];
  const list = el('dl', { class: 'facts' });
  for (const [term, value] of facts) list.append(el('dt', {}, term), el('dd', {}, value));
  return el(
    'li',
    { class: `exposure${x.prohibits ? ' exposure-prohibits' : ''}`, 'data-measure-id': x.measureId },
    el('h5', {}, `${x.regime} · ${x.measureId}`),
    el('p', { class: 'exposure-title' }, x.title),
    list,
    el('p', { class: 'sources-label' }, 'Sources:'),
    sourceLinks(x.sourceIds, sources),
  );
}

export function renderDetails(container: HTMLElement, response: CompareCorridorsResponse, context: ResultsContext): void {
  const highest = response.comparisons
    .filter((c) => hasRoute(c.outcome) && (c.sanctionRisk?.exposures.length ?? 0) > 0)
    .sort((a, b) => (b.sanctionRisk?.score ?? 0) - (a.sanctionRisk?.score ?? 0))[0]?.corridorId;
  container.replaceChildren(
    ...response.comparisons.map((c) => {
      const card = el('article', { class: 'corridor-card', 'data-corridor-id': c.corridorId, style: `--corridor:${corridorColor(c.corridorId)}` });
      card.append(el('h3', {}, c.corridorName));
      const words = hasRoute(c.outcome) && c.outcome === 'ROUTE_OUTCOME_FOUND' ? routeSummary(c) : outcomeInWords(c);
      card.append(el('p', { class: 'outcome-words', 'data-field': 'explanation' }, words));
      if (c.reasons.length > 0) {
        card.append(el('ul', { class: 'reasons' }, ...c.reasons.map((r) => el('li', {}, r.message || `${r.constraint}: ${r.value}`))));
      }
      if (c.notes.length > 0) {
        card.append(el('ul', { class: 'notes' }, ...c.notes.map((n) => el('li', {}, n))));
      }
      const risk = c.sanctionRisk;
      if (risk !== undefined && hasRoute(c.outcome)) {
        const basis =
          risk.basis === 'RISK_BASIS_PROJECTED'
            ? `projected: the measures were reviewed on ${risk.measuresReviewedOn} and are assumed to persist`
            : `measures reviewed on ${risk.measuresReviewedOn}`;
        const exposures = el('details', { class: 'exposures', ...(c.corridorId === highest ? { open: true } : {}) });
        exposures.append(
          el('summary', {}, `Risk: ${levelLabel(risk.level)}, score ${formatNumber(risk.score, 1)}, ${verdictLabel(risk.verdict).toLowerCase()} — ${risk.exposures.length} measure${risk.exposures.length === 1 ? '' : 's'}`),
          el('p', { class: 'hint' }, `${risk.perspective}; ${basis}.`),
        );
        if (risk.exposures.length > 0) {
          exposures.append(el('ol', { class: 'exposure-list' }, ...risk.exposures.map((x) => exposureItem(x, context.sources))));
        } else {
          exposures.append(el('p', {}, 'No measure binding this perspective touches the route.'));
        }
        card.append(exposures);
      }
      if (c.legs.length > 0) {
        const legs = el('details', { class: 'legs' });
        legs.append(el('summary', {}, `Legs (${c.legs.length})`));
        const table = el(
          'table',
          { class: 'legs-table' },
          el('caption', { class: 'visually-hidden' }, `Legs of the ${c.corridorName} route`),
          el('thead', {}, el('tr', {}, ...['#', 'From', 'To', 'Mode', 'km', 'Hours (P50)', 'Dwell h', 'CO2e WTW kg', 'Map'].map((h) => el('th', { scope: 'col' }, h)))),
        );
        const body = el('tbody');
        c.legs.forEach((leg, index) => {
          const button = el('button', { type: 'button', class: 'small', 'aria-label': `Show leg ${index + 1}, ${leg.from.name} to ${leg.to.name}, on the map` }, 'Show on map');
          button.addEventListener('click', () => context.onShowLeg(c.corridorId, index));
          body.append(
            el(
              'tr',
              { 'data-link-id': leg.linkId, 'data-from': leg.from.id, 'data-to': leg.to.id },
              el('td', { class: 'num' }, index + 1),
              el('th', { scope: 'row' }, leg.from.name),
              el('td', {}, leg.to.name),
              el('td', {}, modeLabel(leg.mode), leg.forecast ? ` (forecast${leg.forecastOpensOn ? `, opens ${leg.forecastOpensOn}` : ''})` : ''),
              el('td', { class: 'num' }, formatNumber(leg.distanceKm)),
              el('td', { class: 'num' }, leg.hours ? formatNumber(leg.hours.p50, 1) : '—'),
              el('td', { class: 'num' }, formatNumber(leg.dwellHours, 1)),
              el('td', { class: 'num' }, leg.co2eKg === undefined ? '—' : formatNumber(leg.co2eKg)),
              el('td', {}, button),
            ),
          );
        });
        table.append(body);
        legs.append(el('div', { class: 'table-scroll', role: 'region', 'aria-label': `Legs of ${c.corridorName}`, tabindex: 0 }, table));
        card.append(legs);
      }
      return card;
    }),
  );
}

function routeSummary(c: CorridorComparison): string {
  const first = c.legs[0]?.from.name;
  const last = c.legs.at(-1)?.to.name;
  const t = c.transitDays;
  const span = t ? `${formatNumber(t.p50, 1)} days (P10 ${formatNumber(t.p10, 1)} – P90 ${formatNumber(t.p90, 1)})` : '';
  const ends = first && last ? `${first} → ${last}: ` : '';
  return `${ends}${formatNumber(c.distanceKm)} km, ${span}, ${c.borderCrossings} border crossing${c.borderCrossings === 1 ? '' : 's'}, ${c.gaugeBreaks} gauge break${c.gaugeBreaks === 1 ? '' : 's'}.`;
}

export function summaryText(response: CompareCorridorsResponse): string {
  const found = response.comparisons.filter((c) => c.outcome === 'ROUTE_OUTCOME_FOUND');
  const fastest = [...found].sort((a, b) => (a.transitDays?.p50 ?? Infinity) - (b.transitDays?.p50 ?? Infinity))[0];
  const scenario = response.scenarioId ? ` under scenario ${response.scenarioId} (v${response.scenarioVersion})` : ' on the baseline network';
  const head = `${response.origin.name} → ${response.destination.name}, as of ${response.asOf}${scenario}: ${found.length} of ${response.comparisons.length} corridors have a route.`;
  return fastest ? `${head} Fastest: ${fastest.corridorName.replace(/\s*\(.*\)$/, '')}, P50 ${formatNumber(fastest.transitDays?.p50 ?? 0, 1)} days.` : head;
}
