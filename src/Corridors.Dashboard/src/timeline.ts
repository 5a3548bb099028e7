// "Through time": the same comparison replayed on every half-year from the earliest data to the horizon plus the
// key dates, at most REPLAY_CONCURRENCY requests in flight, drawn as P50 and risk score per corridor.
import { api, ApiError } from './api';
import { decimalYear, drawSeriesChart, type SeriesPoint } from './charts';
import { el, hasRoute, outcomeLabel } from './format';
import { hook } from './hook';
import { EARLIEST_AS_OF, HORIZON_AS_OF } from './state';
import type { CompareCorridorsRequest, CompareCorridorsResponse } from './types';

/** Requests in flight during a replay: enough to keep the server busy, few enough not to crowd out others. */
export const REPLAY_CONCURRENCY = 4;

export interface KeyDate {
  date: string;
  label: string;
}

/** Half-yearly dates from 2014-01-01 to the horizon, with the key dates merged in, sorted and unique. */
export function replayDates(keyDates: readonly KeyDate[]): string[] {
  const dates = new Set<string>();
  const firstYear = Number(EARLIEST_AS_OF.slice(0, 4));
  const lastYear = Number(HORIZON_AS_OF.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    dates.add(`${year}-01-01`);
    dates.add(`${year}-07-01`);
  }
  dates.add(HORIZON_AS_OF);
  for (const k of keyDates) {
    if (k.date >= EARLIEST_AS_OF && k.date <= HORIZON_AS_OF) dates.add(k.date);
  }
  return [...dates].sort();
}

/** Runs task over items with at most `limit` running at once; results in item order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>, signal: AbortSignal): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      if (signal.aborted) throw new DOMException('replay cancelled', 'AbortError');
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, () => worker()));
  return results;
}

export interface TimelineElements {
  button: HTMLButtonElement;
  progress: HTMLProgressElement;
  status: HTMLElement;
  slider: HTMLInputElement;
  output: HTMLOutputElement;
  p50Canvas: HTMLCanvasElement;
  riskCanvas: HTMLCanvasElement;
  breaks: HTMLElement;
}

export class Timeline {
  private controller: AbortController | null = null;
  private dates: string[] = [];
  private inFlight = 0;
  private maxInFlight = 0;

  constructor(
    private readonly ui: TimelineElements,
    private readonly request: () => CompareCorridorsRequest | null,
    private readonly keyDates: () => readonly KeyDate[],
    private readonly onPickDate: (date: string) => void,
  ) {
    ui.button.addEventListener('click', () => void this.replay());
    ui.slider.addEventListener('input', () => this.showSliderDate());
    ui.slider.addEventListener('change', () => {
      const date = this.dates[Number(ui.slider.value)];
      if (date !== undefined) this.onPickDate(date);
    });
  }

  /** Puts the slider on the date closest to the comparison's as-of date. */
  syncTo(asOf: string): void {
    if (this.dates.length === 0) return;
    let best = 0;
    this.dates.forEach((d, i) => {
      if (d <= asOf) best = i;
    });
    this.ui.slider.value = String(best);
    this.ui.output.textContent = asOf;
  }

  cancel(): void {
    this.controller?.abort();
    this.controller = null;
  }

  async replay(): Promise<void> {
    const base = this.request();
    if (base === null) {
      this.ui.status.textContent = 'Choose an origin and a destination first.';
      return;
    }
    this.cancel();
    const controller = new AbortController();
    this.controller = controller;
    const keys = this.keyDates();
    const dates = replayDates(keys);
    let done = 0;
    this.maxInFlight = 0;
    this.ui.progress.hidden = false;
    this.ui.progress.max = dates.length;
    this.ui.progress.value = 0;
    this.ui.button.disabled = true;
    delete this.ui.status.dataset['state'];
    this.ui.status.textContent = `Replaying ${dates.length} dates, ${REPLAY_CONCURRENCY} at a time…`;
    try {
      const responses = await mapBounded(
        dates,
        REPLAY_CONCURRENCY,
        async (date): Promise<CompareCorridorsResponse> => {
          this.inFlight++;
          this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
          try {
            const request: CompareCorridorsRequest = { ...base, constraints: { ...base.constraints, asOf: date }, includeBaseline: false };
            return await api.compare(request, controller.signal);
          } finally {
            this.inFlight--;
            done++;
            this.ui.progress.value = done;
          }
        },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      this.dates = dates;
      hook.setReplay(dates, this.maxInFlight);
      const points: SeriesPoint[] = responses.map((r, i) => ({ x: decimalYear(dates[i]!), date: dates[i]!, comparisons: r.comparisons }));
      const markers = keys.map((k) => ({ x: decimalYear(k.date), label: k.label }));
      drawSeriesChart(this.ui.p50Canvas, points, 'p50', markers);
      drawSeriesChart(this.ui.riskCanvas, points, 'risk', markers);
      this.renderBreaks(points, keys);
      this.ui.slider.max = String(dates.length - 1);
      this.ui.slider.disabled = false;
      this.syncTo(base.constraints.asOf || dates[0]!);
      this.ui.status.textContent = `Replayed ${dates.length} dates from ${dates[0]} to ${dates.at(-1)}${base.scenarioId ? ` under ${base.scenarioId}` : ''}.`;
      this.ui.status.dataset['state'] = 'done';
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      this.ui.status.textContent = `Replay failed: ${error instanceof ApiError ? error.describe() : String(error)}`;
      this.ui.status.dataset['state'] = 'error';
    } finally {
      if (this.controller === controller) {
        this.ui.button.disabled = false;
        this.ui.progress.hidden = true;
        this.controller = null;
      }
    }
  }

  private showSliderDate(): void {
    const date = this.dates[Number(this.ui.slider.value)];
    this.ui.output.textContent = date ?? '—';
  }

  /** Lists, per corridor, the dates where its outcome changes or its P50 or risk jumps: the breaks. */
  private renderBreaks(points: readonly SeriesPoint[], keys: readonly KeyDate[]): void {
    const items: HTMLElement[] = [];
    const corridorIds = [...new Set(points.flatMap((p) => p.comparisons.map((c) => c.corridorId)))];
    for (const id of corridorIds) {
      for (let i = 1; i < points.length; i++) {
        const before = points[i - 1]!.comparisons.find((c) => c.corridorId === id);
        const after = points[i]!.comparisons.find((c) => c.corridorId === id);
        if (before === undefined || after === undefined) continue;
        const changes: string[] = [];
        if (before.outcome !== after.outcome) changes.push(`${outcomeLabel(before.outcome)} → ${outcomeLabel(after.outcome)}`);
        if (hasRoute(before.outcome) && hasRoute(after.outcome)) {
          const dp = (after.transitDays?.p50 ?? 0) - (before.transitDays?.p50 ?? 0);
          const dr = (after.sanctionRisk?.score ?? 0) - (before.sanctionRisk?.score ?? 0);
          // Breaks worth naming: a day or more of P50, ten points of risk.
          if (Math.abs(dp) >= 1) changes.push(`P50 ${dp > 0 ? '+' : ''}${dp.toFixed(1)} days`);
          if (Math.abs(dr) >= 10) changes.push(`risk ${dr > 0 ? '+' : ''}${dr.toFixed(1)}`);
        }
        if (changes.length > 0) {
          const date = points[i]!.date;
          const key = keys.find((k) => k.date === date);
          items.push(el('li', { 'data-corridor-id': id, 'data-date': date }, `${date}${key ? ` (${key.label})` : ''} — ${after.corridorName}: ${changes.join(', ')}`));
        }
      }
    }
    this.ui.breaks.replaceChildren(
      el('h3', {}, 'Breaks'),
      items.length > 0 ? el('ul', {}, ...items) : el('p', {}, 'No corridor changes outcome, P50 by a day or risk by ten points between the replayed dates.'),
    );
  }
}
