/** One server-sent event. */
export interface SseEvent {
  type: string;
  data: string;
  id: string | null;
  retry?: number;
}

/**
 * An incremental parser of the text/event-stream format (WHATWG HTML, "server-sent
 * events"): feed it chunks as they arrive, in any cut, and it returns the complete
 * events. Comments (heartbeats) are skipped; the last event id carries over to later
 * events, as EventSource keeps it.
 */
export class SseParser {
  #buffer = '';
  #type = '';
  #data: string[] = [];
  #hasData = false;
  #lastId: string | null = null;
  #retry: number | undefined;
  #pendingCarriageReturn = false;

  get lastEventId(): string | null {
    return this.#lastId;
  }

  feed(chunk: string): SseEvent[] {
    const events: SseEvent[] = [];
    let text = chunk;
    if (this.#pendingCarriageReturn && text.startsWith('\n')) {
      text = text.slice(1);
    }
    this.#pendingCarriageReturn = false;
    this.#buffer += text;
    let start = 0;
    for (let i = 0; i < this.#buffer.length; i++) {
      const c = this.#buffer[i];
      if (c !== '\n' && c !== '\r') {
        continue;
      }
      const line = this.#buffer.slice(start, i);
      if (c === '\r') {
        if (i + 1 === this.#buffer.length) {
          this.#pendingCarriageReturn = true;
        } else if (this.#buffer[i + 1] === '\n') {
          i++;
        }
      }
      start = i + 1;
      const event = this.#line(line);
      if (event) {
        events.push(event);
      }
    }
    this.#buffer = this.#buffer.slice(start);
    return events;
  }

  #line(line: string): SseEvent | null {
    if (line === '') {
      return this.#dispatch();
    }
    if (line.startsWith(':')) {
      return null;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    switch (field) {
      case 'event':
        this.#type = value;
        break;
      case 'data':
        this.#data.push(value);
        this.#hasData = true;
        break;
      case 'id':
        if (!value.includes('\0')) {
          this.#lastId = value;
        }
        break;
      case 'retry':
        if (/^\d+$/.test(value)) {
          this.#retry = Number(value);
        }
        break;
    }
    return null;
  }

  #dispatch(): SseEvent | null {
    const event: SseEvent | null = this.#hasData
      ? { type: this.#type || 'message', data: this.#data.join('\n'), id: this.#lastId, retry: this.#retry }
      : null;
    this.#type = '';
    this.#data = [];
    this.#hasData = false;
    return event;
  }
}
