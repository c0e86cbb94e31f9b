import { describe, expect, it } from 'vitest';
import type { Post } from '../api/types';
import { ApiError } from '../api/problem';
import { optimistically, withLike, withRepost } from './optimistic';

function post(): Post {
  return {
    id: '1',
    author: { id: '9', handle: 'ana', displayName: 'Ana' },
    text: 'hello',
    createdAt: '2026-12-06T10:00:00Z',
    media: [],
    counts: { likes: 4, reposts: 1, replies: 0 },
    viewer: { liked: false, reposted: false },
    mentions: [],
    hashtags: [],
  };
}

describe('optimistic like', () => {
  it('should show the like at once and keep it when the server accepts', async () => {
    let shown = post();
    const seen: number[] = [];
    await optimistically(() => shown, (p) => { shown = p; seen.push(p.counts.likes); }, (p) => withLike(p, true), (p) => withLike(p, false), async () => undefined);
    expect(seen).toEqual([5]);
    expect(shown.viewer.liked).toBe(true);
  });

  it('should roll the like back and surface the problem when the server refuses', async () => {
    let shown = post();
    let during = null as Post | null;
    const refused = new ApiError({ title: 'Service unavailable', status: 503 });
    const result = optimistically(
      () => shown,
      (p) => (shown = p),
      (p) => withLike(p, true),
      (p) => withLike(p, false),
      async () => {
        during = shown;
        throw refused;
      },
    );
    await expect(result).rejects.toBe(refused);
    expect(during!.viewer.liked).toBe(true);
    expect(during!.counts.likes).toBe(5);
    expect(shown.viewer.liked).toBe(false);
    expect(shown.counts.likes).toBe(4);
  });

  it('should keep a change made meanwhile when rolling back', async () => {
    let shown = post();
    await optimistically(
      () => shown,
      (p) => (shown = p),
      (p) => withLike(p, true),
      (p) => withLike(p, false),
      async () => {
        shown = withRepost(shown, true);
        throw new Error('refused');
      },
    ).catch(() => undefined);
    expect(shown.viewer.liked).toBe(false);
    expect(shown.viewer.reposted).toBe(true);
  });
});
