// A small read-only test hook, window.corridorsDashboard: what the map holds (layers as data, with the source each
// came from), whether the page is ready, what the last render showed, and timings. Browser tests read it instead of
// pixels. Every read returns a fresh frozen copy: nothing a test does to it reaches the page.

export type LayerKind = 'basemap' | 'corridor' | 'forecast-labels' | 'chokepoints' | 'border-crossings' | 'route';

export interface LayerInfo {
  id: string;
  kind: LayerKind;
  /** Where the layer's data came from: '/basemap/countries-….json', '/v1/corridors/northern', '/v1/comparisons'. */
  source: string;
  corridorId?: string;
  /** A route of the current comparison (thick, in front) or a corridor in it. */
  highlighted: boolean;
  /** True when at least one feature is drawn dashed (a link not open yet: planned or under construction). */
  dashed: boolean;
  featureCount: number;
  dashedFeatureCount: number;
  /** Forecast opening dates labelled on the layer. */
  labels: string[];
  /** For route layers: the place ids the route passes, in order. */
  placeIds?: string[];
  outcome?: string;
  visible: boolean;
}

export interface RenderInfo {
  /** The query string of the view rendered. */
  query: string;
  asOf: string;
  scenarioId: string;
  corridorIds: string[];
  /** ms from the comparison's response (parsed) to the table, map and charts drawn. */
  renderMs: number;
  /** ms the request took, from send to parsed JSON. */
  responseMs: number;
  /** Incremented on every rendered comparison. */
  sequence: number;
}

export interface Timings {
  /** ms from navigation start to the controls working (places, scenarios and corridors loaded, handlers on). */
  interactiveMs?: number;
  /** ms from navigation start to the basemap drawn. */
  basemapMs?: number;
}

interface HookState {
  ready: boolean;
  layers: Map<string, LayerInfo>;
  lastRender: RenderInfo | null;
  timings: Timings;
  live: { connected: boolean; version: string; updates: number; reconnects: number };
  /** The last through-time replay: its dates and the most requests it had in flight at once. */
  replay: { dates: string[]; peakInFlight: number };
  errors: string[];
}

const state: HookState = {
  ready: false,
  layers: new Map(),
  lastRender: null,
  timings: {},
  live: { connected: false, version: '', updates: 0, reconnects: 0 },
  replay: { dates: [], peakInFlight: 0 },
  errors: [],
};

/** A deep copy through JSON: no shared references (which a test driver would serialise as references). */
function copy<T>(value: T): T {
  return Object.freeze(JSON.parse(JSON.stringify(value)) as T);
}

export const hook = {
  setLayer(info: LayerInfo): void {
    state.layers.set(info.id, { ...info });
  },
  removeLayer(id: string): void {
    state.layers.delete(id);
  },
  updateLayer(id: string, change: Partial<LayerInfo>): void {
    const current = state.layers.get(id);
    if (current !== undefined) {
      state.layers.set(id, { ...current, ...change });
    }
  },
  setReady(): void {
    state.ready = true;
  },
  setRender(info: RenderInfo): void {
    state.lastRender = info;
  },
  setTiming(name: keyof Timings, ms: number): void {
    state.timings[name] = Math.round(ms * 10) / 10;
  },
  setLive(change: Partial<HookState['live']>): void {
    state.live = { ...state.live, ...change };
  },
  setReplay(dates: readonly string[], peakInFlight: number): void {
    state.replay = { dates: [...dates], peakInFlight };
  },
  recordError(text: string): void {
    state.errors.push(text);
  },
  get sequence(): number {
    return state.lastRender?.sequence ?? 0;
  },
};

/** Installs window.corridorsDashboard (read-only getters). */
export function installHook(): void {
  const view = Object.freeze({
    get ready(): boolean {
      return state.ready;
    },
    get layers(): readonly LayerInfo[] {
      return copy([...state.layers.values()]);
    },
    get lastRender(): RenderInfo | null {
      return state.lastRender === null ? null : copy(state.lastRender);
    },
    get timings(): Timings {
      return copy(state.timings);
    },
    get live(): HookState['live'] {
      return copy(state.live);
    },
    get replay(): HookState['replay'] {
      return copy(state.replay);
    },
    get errors(): readonly string[] {
      return copy(state.errors);
    },
  });
  Object.defineProperty(window, 'corridorsDashboard', { value: view, writable: false, configurable: false, enumerable: true });
}
