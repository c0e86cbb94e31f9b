/** The shapes of the public API (docs/api/*.json) that the client reads. */

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: string;
  expiresIn: number;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

export interface User {
  id: string;
  handle: string;
  displayName: string;
  bio?: string;
  avatarUrl?: string | null;
  avatarPreviewUrl?: string | null;
  avatarSmallUrl?: string | null;
  createdAt?: string;
  followersCount?: number | null;
  followingCount?: number | null;
}

export interface UserView {
  id: string;
  handle?: string;
  displayName?: string;
  avatarUrl?: string | null;
}

export interface Focus {
  x: number;
  y: number;
}

export interface MediaView {
  id: string;
  type?: string;
  url?: string;
  previewUrl?: string;
  width?: number;
  height?: number;
  blurhash?: string | null;
  description?: string | null;
  focus?: Focus | null;
}

export interface Post {
  id: string;
  author: UserView;
  text: string;
  createdAt: string;
  media: MediaView[];
  replyTo?: string | null;
  quoteOf?: string | null;
  repostOf?: string | null;
  counts: { likes: number; reposts: number; replies: number };
  viewer: { liked: boolean; reposted: boolean };
  mentions: { id: string; handle: string }[];
  hashtags: string[];
  repostedBy?: UserView[];
}

export interface Media {
  id: string;
  state: 'awaiting_upload' | 'processing' | 'ready' | 'failed';
  type: string;
  url?: string;
  previewUrl?: string;
  width?: number;
  height?: number;
  blurhash?: string;
  description?: string;
  focus: Focus;
  failureReason?: string;
}

export interface Notification {
  id: string;
  groupId: string;
  type: 'follow' | 'like' | 'repost' | 'reply' | 'mention' | 'quote' | 'push_disabled';
  actors: UserView[];
  count: number;
  createdAt: string;
  unread: boolean;
  targetPostId?: string | null;
  post?: { id: string; text?: string | null; createdAt?: string | null } | null;
}

export interface Relationship {
  id: string;
  following: boolean;
  followedBy: boolean;
}

export interface FoundUser {
  id: string;
  handle: string;
  displayName: string;
  avatarUrl?: string | null;
  followersCount: number;
}

export interface Trend {
  tag: string;
  score: number;
  authors: number;
  expected: number;
  counts: number[];
}

export interface Trends {
  items: Trend[];
  window: string;
  windowEndsAt: string;
}
