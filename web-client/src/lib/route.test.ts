import { describe, expect, it } from 'vitest';
import { parseRoute } from './route';
import { describe as describeNotification } from './notifications';
import { sparklinePoints } from './format';
import { segments } from './text/segments';

describe('parseRoute', () => {
  it('should read every page of the client from the hash', () => {
    expect(parseRoute('').name).toBe('home');
    expect(parseRoute('#/u/ana')).toMatchObject({ name: 'profile', params: { handle: 'ana' } });
    expect(parseRoute('#/u/ana/followers').name).toBe('followers');
    expect(parseRoute('#/search?q=%23tag').query.get('q')).toBe('#tag');
    expect(parseRoute('#/nowhere').name).toBe('not-found');
  });
});

describe('notification text', () => {
  it('should group actors as people read it', () => {
    const base = { id: '1', groupId: 'g', createdAt: '', unread: true };
    expect(describeNotification({ ...base, type: 'like', count: 13, actors: [{ id: '1', displayName: 'Ana' }] })).toBe('Ana and 12 others liked your post');
    expect(describeNotification({ ...base, type: 'follow', count: 1, actors: [{ id: '1', handle: 'bo' }] })).toBe('@bo followed you');
  });
});

describe('sparklinePoints', () => {
  it('should scale counts into the box, highest on top', () => {
    expect(sparklinePoints([0, 5, 10], 100, 20)).toBe('0,20 50,10 100,0');
    expect(sparklinePoints([0, 0], 10, 10)).toBe('0,10 10,10');
  });
});

describe('segments', () => {
  it('should link hashtags, mentions and URLs', () => {
    expect(segments('hi @ana see #tea at https://x.example/a').map((s) => s.kind)).toEqual(['text', 'mention', 'text', 'tag', 'text', 'url']);
  });
});
