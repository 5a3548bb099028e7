// The live metrics board: the server's default board (pairs cannot be sent as query parameters to the Watch
// binding), under the page's scenario, over the Watch stream. New metrics replace the board as they come; when the
// stream ends or fails it reconnects with exponential backoff.
import { ApiError, watchMetrics } from './api';
import { corridorColor } from './colors';
import { el, formatNumber, hasRoute, levelLabel, outcomeLabel } from './format';
import { hook } from './hook';
import type { DataFreshness, MetricsResponse } from './types';

/** Backoff after a stream ends: 1 s doubling to 30 s; reset once a message arrives. */
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

export class LiveBoard {
  private controller: AbortController | null = null;
  private scenarioId = '';
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: number | undefined;
  private updates = 0;
  private reconnects = 0;
  private version = '';

  constructor(
    private readonly board: HTMLElement,
    private readonly status: HTMLElement,
    private readonly onFreshness: (freshness: DataFreshness) => void,
  ) {}

  /** Watches the board under a scenario ('' for the baseline); a new scenario replaces the stream. */
  watch(scenarioId: string): void {
    if (this.controller !== null && scenarioId === this.scenarioId) return;
    this.scenarioId = scenarioId;
    this.retryMs = FIRST_RETRY_MS;
    this.connect();
  }

  stop(): void {
    window.clearTimeout(this.retryTimer);
    this.controller?.abort();
    this.controller = null;
  }

  private connect(): void {
    this.stop();
    const controller = new AbortController();
    this.controller = controller;
    const scenarioId = this.scenarioId;
    this.setStatus(`Connecting to the live board${scenarioId ? ` under ${scenarioId}` : ''}…`);
    watchMetrics(
      scenarioId,
      (event) => {
        this.retryMs = FIRST_RETRY_MS;
        if (event.metrics !== undefined) {
          this.render(event.metrics);
        } else if (event.heartbeat !== undefined) {
          this.setStatus(`Live${scenarioId ? ` under ${scenarioId}` : ''} · heartbeat ${timeOf(event.heartbeat.sentAt)} · version ${event.heartbeat.version}`);
        }
      },
      controller.signal,
    )
      .then(() => this.retry(controller, 'the server ended the stream'))
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        this.retry(controller, error instanceof ApiError ? error.describe() : String(error));
      });
  }

  private retry(controller: AbortController, why: string): void {
    if (this.controller !== controller) return;
    this.controller = null;
    hook.setLive({ connected: false });
    const seconds = Math.round(this.retryMs / 1000);
    this.setStatus(`Disconnected (${why}); reconnecting in ${seconds} s…`, true);
    this.retryTimer = window.setTimeout(() => {
      this.reconnects++;
      hook.setLive({ reconnects: this.reconnects });
      this.connect();
    }, this.retryMs);
    this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs * 2);
  }

  private setStatus(text: string, problem = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('status-problem', problem);
  }

  private render(metrics: MetricsResponse): void {
    this.updates++;
    this.version = metrics.version;
    hook.setLive({ connected: true, version: metrics.version, updates: this.updates });
    if (metrics.dataFreshness !== undefined) this.onFreshness(metrics.dataFreshness);
    this.board.dataset['version'] = metrics.version;
    this.board.dataset['scenarioId'] = metrics.scenarioId;
    this.board.dataset['updates'] = String(this.updates);
    const computed = metrics.computedAt ? ` · computed ${timeOf(metrics.computedAt)}` : '';
    this.setStatus(`Live${metrics.scenarioId ? ` under ${metrics.scenarioId}` : ' (baseline)'} · as of ${metrics.asOf}${computed} · version ${metrics.version}`);
    this.board.replaceChildren(
      ...metrics.pairs.map((pair) => {
        const table = el(
          'table',
          { class: 'board-table', 'data-origin': pair.origin.id, 'data-destination': pair.destination.id },
          el('caption', {}, `${pair.origin.name} → ${pair.destination.name}`),
          el('thead', {}, el('tr', {}, ...['Corridor', 'Outcome', 'km', 'P50 days', 'Risk'].map((h) => el('th', { scope: 'col' }, h)))),
          el(
            'tbody',
            {},
            ...pair.corridors.map((c) => {
              const routed = hasRoute(c.outcome);
              return el(
                'tr',
                { 'data-corridor-id': c.corridorId, 'data-outcome': c.outcome },
                el('th', { scope: 'row' }, el('span', { class: 'swatch', style: `background:${corridorColor(c.corridorId)}`, 'aria-hidden': 'true' }), c.corridorName.replace(/\s*\(.*\)$/, '')),
                el('td', {}, outcomeLabel(c.outcome)),
                el('td', { class: 'num', 'data-field': 'distanceKm' }, routed ? formatNumber(c.distanceKm) : '—'),
                el('td', { class: 'num', 'data-field': 'p50' }, routed && c.transitDays ? formatNumber(c.transitDays.p50, 1) : '—'),
                el('td', { 'data-field': 'risk' }, routed && c.sanctionRisk ? `${levelLabel(c.sanctionRisk.level)} ${formatNumber(c.sanctionRisk.score, 0)}` : '—'),
              );
            }),
          ),
        );
        return el('div', { class: 'table-scroll board-pair', role: 'region', 'aria-label': `${pair.origin.name} to ${pair.destination.name}`, tabindex: 0 }, table);
      }),
    );
  }

  get currentVersion(): string {
    return this.version;
  }
}

function timeOf(timestamp: string | undefined): string {
  if (!timestamp) return '—';
  // The server's wall-clock time, shown as HH:MM:SS UTC (no dependence on the viewer's time zone).
  const match = /T(\d{2}:\d{2}:\d{2})/.exec(timestamp);
  return match ? `${match[1]} UTC` : timestamp;
}
