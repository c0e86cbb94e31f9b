import { ApiError, networkProblem, problemFrom, problemOf } from './problem';
import type { Media, TokenPair } from './types';

/** Where the refresh token lives between page loads. */
export interface TokenStore {
  get(): string | null;
  set(token: string | null): void;
}

/**
 * Keeps the refresh token in the tab's sessionStorage: it survives a reload, is gone when
 * the tab closes, and is never sent anywhere by the browser on its own (unlike a cookie).
 */
export function sessionTokenStore(storage: Storage = sessionStorage, key = 'murmur.refresh'): TokenStore {
  return {
    get: () => storage.getItem(key),
    set: (token) => (token === null ? storage.removeItem(key) : storage.setItem(key, token)),
  };
}

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  store: TokenStore;
  /** How long before the access token expires it is refreshed, in seconds. */
  refreshLeewaySeconds?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface UploadOptions {
  description?: string;
  focus?: { x: number; y: number };
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * The client of Murmur's public API. The access token is kept in memory only; the refresh
 * token in a {@link TokenStore}. Tokens are refreshed shortly before the access token
 * expires, and once on a 401 before the request is retried. Refresh tokens rotate (each
 * refresh spends the old one and a reused one revokes the whole family), so concurrent
 * refreshes are folded into one.
 */
export class ApiClient {
  readonly #baseUrl: string;
  readonly #fetch: typeof fetch;
  readonly #store: TokenStore;
  readonly #leeway: number;
  readonly #setTimer: (callback: () => void, ms: number) => unknown;
  readonly #clearTimer: (timer: unknown) => void;
  readonly #listeners = new Set<(signedIn: boolean) => void>();
  #accessToken: string | null = null;
  #refreshing: Promise<boolean> | null = null;
  #timer: unknown = null;

  constructor(options: ApiClientOptions) {
    this.#baseUrl = options.baseUrl ?? '';
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#store = options.store;
    this.#leeway = options.refreshLeewaySeconds ?? 60;
    this.#setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.#clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  }

  get signedIn(): boolean {
    return this.#accessToken !== null;
  }

  /** Called with true after signing in and false after signing out or losing the session. */
  onSessionChange(listener: (signedIn: boolean) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Picks up the session of an earlier page load of this tab, if its refresh token still works. */
  async resume(): Promise<boolean> {
    return this.#store.get() !== null && (await this.refresh());
  }

  async login(login: string, password: string): Promise<void> {
    const tokens = await this.#send<TokenPair>('POST', '/api/v1/auth/login', { body: { login, password } }, false);
    this.#accept(tokens);
  }

  async register(body: { handle: string; email: string; password: string; displayName?: string }): Promise<void> {
    await this.#send('POST', '/api/v1/auth/register', { body }, false);
    await this.login(body.handle, body.password);
  }

  async logout(): Promise<void> {
    const refreshToken = this.#store.get();
    try {
      if (refreshToken !== null) {
        await this.#send('POST', '/api/v1/auth/logout', { body: { refreshToken } }, false);
      }
    } finally {
      this.#end();
    }
  }

  /** Refreshes the tokens; concurrent callers share one refresh. Resolves false when the session is gone. */
  refresh(): Promise<boolean> {
    this.#refreshing ??= this.#refreshOnce().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  /**
   * After a 401 for a request sent with the given token: true once there is a newer token to
   * retry with. A token that was replaced meanwhile (another request refreshed) needs no
   * refresh of its own, which would spend the new refresh token for nothing.
   */
  async #renewed(used: string | null): Promise<boolean> {
    if (this.#accessToken !== null && this.#accessToken !== used) {
      return true;
    }
    return this.refresh();
  }

  async #refreshOnce(): Promise<boolean> {
    const refreshToken = this.#store.get();
    if (refreshToken === null) {
      this.#end();
      return false;
    }
    try {
      const tokens = await this.#send<TokenPair>('POST', '/api/v1/auth/refresh', { body: { refreshToken } }, false);
      this.#accept(tokens);
      return true;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 400 || error.status === 401)) {
        this.#end();
        return false;
      }
      throw error;
    }
  }

  #accept(tokens: TokenPair): void {
    const wasSignedIn = this.signedIn;
    this.#accessToken = tokens.accessToken;
    this.#store.set(tokens.refreshToken);
    if (this.#timer !== null) {
      this.#clearTimer(this.#timer);
    }
    const delay = Math.max(5, tokens.expiresIn - this.#leeway) * 1000;
    this.#timer = this.#setTimer(() => {
      this.#timer = null;
      this.refresh().catch(() => undefined);
    }, delay);
    if (!wasSignedIn) {
      this.#listeners.forEach((listener) => listener(true));
    }
  }

  #end(): void {
    const wasSignedIn = this.signedIn;
    this.#accessToken = null;
    this.#store.set(null);
    if (this.#timer !== null) {
      this.#clearTimer(this.#timer);
      this.#timer = null;
    }
    if (wasSignedIn) {
      this.#listeners.forEach((listener) => listener(false));
    }
  }

  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.#send<T>('GET', path, { query, signal }, true);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.#send<T>('POST', path, { body }, true);
  }

  delete<T>(path: string): Promise<T> {
    return this.#send<T>('DELETE', path, {}, true);
  }

  request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    return this.#send<T>(method, path, options, true);
  }

  /**
   * A raw authorised response, for reading a stream. Refreshes and retries once on a 401;
   * throws an {@link ApiError} for any other error status.
   */
  async open(path: string, options: RequestOptions = {}): Promise<Response> {
    const used = this.#accessToken;
    let response = await this.#exchange('GET', path, options);
    if (response.status === 401 && (await this.#renewed(used))) {
      response = await this.#exchange('GET', path, options);
    }
    if (!response.ok) {
      throw new ApiError(await problemFrom(response));
    }
    return response;
  }

  async #send<T>(method: string, path: string, options: RequestOptions, authorised: boolean): Promise<T> {
    const used = this.#accessToken;
    let response = await this.#exchange(method, path, options, authorised);
    if (authorised && response.status === 401 && (await this.#renewed(used))) {
      response = await this.#exchange(method, path, options, authorised);
    }
    if (!response.ok) {
      throw new ApiError(await problemFrom(response));
    }
    if (response.status === 204 || response.headers.get('content-length') === '0') {
      return undefined as T;
    }
    const type = response.headers.get('content-type') ?? '';
    return (type.includes('json') ? await response.json() : undefined) as T;
  }

  async #exchange(method: string, path: string, options: RequestOptions, authorised = true): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (authorised && this.#accessToken !== null) {
      headers.Authorization = `Bearer ${this.#accessToken}`;
    }
    try {
      return await this.#fetch(this.#baseUrl + path + queryString(options.query), {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) {
        throw error;
      }
      throw new ApiError(networkProblem());
    }
  }

  /**
   * Uploads one file as multipart with XMLHttpRequest, whose upload events give the
   * progress that fetch cannot. The alt text and focus point go as query parameters.
   */
  async upload(file: Blob, options: UploadOptions = {}): Promise<Media> {
    const query: Query = { description: options.description || undefined };
    if (options.focus) {
      query.focus = `${round(options.focus.x)},${round(options.focus.y)}`;
    }
    const url = this.#baseUrl + '/api/v1/media' + queryString(query);
    const used = this.#accessToken;
    let result = await this.#xhrUpload(url, file, options);
    if (result.status === 401 && (await this.#renewed(used))) {
      result = await this.#xhrUpload(url, file, options);
    }
    const body = parseJson(result.body);
    if (result.status < 200 || result.status >= 300) {
      throw new ApiError(problemOf(body, result.status));
    }
    return body as Media;
  }

  #xhrUpload(url: string, file: Blob, options: UploadOptions): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('Accept', 'application/json');
      if (this.#accessToken !== null) {
        xhr.setRequestHeader('Authorization', `Bearer ${this.#accessToken}`);
      }
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) {
          options.onProgress?.(event.loaded / event.total);
        }
      };
      xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText });
      xhr.onerror = () => reject(new ApiError(networkProblem()));
      xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
      options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      const form = new FormData();
      form.append('file', file, file instanceof File ? file.name : 'upload');
      xhr.send(form);
    });
  }
}

function round(value: number): string {
  return (Math.round(value * 100) / 100).toString();
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** `?a=1&b=2` from the defined values of a query, or nothing. */
export function queryString(query?: Query): string {
  if (!query) {
    return '';
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
