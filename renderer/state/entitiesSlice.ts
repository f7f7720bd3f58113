import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appState.js';
import { emptyEntities, type EntitiesState } from './entitiesReducer.js';

/**
 * Alert sources, users, teams, schedules, escalation policies and alert escalations from the
 * stream, by id. Written only by `applySyncEvents` (./syncSlice.ts).
 */
export interface EntitiesSlice {
  readonly entities: EntitiesState;
}

export const createEntitiesSlice: StateCreator<AppState, [], [], EntitiesSlice> = () => ({
  entities: emptyEntities,
});
