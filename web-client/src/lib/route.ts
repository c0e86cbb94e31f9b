/** A hash route: `#/`, `#/u/ana`, `#/u/ana/followers`, `#/notifications`, `#/search?q=…`. */
export interface Route {
  name: 'home' | 'profile' | 'followers' | 'following' | 'notifications' | 'search' | 'post' | 'not-found';
  params: Record<string, string>;
  query: URLSearchParams;
}

/** Parses the part of the address after `#`. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', search = ''] = raw.split('?', 2);
  const query = new URLSearchParams(search);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (parts.length === 0) {
    return { name: 'home', params: {}, query };
  }
  if (first === 'u' && second && parts.length === 2) {
    return { name: 'profile', params: { handle: second }, query };
  }
  if (first === 'u' && second && (third === 'followers' || third === 'following') && parts.length === 3) {
    return { name: third, params: { handle: second }, query };
  }
  if (first === 'notifications' && parts.length === 1) {
    return { name: 'notifications', params: {}, query };
  }
  if (first === 'search' && parts.length === 1) {
    return { name: 'search', params: {}, query };
  }
  if (first === 'post' && second && parts.length === 2) {
    return { name: 'post', params: { id: second }, query };
  }
  return { name: 'not-found', params: {}, query };
}

export function href(path: string): string {
  return `#${path}`;
}
