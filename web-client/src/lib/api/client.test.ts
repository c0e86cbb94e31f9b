import { beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, type TokenStore } from './client';
import { ApiError } from './problem';

interface Call {
  url: string;
  method: string;
  authorization: string | null;
  body: unknown;
}

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': type } });
}

function tokens(n: number, expiresIn = 900) {
  return { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, tokenType: 'Bearer', expiresIn };
}

/** A stand-in gateway: refresh tokens rotate, and a spent one is refused as user-service refuses it. */
class FakeServer {
  calls: Call[] = [];
  valid = new Set<string>();
  liveAccess = new Set<string>();
  issued = 0;
  handlers = new Map<string, (call: Call) => Response>();

  issue() {
    this.issued++;
    const pair = tokens(this.issued);
    this.valid.add(pair.refreshToken);
    this.liveAccess.add(pair.accessToken);
    return pair;
  }

  fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const call: Call = {
      url: String(input),
      method: init?.method ?? 'GET',
      authorization: headers.get('authorization'),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    this.calls.push(call);
    await Promise.resolve();
    if (call.url === '/api/v1/auth/refresh') {
      const presented = (call.body as { refreshToken: string }).refreshToken;
      if (!this.valid.delete(presented)) {
        return json(401, { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Refresh token spent.' }, 'application/problem+json');
      }
      return json(200, this.issue());
    }
    if (call.url === '/api/v1/auth/login') {
      return json(200, this.issue());
    }
    const handler = this.handlers.get(`${call.method} ${call.url.split('?')[0]}`);
    if (handler) {
      return handler(call);
    }
    const token = call.authorization?.replace('Bearer ', '') ?? '';
    if (!this.liveAccess.has(token)) {
      return json(401, { title: 'Unauthorized', status: 401, detail: 'A valid access token is required.' }, 'application/problem+json');
    }
    return json(200, { ok: true, token });
  };
}

function memoryStore(): TokenStore & { value: string | null } {
  return {
    value: null,
    get() {
      return this.value;
    },
    set(token) {
      this.value = token;
    },
  };
}

describe('ApiClient', () => {
  let server: FakeServer;
  let store: ReturnType<typeof memoryStore>;
  let timers: { callback: () => void; ms: number }[];
  let client: ApiClient;

  beforeEach(async () => {
    server = new FakeServer();
    store = memoryStore();
    timers = [];
    client = new ApiClient({
      fetch: server.fetch,
      store,
      setTimer: (callback, ms) => timers.push({ callback, ms }),
      clearTimer: () => undefined,
    });
    await client.login('ana', 'secret');
  });

  describe('on a 401', () => {
    it('should refresh once, keep the rotated refresh token and retry with the new access token', async () => {
      server.liveAccess.clear();
      const body = await client.get<{ token: string }>('/api/v1/feed');
      expect(body.token).toBe('access-2');
      expect(store.value).toBe('refresh-2');
      expect(server.calls.filter((c) => c.url === '/api/v1/auth/refresh')).toHaveLength(1);
      const feedCalls = server.calls.filter((c) => c.url === '/api/v1/feed');
      expect(feedCalls.map((c) => c.authorization)).toEqual(['Bearer access-1', 'Bearer access-2']);
    });

    it('should share one refresh between concurrent requests, so no refresh token is presented twice', async () => {
      server.liveAccess.clear();
      const results = await Promise.all([client.get('/api/v1/feed'), client.get('/api/v1/notifications'), client.get('/api/v1/users/me')]);
      expect(results).toHaveLength(3);
      expect(server.calls.filter((c) => c.url === '/api/v1/auth/refresh')).toHaveLength(1);
      expect(store.value).toBe('refresh-2');
      expect(client.signedIn).toBe(true);
    });

    it('should not retry a second time when the retried request is refused too', async () => {
      server.handlers.set('GET /api/v1/feed', () => json(401, { title: 'Unauthorized', status: 401 }, 'application/problem+json'));
      await expect(client.get('/api/v1/feed')).rejects.toMatchObject({ status: 401 });
      expect(server.calls.filter((c) => c.url === '/api/v1/feed')).toHaveLength(2);
    });

    it('should end the session when the refresh token is refused', async () => {
      const changes: boolean[] = [];
      client.onSessionChange((signedIn) => changes.push(signedIn));
      server.liveAccess.clear();
      server.valid.clear();
      await expect(client.get('/api/v1/feed')).rejects.toBeInstanceOf(ApiError);
      expect(client.signedIn).toBe(false);
      expect(store.value).toBeNull();
      expect(changes).toEqual([false]);
    });
  });

  it('should refresh a minute before the access token expires', async () => {
    expect(timers.at(-1)?.ms).toBe((900 - 60) * 1000);
    timers.at(-1)?.callback();
    await client.refresh();
    expect(store.value).toBe('refresh-2');
    expect(server.calls.filter((c) => c.url === '/api/v1/auth/refresh').length).toBeGreaterThanOrEqual(1);
  });

  it('should resume a session from the stored refresh token and fail cleanly without one', async () => {
    const resumed = new ApiClient({ fetch: server.fetch, store, setTimer: () => 0, clearTimer: () => undefined });
    expect(await resumed.resume()).toBe(true);
    expect(resumed.signedIn).toBe(true);
    const empty = new ApiClient({ fetch: server.fetch, store: memoryStore(), setTimer: () => 0, clearTimer: () => undefined });
    expect(await empty.resume()).toBe(false);
  });

  it('should revoke the refresh token and forget both tokens on sign-out', async () => {
    server.handlers.set('POST /api/v1/auth/logout', () => new Response(null, { status: 204 }));
    await client.logout();
    expect(server.calls.at(-1)?.body).toEqual({ refreshToken: 'refresh-1' });
    expect(client.signedIn).toBe(false);
    expect(store.value).toBeNull();
  });

  describe('problems', () => {
    it('should carry title, detail and field errors of a problem+json', async () => {
      server.handlers.set('POST /api/v1/posts', () =>
        json(400, {
          type: 'https://murmur.example/problems/validation',
          title: 'Invalid request',
          status: 400,
          detail: 'One or more fields are invalid.',
          errors: [{ field: 'text', message: 'at most 280 characters' }],
        }, 'application/problem+json'),
      );
      const error = await client.post('/api/v1/posts', { text: 'x'.repeat(300) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      const problem = (error as ApiError).problem;
      expect(problem.title).toBe('Invalid request');
      expect(problem.detail).toBe('One or more fields are invalid.');
      expect((error as ApiError).fieldError('text')).toBe('at most 280 characters');
      expect((error as ApiError).retryable).toBe(false);
    });

    it('should give a retryable problem for a 503 that is not JSON, and keep extension members', async () => {
      server.handlers.set('GET /api/v1/trends', () => new Response('<html>busy</html>', { status: 503, statusText: 'Service Unavailable', headers: { 'content-type': 'text/html' } }));
      server.handlers.set('GET /api/v1/search/posts', () =>
        json(400, { title: 'Invalid query', status: 400, detail: 'Position 6: unbalanced quote', position: 6 }, 'application/problem+json'),
      );
      const busy = (await client.get('/api/v1/trends').catch((e: unknown) => e)) as ApiError;
      expect(busy.status).toBe(503);
      expect(busy.problem.title).toBe('Service Unavailable');
      expect(busy.retryable).toBe(true);
      const invalid = (await client.get('/api/v1/search/posts', { q: 'a "b' }).catch((e: unknown) => e)) as ApiError;
      expect(invalid.problem.position).toBe(6);
    });

    it('should turn a network failure into a retryable problem', async () => {
      const offline = new ApiClient({
        fetch: () => Promise.reject(new TypeError('Failed to fetch')),
        store: memoryStore(),
        setTimer: () => 0,
        clearTimer: () => undefined,
      });
      const error = (await offline.get('/api/v1/feed').catch((e: unknown) => e)) as ApiError;
      expect(error.status).toBe(0);
      expect(error.retryable).toBe(true);
    });
  });

  it('should send only the defined query parameters', async () => {
    await client.get('/api/v1/feed', { limit: 20, cursor: null });
    expect(server.calls.at(-1)?.url).toBe('/api/v1/feed?limit=20');
  });
});
