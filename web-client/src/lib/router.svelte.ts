import { parseRoute, type Route } from './route';

/** The current hash route, kept in step with the address. */
class Router {
  route: Route = $state(parseRoute(typeof location === 'undefined' ? '' : location.hash));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => {
        this.route = parseRoute(location.hash);
      });
    }
  }
}

export const router = new Router();
