import type { Notification } from './api/types';

const verbs: Record<Notification['type'], string> = {
  follow: 'followed you',
  like: 'liked your post',
  repost: 'reposted your post',
  reply: 'replied to your post',
  mention: 'mentioned you',
  quote: 'quoted your post',
  push_disabled: '',
};

/** "Ana and 12 others liked your post", from a grouped notification. */
export function describe(notification: Notification): string {
  if (notification.type === 'push_disabled') {
    return 'Pushing notifications to your webhook was turned off after it failed repeatedly.';
  }
  const first = notification.actors[0];
  const name = first ? first.displayName || (first.handle ? `@${first.handle}` : 'Someone') : 'Someone';
  const others = Math.max(0, notification.count - 1);
  const who = others === 0 ? name : `${name} and ${others} ${others === 1 ? 'other' : 'others'}`;
  return `${who} ${verbs[notification.type]}`;
}
