import type { Post } from '../api/types';

function toggled(post: Post, flag: 'liked' | 'reposted', count: 'likes' | 'reposts', on: boolean): Post {
  if (post.viewer[flag] === on) {
    return post;
  }
  return {
    ...post,
    viewer: { ...post.viewer, [flag]: on },
    counts: { ...post.counts, [count]: Math.max(0, post.counts[count] + (on ? 1 : -1)) },
  };
}

/** The post as it reads once the viewer liked (or unliked) it. */
export function withLike(post: Post, liked: boolean): Post {
  return toggled(post, 'liked', 'likes', liked);
}

/** The post as it reads once the viewer reposted (or undid the repost). */
export function withRepost(post: Post, reposted: boolean): Post {
  return toggled(post, 'reposted', 'reposts', reposted);
}

/**
 * Applies a change at once and sends it; if the server refuses, the change is undone on
 * the post as it is by then (so that other changes made meanwhile stay) and the error is
 * thrown for the page to show.
 *
 * @param update replaces the post with the given one, wherever the page shows it
 * @param current reads the post as the page shows it now
 */
export async function optimistically(
  current: () => Post,
  update: (post: Post) => void,
  apply: (post: Post) => Post,
  undo: (post: Post) => Post,
  send: () => Promise<unknown>,
): Promise<void> {
  update(apply(current()));
  try {
    await send();
  } catch (error) {
    update(undo(current()));
    throw error;
  }
}
