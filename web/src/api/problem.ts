// Errors of the API as one type: RFC 9457 problem+json from the gateway and the services, or no
// answer at all (the connection was lost). The UI turns them into human messages (ui/ProblemMessage).

export interface FieldProblem {
  field: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  detail?: string;
  status?: number;
  requestId?: string;
  errors?: FieldProblem[];
}

export class ApiError extends Error {
  /** 0 when no response came (network down, gateway unreachable). */
  readonly status: number;
  readonly title?: string;
  readonly detail?: string;
  readonly errors: FieldProblem[];
  readonly requestId?: string;
  /** Seconds to wait before trying again (429, 503), from Retry-After. */
  readonly retryAfter?: number;

  constructor(status: number, body: ProblemBody = {}, retryAfter?: number) {
    super(body.detail ?? body.title ?? (status === 0 ? 'network error' : `HTTP ${status}`));
    this.name = 'ApiError';
    this.status = status;
    this.title = body.title;
    this.detail = body.detail;
    this.errors = Array.isArray(body.errors) ? body.errors : [];
    this.requestId = body.requestId;
    this.retryAfter = retryAfter;
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** The message for one field: "kinds.themes" also matches a form field named "kinds.themes". */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

/** Retry-After is either seconds or an HTTP date (RFC 9110). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

export async function problemOf(response: Response): Promise<ApiError> {
  let body: ProblemBody = {};
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      body = (await response.json()) as ProblemBody;
    } catch {
      body = {};
    }
  }
  return new ApiError(response.status, body, parseRetryAfter(response.headers.get('Retry-After')));
}
