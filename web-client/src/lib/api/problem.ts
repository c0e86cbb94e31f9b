/** One invalid field of a request, as the API names it. */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem, as every Murmur API error is; problems may carry more members. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [member: string]: unknown;
}

/** A failed API call, carrying the problem the server (or the network) gave. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  /** Worth offering a retry: the service was busy or away, or the network failed. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 503 || this.status === 502 || this.status === 504 || this.status === 429;
  }

  /** The message of one field, for showing beside that field. */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((error) => error.field === field)?.message;
  }
}

const NETWORK_PROBLEM: Problem = {
  title: 'Murmur could not be reached',
  status: 0,
  detail: 'Check the connection and try again.',
};

/** The problem of a request that never got an answer. */
export function networkProblem(): Problem {
  return { ...NETWORK_PROBLEM };
}

/**
 * Reads the problem of an error response. A body that is not a problem (a proxy's HTML page,
 * an empty body) still gives a problem with the status, so the page can always say something.
 */
export async function problemFrom(response: Response): Promise<Problem> {
  const fallback: Problem = {
    title: response.statusText || `Request failed (${response.status})`,
    status: response.status,
  };
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) {
    return fallback;
  }
  try {
    return problemOf(await response.json(), response.status);
  } catch {
    return fallback;
  }
}

/** Normalises a parsed body into a problem: keeps its members, fills what is missing. */
export function problemOf(body: unknown, status: number): Problem {
  if (body === null || typeof body !== 'object') {
    return { title: `Request failed (${status})`, status };
  }
  const raw = body as Record<string, unknown>;
  const errors = Array.isArray(raw.errors)
    ? raw.errors
        .filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object')
        .map((e) => ({ field: String(e.field ?? ''), message: String(e.message ?? '') }))
    : undefined;
  return {
    ...raw,
    title: typeof raw.title === 'string' && raw.title ? raw.title : `Request failed (${status})`,
    status: typeof raw.status === 'number' ? raw.status : status,
    detail: typeof raw.detail === 'string' ? raw.detail : undefined,
    errors,
  };
}
