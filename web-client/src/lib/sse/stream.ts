import { SseParser, type SseEvent } from './parser';

export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface ResumingStreamOptions {
  /** Opens the stream, resuming after the given event id when there is one. */
  connect: (lastEventId: string | null, signal: AbortSignal) => Promise<ReadableStream<Uint8Array>>;
  onEvent: (event: SseEvent) => void;
  onStatus?: (status: StreamStatus) => void;
  /** Whether a failed connection should be tried again (false stops the stream). */
  shouldRetry?: (error: unknown) => boolean;
  signal: AbortSignal;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Reads a server-sent event stream over fetch (EventSource cannot send a bearer token)
 * and keeps it open: when the connection drops or ends (it ends when the access token
 * expires), it connects again with the id of the last event seen, so the server sends
 * exactly what was missed. Failures back off exponentially up to a limit; a connection
 * that delivered anything resets the back-off.
 */
export async function runResumingStream(options: ResumingStreamOptions): Promise<void> {
  const sleep = options.sleep ?? abortableSleep;
  const initial = options.initialDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 30000;
  let lastEventId: string | null = null;
  let delay = initial;
  options.onStatus?.('connecting');
  while (!options.signal.aborted) {
    const parser = new SseParser();
    let received = false;
    try {
      const body = await options.connect(lastEventId, options.signal);
      options.onStatus?.('open');
      const reader = body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          break;
        }
        for (const event of parser.feed(decoder.decode(value, { stream: true }))) {
          received = true;
          if (event.id !== null) {
            lastEventId = event.id;
          }
          if (event.retry !== undefined) {
            delay = event.retry;
          }
          options.onEvent(event);
        }
      }
      if (parser.lastEventId !== null) {
        lastEventId = parser.lastEventId;
      }
    } catch (error) {
      if (options.signal.aborted) {
        break;
      }
      if (parser.lastEventId !== null) {
        lastEventId = parser.lastEventId;
      }
      if (options.shouldRetry && !options.shouldRetry(error)) {
        options.onStatus?.('closed');
        return;
      }
    }
    if (options.signal.aborted) {
      break;
    }
    options.onStatus?.('reconnecting');
    if (received) {
      delay = initial;
    }
    try {
      await sleep(delay, options.signal);
    } catch {
      break;
    }
    delay = Math.min(max, delay * 2);
  }
  options.onStatus?.('closed');
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('Aborted', 'AbortError'));
      },
      { once: true },
    );
  });
}
