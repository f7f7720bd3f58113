import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appState.js';
import { emptyAlerts, type AlertsState } from './alertsReducer.js';

/**
 * Alerts, normalised (a map by id). Written only by `applySyncEvents` (./syncSlice.ts): the
 * stream is the one source of truth, REST answers are not merged in. Ordered lists come from
 * the memoised selectors in ./selectors/.
 */
export interface AlertsSlice {
  readonly alerts: AlertsState;
}

export const createAlertsSlice: StateCreator<AppState, [], [], AlertsSlice> = () => ({
  alerts: emptyAlerts,
});
