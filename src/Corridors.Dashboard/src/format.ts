// Display helpers: numbers with their units, enum names in words, and a small DOM builder (text only, never HTML
// strings, so no figure or message from the server can inject markup).
import type { CorridorComparison, RiskLevel, RiskVerdict, RouteOutcome, TransportMode } from './types';

const numberFormats = new Map<number, Intl.NumberFormat>();

/** 9947.4 → "9,947" (digits = 0), in a fixed locale so screenshots and tests read the same everywhere. */
export function formatNumber(value: number, digits = 0): string {
  let format = numberFormats.get(digits);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(digits, format);
  }
  return format.format(value);
}

export function formatSigned(value: number, digits = 0): string {
  const text = formatNumber(Math.abs(value), digits);
  if (Number(text.replace(/,/g, '')) === 0) {
    return `±${text}`;
  }
  return value > 0 ? `+${text}` : `−${text}`;
}

const OUTCOMES: Record<RouteOutcome, string> = {
  ROUTE_OUTCOME_UNSPECIFIED: 'unknown',
  ROUTE_OUTCOME_FOUND: 'Found',
  ROUTE_OUTCOME_NO_PATH: 'No path',
  ROUTE_OUTCOME_NOT_YET_OPEN: 'Not yet open',
  ROUTE_OUTCOME_INFEASIBLE: 'Infeasible',
  ROUTE_OUTCOME_PROHIBITED: 'Prohibited',
};

export function outcomeLabel(outcome: RouteOutcome): string {
  return OUTCOMES[outcome] ?? outcome;
}

/** Route figures mean something only for these outcomes (README, "Outcomes"). */
export function hasRoute(outcome: RouteOutcome): boolean {
  return outcome === 'ROUTE_OUTCOME_FOUND' || outcome === 'ROUTE_OUTCOME_PROHIBITED';
}

const LEVELS: Record<RiskLevel, string> = {
  RISK_LEVEL_UNSPECIFIED: '—',
  RISK_LEVEL_LOW: 'Low',
  RISK_LEVEL_ELEVATED: 'Elevated',
  RISK_LEVEL_HIGH: 'High',
  RISK_LEVEL_SEVERE: 'Severe',
};

export function levelLabel(level: RiskLevel | undefined): string {
  return level === undefined ? '—' : (LEVELS[level] ?? level);
}

const VERDICTS: Record<RiskVerdict, string> = {
  RISK_VERDICT_UNSPECIFIED: '—',
  RISK_VERDICT_ALLOWED: 'Allowed',
  RISK_VERDICT_PROHIBITED: 'Prohibited',
  RISK_VERDICT_LICENCE_REQUIRED: 'Licence required',
};

export function verdictLabel(verdict: RiskVerdict | undefined): string {
  return verdict === undefined ? '—' : (VERDICTS[verdict] ?? verdict);
}

const MODES: Record<TransportMode, string> = {
  TRANSPORT_MODE_UNSPECIFIED: '—',
  TRANSPORT_MODE_RAIL: 'rail',
  TRANSPORT_MODE_ROAD: 'road',
  TRANSPORT_MODE_SEA: 'sea',
  TRANSPORT_MODE_FERRY: 'ferry',
  TRANSPORT_MODE_INLAND_WATERWAY: 'inland waterway',
};

export function modeLabel(mode: TransportMode): string {
  return MODES[mode] ?? mode;
}

/** Why a corridor has no usable route, in words, from the response's explanation, reasons and opening date. */
export function outcomeInWords(c: CorridorComparison): string {
  const explanation = c.explanation.trim();
  switch (c.outcome) {
    case 'ROUTE_OUTCOME_NOT_YET_OPEN': {
      const opens = c.opensOn ? `forecast to open on ${c.opensOn}` : 'with no known forecast opening date';
      return `Not yet open: a route exists only over links not open on the as-of date, ${opens}. ${explanation}`.trim();
    }
    case 'ROUTE_OUTCOME_INFEASIBLE': {
      const reasons = c.reasons.map((r) => r.message).filter((m) => m.length > 0);
      const why = reasons.length > 0 ? `ruled out by ${reasons.join('; ')}` : 'ruled out by a constraint of the query';
      return `Infeasible: routes exist, but every one is ${why}. ${explanation}`.trim();
    }
    case 'ROUTE_OUTCOME_PROHIBITED': {
      const ids = c.sanctionRisk?.prohibitingMeasureIds ?? [];
      const measures = ids.length > 0 ? ` (${ids.join(', ')})` : '';
      return `Prohibited: the route is shown, but a sanctions measure binding this perspective bans the movement${measures}. ${explanation}`.trim();
    }
    case 'ROUTE_OUTCOME_NO_PATH':
      return `No path: the corridor does not join these places. ${explanation}`.trim();
    default:
      return explanation;
  }
}

/** Folds case and diacritics, as the server's resolution does: "Małaszewicze" → "malaszewicze". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'l')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

type Child = Node | string | number | null | undefined | false;

/** Builds an element: el('td', {class: 'num'}, '9,947'). Attributes are set as attributes, children as text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) {
      continue;
    }
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** The element with this id, typed; a missing element is a programming error in index.html. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) {
    throw new Error(`index.html has no element #${id}`);
  }
  return element as T;
}
