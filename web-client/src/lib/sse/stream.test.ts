import { describe, expect, it } from 'vitest';
import type { SseEvent } from './parser';
import { runResumingStream } from './stream';

/** A body that delivers the chunks one read at a time, then ends or fails (a dropped connection). */
function streamOf(chunks: string[], fail?: Error): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pending = [...chunks];
  return new ReadableStream({
    pull(controller) {
      const next = pending.shift();
      if (next !== undefined) {
        controller.enqueue(encoder.encode(next));
      } else if (fail) {
        controller.error(fail);
      } else {
        controller.close();
      }
    },
  });
}

describe('runResumingStream', () => {
  it('should reconnect after a dropped connection with the id of the last event seen', async () => {
    const abort = new AbortController();
    const asked: (string | null)[] = [];
    const events: SseEvent[] = [];
    const delays: number[] = [];
    const connections = [
      () => streamOf(['id: 1\nevent: notification\ndata: {"id":"1"}\n\n', 'id: 2\nevent: unread\ndata: {"count":2}\n\n'], new Error('reset')),
      () => streamOf(['id: 3\nevent: notification\ndata: {"id":"3"}\n\n']),
    ];
    await runResumingStream({
      signal: abort.signal,
      connect: async (lastEventId) => {
        asked.push(lastEventId);
        const next = connections.shift();
        if (!next) {
          abort.abort();
          throw new Error('no more');
        }
        return next();
      },
      onEvent: (event) => events.push(event),
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    expect(asked).toEqual([null, '2', '3']);
    expect(events.map((e) => e.id)).toEqual(['1', '2', '3']);
    expect(delays[0]).toBe(1000);
  });

  it('should back off when connections keep failing, and stop when told not to retry', async () => {
    const abort = new AbortController();
    const delays: number[] = [];
    let attempts = 0;
    const statuses: string[] = [];
    await runResumingStream({
      signal: abort.signal,
      connect: async () => {
        attempts++;
        throw new Error(attempts < 4 ? 'unavailable' : 'unauthorized');
      },
      onEvent: () => undefined,
      onStatus: (status) => statuses.push(status),
      shouldRetry: (error) => (error as Error).message !== 'unauthorized',
      sleep: async (ms) => {
        delays.push(ms);
      },
      initialDelayMs: 100,
      maxDelayMs: 300,
    });
    expect(attempts).toBe(4);
    expect(delays).toEqual([100, 200, 300]);
    expect(statuses.at(-1)).toBe('closed');
  });
});
