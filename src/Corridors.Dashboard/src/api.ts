// The dashboard's only way to the server: same-origin JSON calls under /v1/. Errors come back as google.rpc.Status
// JSON ({code, message, details:[BadRequest …]}); they are turned into ApiError with the HTTP status and message.
import type {
  CompareCorridorsRequest,
  CompareCorridorsResponse,
  Corridor,
  GetCorridorResponse,
  MetricsResponse,
  Place,
  ResolvePlaceResponse,
  Scenario,
  Source,
  WatchEvent,
} from './types';

/** One field problem of a BadRequest detail, e.g. definition.changes[0].link: unknown link 'x'. */
export interface FieldViolation {
  field: string;
  description: string;
}

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    message: string,
    readonly violations: readonly FieldViolation[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** "404 Not Found: text: no place is called 'x'" — what the page shows. */
  describe(): string {
    const head = this.status === 0 ? 'Server unreachable' : `${this.status} ${statusText(this.status)}`;
    return `${head}: ${this.message}`;
  }
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    412: 'Precondition Failed',
    413: 'Payload Too Large',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return texts[status] ?? 'Error';
}

/** The HTTP status JSON transcoding gives a gRPC status code (google.rpc.Code → HTTP, as in google/rpc/code.proto). */
function httpStatusOfGrpc(code: number): number {
  const statuses: Record<number, number> = { 1: 499, 2: 500, 3: 400, 4: 504, 5: 404, 6: 409, 7: 403, 8: 429, 9: 400, 10: 409, 11: 400, 12: 501, 13: 500, 14: 503, 15: 500, 16: 401 };
  return statuses[code] ?? 500;
}

async function errorFrom(response: Response): Promise<ApiError> {
  let message = response.statusText || 'request failed';
  let violations: FieldViolation[] = [];
  try {
    const body = (await response.json()) as { message?: string; details?: { fieldViolations?: FieldViolation[] }[] };
    if (typeof body.message === 'string' && body.message.length > 0) {
      message = body.message;
    }
    violations = (body.details ?? []).flatMap((d) => d.fieldViolations ?? []);
  } catch {
    // Not JSON (a proxy's page): keep the status text.
  }
  return new ApiError(response.status, message, violations);
}

interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  apiKey?: string;
  signal?: AbortSignal;
}

async function call<T>(path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  if (options.apiKey) {
    // The writer key travels only in this header: never in the URL, never stored.
    headers['x-api-key'] = options.apiKey;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    throw await errorFrom(response);
  }
  return (await response.json()) as T;
}

export const api = {
  listCorridors: () => call<{ corridors: Corridor[] }>('/v1/corridors').then((r) => r.corridors),
  getCorridor: (id: string) => call<GetCorridorResponse>(`/v1/corridors/${encodeURIComponent(id)}`),
  listPlaces: () => call<{ places: Place[] }>('/v1/places').then((r) => r.places),
  resolvePlace: (text: string) => call<ResolvePlaceResponse>(`/v1/places:resolve?text=${encodeURIComponent(text)}`),
  listSources: () => call<{ sources: Source[] }>('/v1/sources').then((r) => r.sources),
  compare: (request: CompareCorridorsRequest, signal?: AbortSignal) =>
    call<CompareCorridorsResponse>('/v1/comparisons', { method: 'POST', body: request, ...(signal ? { signal } : {}) }),
  listScenarios: () => call<{ scenarios: Scenario[] }>('/v1/scenarios').then((r) => r.scenarios),
  getScenario: (id: string) => call<Scenario>(`/v1/scenarios/${encodeURIComponent(id)}`),
  createScenario: (apiKey: string, id: string, name: string, definition: string) =>
    call<Scenario>('/v1/scenarios', { method: 'POST', apiKey, body: { id, name, definition } }),
  updateScenario: (apiKey: string, id: string, expectedVersion: string, name: string, definition: string) =>
    call<Scenario>(`/v1/scenarios/${encodeURIComponent(id)}`, {
      method: 'PUT',
      apiKey,
      body: { expectedVersion, name, definition },
    }),
  getMetrics: (scenarioId: string) =>
    call<MetricsResponse>(`/v1/metrics${scenarioId ? `?scenarioId=${encodeURIComponent(scenarioId)}` : ''}`),
};

/**
 * Reads the metrics Watch stream: JSON transcoding writes one JSON message per line. Resolves when the server
 * ends the stream; rejects with ApiError on an error status, or with AbortError when signal aborts.
 */
export async function watchMetrics(
  scenarioId: string,
  onEvent: (event: WatchEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const path = `/v1/metrics:watch${scenarioId ? `?scenarioId=${encodeURIComponent(scenarioId)}` : ''}`;
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, signal, cache: 'no-store' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok || response.body === null) {
    throw await errorFrom(response);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    buffer += value;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line.length > 0) {
        const message = JSON.parse(line) as WatchEvent & { code?: number; message?: string };
        if (typeof message.code === 'number' && message.metrics === undefined && message.heartbeat === undefined) {
          // An error status written into the stream after it started (e.g. the scenario was deleted).
          throw new ApiError(httpStatusOfGrpc(message.code), message.message ?? 'stream ended with an error');
        }
        onEvent(message);
      }
      newline = buffer.indexOf('\n');
    }
  }
}
