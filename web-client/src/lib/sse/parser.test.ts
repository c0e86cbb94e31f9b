import { describe, expect, it } from 'vitest';
import { SseParser } from './parser';

describe('SseParser', () => {
  it('should parse named events with ids, skipping heartbeats', () => {
    const parser = new SseParser();
    const events = parser.feed(': heartbeat\n\nid: 7\nevent: unread\ndata: {"count":2}\n\n');
    expect(events).toEqual([{ type: 'unread', data: '{"count":2}', id: '7', retry: undefined }]);
  });

  it('should join data lines and accept any line ending, in chunks cut anywhere', () => {
    const parser = new SseParser();
    const text = 'event: notification\r\nid: 12\r\ndata: {"a":\r\ndata: 1}\r\n\r\ndata: plain\r\n\r\n';
    const events = [];
    for (const char of text) {
      events.push(...parser.feed(char));
    }
    expect(events.map((e) => [e.type, e.data, e.id])).toEqual([
      ['notification', '{"a":\n1}', '12'],
      ['message', 'plain', '12'],
    ]);
  });

  it('should not dispatch an event whose blank line has not arrived yet', () => {
    const parser = new SseParser();
    expect(parser.feed('id: 3\ndata: x\n')).toEqual([]);
    expect(parser.lastEventId).toBe('3');
    expect(parser.feed('\n')).toHaveLength(1);
  });

  it('should read the retry field', () => {
    expect(new SseParser().feed('retry: 2500\ndata: x\n\n')[0]?.retry).toBe(2500);
  });
});
