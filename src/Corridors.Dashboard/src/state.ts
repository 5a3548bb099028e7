// The page's state, kept in its URL so a link reproduces the view:
// /?from=xian&to=duisburg&asOf=2024-01-01&perspective=EU&cargo=general&hsCode=8803.30&scenario=red-sea-closed

export const REGIMES = ['EU', 'US', 'UK', 'CA', 'UN', 'none'] as const;
export const CARGO_CLASSES = ['general', 'dual-use', 'military', 'energy'] as const;

/** The as-of range the service answers (README, "Dates and data freshness"). */
export const EARLIEST_AS_OF = '2014-01-01';
export const HORIZON_AS_OF = '2040-12-31';

export interface ViewState {
  /** Origin as the user gave it: a place id after picking, or typed text (name, alias, LOCODE). */
  from: string;
  to: string;
  /** YYYY-MM-DD, or empty for the server's business date. */
  asOf: string;
  /** One of REGIMES. */
  perspective: string;
  /** One of CARGO_CLASSES. */
  cargo: string;
  hsCode: string;
  /** Scenario id, empty for the baseline. */
  scenario: string;
}

export const DEFAULT_STATE: Readonly<ViewState> = {
  from: '',
  to: '',
  asOf: '',
  perspective: 'EU',
  cargo: 'general',
  hsCode: '',
  scenario: '',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) {
    return false;
  }
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Reads the state from a query string; unknown or malformed values fall back to the defaults. */
export function readState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const text = (name: string, max = 100): string => (params.get(name) ?? '').trim().slice(0, max);
  const perspective = text('perspective');
  const regime = REGIMES.find((r) => r.toLowerCase() === perspective.toLowerCase());
  const cargo = text('cargo').toLowerCase();
  const asOf = text('asOf');
  return {
    from: text('from'),
    to: text('to'),
    asOf: isIsoDate(asOf) ? asOf : '',
    perspective: regime ?? DEFAULT_STATE.perspective,
    cargo: (CARGO_CLASSES as readonly string[]).includes(cargo) ? cargo : DEFAULT_STATE.cargo,
    hsCode: text('hsCode', 20),
    scenario: text('scenario', 64),
  };
}

/** The query string for a state; defaults are left out so links stay short. Fixed key order: stable URLs. */
export function writeState(state: ViewState): string {
  const params = new URLSearchParams();
  const put = (name: string, value: string, fallback: string): void => {
    if (value !== '' && value !== fallback) {
      params.set(name, value);
    }
  };
  put('from', state.from, '');
  put('to', state.to, '');
  put('asOf', state.asOf, '');
  put('perspective', state.perspective, DEFAULT_STATE.perspective);
  put('cargo', state.cargo, DEFAULT_STATE.cargo);
  put('hsCode', state.hsCode, '');
  put('scenario', state.scenario, '');
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** Replaces the address bar's query without a new history entry. */
export function publishState(state: ViewState): void {
  const url = `${window.location.pathname}${writeState(state)}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(null, '', url);
  }
}
