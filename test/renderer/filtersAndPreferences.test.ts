import { describe, expect, it } from 'vitest';
import { createAppStore, preferencesOf } from '../../renderer/state/createAppStore.js';
import {
  defaultPreferences,
  loadPreferences,
  savePreferences,
} from '../../renderer/state/preferences.js';
import { defaultQueueFilter } from '../../renderer/state/queueFilter.js';
import type { KeyValueStorage } from '../../renderer/transport/credentials.js';
import { testStore } from './fixtures.js';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & {
  data: Map<string, string>;
} {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

describe('the filters slice', () => {
  it('toggles chip values, text, sort and resets', () => {
    const store = testStore();
    const s = () => store.getState();
    s().toggleFilterValue('priorities', 'HIGH');
    s().toggleFilterValue('states', 'ACCEPTED');
    s().setFilterText('disk');
    expect(s().filters.queue).toEqual({
      ...defaultQueueFilter,
      states: ['PENDING'],
      priorities: ['HIGH'],
      text: 'disk',
    });
    s().sortBy('age');
    s().sortBy('age');
    expect(s().filters.sort).toEqual({ column: 'age', direction: 'asc' });
    s().resetQueueFilter();
    expect(s().filters.queue).toBe(defaultQueueFilter);
  });

  it('saves, applies and deletes named views', () => {
    const store = testStore();
    const s = () => store.getState();
    s().toggleFilterValue('priorities', 'HIGH');
    s().saveView('  Only HIGH ');
    s().saveView('');
    s().resetQueueFilter();
    expect(s().filters.savedViews.map((v) => v.name)).toEqual(['Only HIGH']);
    s().applyView('Only HIGH');
    expect(s().filters.queue.priorities).toEqual(['HIGH']);
    s().deleteView('Only HIGH');
    expect(s().filters.savedViews).toEqual([]);
  });
});

describe('preferences kept on this machine', () => {
  it('round-trip through storage', () => {
    const storage = memoryStorage();
    const store = createAppStore();
    store.getState().setTheme('light');
    store.getState().toggleFilterValue('priorities', 'LOW');
    store.getState().saveView('Low');
    savePreferences(storage, preferencesOf(store.getState()));
    const loaded = loadPreferences(storage);
    expect(loaded.theme).toBe('light');
    expect(loaded.filter.priorities).toEqual(['LOW']);
    expect(loaded.savedViews.map((v) => v.name)).toEqual(['Low']);
    const again = createAppStore({ preferences: loaded });
    expect(again.getState().ui.theme).toBe('light');
  });

  it('fall back field by field on damaged data, and wholly on garbage', () => {
    const storage = memoryStorage({
      'nocturne.preferences': JSON.stringify({
        theme: 'purple',
        filter: { states: 'x' },
        sort: { column: 'events', direction: 'asc' },
      }),
    });
    const loaded = loadPreferences(storage);
    expect(loaded.theme).toBe('dark');
    expect(loaded.filter).toEqual(defaultQueueFilter);
    expect(loaded.sort).toEqual({ column: 'events', direction: 'asc' });
    expect(loadPreferences(memoryStorage({ 'nocturne.preferences': '{nope' }))).toBe(
      defaultPreferences,
    );
    expect(loadPreferences(null)).toBe(defaultPreferences);
  });
});
