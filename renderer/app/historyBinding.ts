import type { AppStore } from '../state/createAppStore.js';
import { parseRoute, routePath, sameRoute } from './routes.js';

/**
 * Keeps the store's route and the address bar in step, with the History API alone (the
 * console has seven routes; a router library would be most of its code): `navigate()` in the
 * store pushes or replaces, the back button sets the route.
 */
export function bindHistory(store: AppStore, win: Window): () => void {
  const onPop = () => store.getState().navigate(parseRoute(win.location.pathname), 'pop');
  win.addEventListener('popstate', onPop);
  const unsubscribe = store.subscribe((state, previous) => {
    const { route, routeChange } = state.ui;
    if (route === previous.ui.route || routeChange === 'pop') return;
    if (sameRoute(route, parseRoute(win.location.pathname))) return;
    const path = routePath(route);
    if (routeChange === 'replace') win.history.replaceState(null, '', path);
    else win.history.pushState(null, '', path);
  });
  return () => {
    win.removeEventListener('popstate', onPop);
    unsubscribe();
  };
}
