import { ApiClient, sessionTokenStore } from './api/client';
import { ApiError } from './api/problem';
import type { Notification, User } from './api/types';
import { runResumingStream, type StreamStatus } from './sse/stream';

/** The one client of the page: the access token lives in it, in memory only. */
export const api = new ApiClient({ store: sessionTokenStore() });

/**
 * What every page shares: who is signed in, and the notification stream that keeps the
 * unread badge live while they are.
 */
class AppState {
  me: User | null = $state(null);
  ready = $state(false);
  unread = $state(0);
  stream: StreamStatus = $state('closed');
  #streamAbort: AbortController | null = null;
  #notificationListeners = new Set<(notification: Notification) => void>();

  async start(): Promise<void> {
    api.onSessionChange((signedIn) => {
      if (!signedIn) {
        this.#signedOut();
      }
    });
    try {
      if (await api.resume()) {
        await this.signedIn();
      }
    } catch {
      // The session could not be resumed (the network or user-service is away): sign in again.
    } finally {
      this.ready = true;
    }
  }

  async signedIn(): Promise<void> {
    this.me = await api.get<User>('/api/v1/users/me');
    this.#openStream();
  }

  async signOut(): Promise<void> {
    await api.logout().catch(() => undefined);
    this.#signedOut();
  }

  /** Called with every notification the stream delivers while the listener is registered. */
  onNotification(listener: (notification: Notification) => void): () => void {
    this.#notificationListeners.add(listener);
    return () => this.#notificationListeners.delete(listener);
  }

  #signedOut(): void {
    this.me = null;
    this.unread = 0;
    this.#streamAbort?.abort();
    this.#streamAbort = null;
  }

  #openStream(): void {
    this.#streamAbort?.abort();
    const abort = new AbortController();
    this.#streamAbort = abort;
    void runResumingStream({
      signal: abort.signal,
      connect: async (lastEventId, signal) => {
        const headers: Record<string, string> = { Accept: 'text/event-stream' };
        if (lastEventId !== null) {
          headers['Last-Event-ID'] = lastEventId;
        }
        const response = await api.open('/api/v1/notifications/stream', { headers, signal });
        if (!response.body) {
          throw new Error('The stream has no body');
        }
        return response.body;
      },
      onEvent: (event) => {
        if (event.type === 'unread') {
          this.unread = (JSON.parse(event.data) as { count: number }).count;
        } else if (event.type === 'notification') {
          const notification = JSON.parse(event.data) as Notification;
          this.#notificationListeners.forEach((listener) => listener(notification));
        }
      },
      onStatus: (status) => {
        this.stream = status;
      },
      shouldRetry: (error) => !(error instanceof ApiError && (error.status === 401 || error.status === 403)),
    });
  }
}

export const app = new AppState();
