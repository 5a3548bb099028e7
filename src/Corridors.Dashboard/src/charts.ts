// Charts (chart.js, only the parts used, registered once): transit-time ranges (a floating P10–P90 bar with a P50
// mark), risk score and CO2e per corridor, and P50 and risk score through time. No animation: each chart is drawn
// once per answer, and a screenshot shows the final state.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
} from 'chart.js';
import { corridorColor } from './colors';
import { formatNumber, hasRoute, outcomeLabel } from './format';
import type { CorridorComparison } from './types';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, ScatterController, Legend, Tooltip);
Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
Chart.defaults.color = '#2b2b2b';
Chart.defaults.maintainAspectRatio = false;

const GRID = '#d9d6cf';

function shortName(c: { corridorId: string; corridorName: string }): string {
  const cut = c.corridorName.search(/[(]/);
  return (cut > 0 ? c.corridorName.slice(0, cut) : c.corridorName).trim() || c.corridorId;
}

/** A category label in lines of at most ~16 characters, so long corridor names are not cut at the axis. */
function wrapped(text: string): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + word.length < 16) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function wrappedTick(this: { getLabelForValue: (value: number) => string }, value: string | number): string[] {
  return wrapped(this.getLabelForValue(Number(value)));
}

function replace(canvas: HTMLCanvasElement, config: ChartConfiguration): Chart {
  Chart.getChart(canvas)?.destroy();
  return new Chart(canvas, config);
}

/** Floating P10–P90 bars with the P50 marked, one row per corridor; corridors without a route show no bar. */
export function drawTransitChart(canvas: HTMLCanvasElement, comparisons: readonly CorridorComparison[]): void {
  const labels = comparisons.map((c) => (hasRoute(c.outcome) ? shortName(c) : `${shortName(c)} (${outcomeLabel(c.outcome).toLowerCase()})`));
  const ranges = comparisons.map((c) => (hasRoute(c.outcome) && c.transitDays ? ([c.transitDays.p10, c.transitDays.p90] as [number, number]) : null));
  const medians = comparisons.map((c, i) => (hasRoute(c.outcome) && c.transitDays ? { x: c.transitDays.p50, y: labels[i] ?? '' } : null));
  const colours = comparisons.map((c) => corridorColor(c.corridorId));
  replace(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          type: 'bar',
          label: 'P10–P90 days',
          data: ranges as unknown as number[],
          backgroundColor: colours.map((c) => `${c}59`),
          borderColor: colours,
          borderWidth: 1.5,
          borderSkipped: false,
          barPercentage: 0.6,
        },
        {
          type: 'scatter',
          label: 'P50 days',
          data: medians.filter((m) => m !== null) as unknown as number[],
          pointStyle: 'line',
          rotation: 90,
          radius: 11,
          hoverRadius: 12,
          borderWidth: 3,
          borderColor: '#111111',
          backgroundColor: '#111111',
        } as ChartDataset<'scatter'> as unknown as ChartDataset<'bar'>,
      ],
    },
    options: {
      indexAxis: 'y',
      scales: {
        x: { type: 'linear', beginAtZero: true, title: { display: true, text: 'transit time, days' }, grid: { color: GRID } },
        y: { type: 'category', grid: { display: false }, ticks: { autoSkip: false, callback: wrappedTick } },
      },
      plugins: {
        legend: { display: true, position: 'bottom', labels: { boxWidth: 14 } },
        tooltip: {
          callbacks: {
            label: (item) => {
              const raw = item.raw as [number, number] | { x: number } | null;
              if (Array.isArray(raw)) return `P10 ${formatNumber(raw[0], 1)} – P90 ${formatNumber(raw[1], 1)} days`;
              if (raw && typeof raw === 'object') return `P50 ${formatNumber(raw.x, 1)} days`;
              return '';
            },
          },
        },
      },
    },
  });
}

/** A bar per corridor for one figure (risk score 0–100, CO2e kg); corridors without the figure show no bar. */
export function drawFigureChart(
  canvas: HTMLCanvasElement,
  comparisons: readonly CorridorComparison[],
  figure: 'risk' | 'co2e',
): void {
  const labels = comparisons.map(shortName);
  const values = comparisons.map((c) => {
    if (!hasRoute(c.outcome)) return null;
    return figure === 'risk' ? (c.sanctionRisk?.score ?? null) : (c.co2eKg ?? null);
  });
  const colours = comparisons.map((c) => corridorColor(c.corridorId));
  replace(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: figure === 'risk' ? 'sanction risk score (0–100)' : 'CO2e well-to-wheel per 40-ft container, kg',
          data: values as number[],
          backgroundColor: colours,
          barPercentage: 0.6,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      scales: {
        x: {
          type: 'linear',
          beginAtZero: true,
          ...(figure === 'risk' ? { max: 100 } : {}),
          title: { display: true, text: figure === 'risk' ? 'risk score (0–100)' : 'CO2e WTW, kg' },
          grid: { color: GRID },
        },
        y: { type: 'category', grid: { display: false }, ticks: { autoSkip: false, callback: wrappedTick } },
      },
      plugins: { legend: { display: false } },
    },
  });
}

export interface SeriesPoint {
  /** Decimal year of the date, e.g. 2022.15 for 2022-02-24. */
  x: number;
  date: string;
  comparisons: readonly CorridorComparison[];
}

export function decimalYear(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const start = Date.UTC(y, 0, 1);
  const end = Date.UTC(y + 1, 0, 1);
  return y + (Date.UTC(y, m - 1, d) - start) / (end - start);
}

/** P50 days or risk score per corridor over the replayed dates; a gap where a corridor has no route. */
export function drawSeriesChart(
  canvas: HTMLCanvasElement,
  points: readonly SeriesPoint[],
  figure: 'p50' | 'risk',
  markers: readonly { x: number; label: string }[],
): void {
  const corridors = new Map<string, string>();
  for (const p of points) for (const c of p.comparisons) if (!corridors.has(c.corridorId)) corridors.set(c.corridorId, shortName(c));
  const datasets = [...corridors].map(([id, name]) => ({
    type: 'line' as const,
    label: name,
    data: points.map((p) => {
      const c = p.comparisons.find((x) => x.corridorId === id);
      const y = c === undefined || !hasRoute(c.outcome) ? null : figure === 'p50' ? (c.transitDays?.p50 ?? null) : (c.sanctionRisk?.score ?? null);
      return { x: p.x, y };
    }),
    borderColor: corridorColor(id),
    backgroundColor: corridorColor(id),
    borderWidth: 2,
    pointRadius: 2,
    stepped: 'before' as const,
    spanGaps: false,
  }));
  replace(canvas, {
    type: 'line',
    data: { datasets: datasets as unknown as ChartDataset<'line'>[] },
    options: {
      parsing: false,
      scales: {
        x: {
          type: 'linear',
          min: points[0]?.x ?? 2014,
          max: points.at(-1)?.x ?? 2041,
          ticks: { stepSize: 2, autoSkip: false, callback: (v) => (Number.isInteger(Number(v)) ? String(v) : '') },
          grid: {
            color: (ctx) => (markers.some((m) => Math.abs(m.x - Number(ctx.tick?.value)) < 1e-6) ? '#444444' : GRID),
          },
          afterBuildTicks: (axis) => {
            const years = axis.ticks.filter((t) => Number.isInteger(t.value));
            axis.ticks = [...years, ...markers.map((m) => ({ value: m.x }))].sort((a, b) => a.value - b.value);
          },
        },
        y: {
          type: 'linear',
          beginAtZero: true,
          ...(figure === 'risk' ? { max: 100 } : {}),
          title: { display: true, text: figure === 'p50' ? 'P50 transit, days' : 'risk score (0–100)' },
          grid: { color: GRID },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 14 } },
        tooltip: {
          callbacks: {
            title: (items) => {
              const index = items[0]?.dataIndex ?? 0;
              return points[index]?.date ?? '';
            },
          },
        },
      },
    },
  });
}
