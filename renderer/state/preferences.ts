import { z } from 'zod';
import { AlertPriority, AlertState } from '../../shared/domain/alert.js';
import type { KeyValueStorage } from '../transport/credentials.js';
import {
  defaultQueueFilter,
  defaultQueueSort,
  queueColumns,
  type QueueFilter,
  type QueueSort,
  type SavedView,
} from './queueFilter.js';

export type Theme = 'dark' | 'light';

/** What the console remembers on this machine between visits (localStorage). */
export interface Preferences {
  readonly theme: Theme;
  readonly filter: QueueFilter;
  readonly sort: QueueSort;
  readonly savedViews: readonly SavedView[];
}

const Filter = z.object({
  states: z.array(AlertState),
  priorities: z.array(AlertPriority),
  sourceIds: z.array(z.string()),
  assigneeIds: z.array(z.string()),
  text: z.string().max(200),
});
const Sort = z.object({ column: z.enum(queueColumns), direction: z.enum(['asc', 'desc']) });
/** Each field falls back to its default on its own: one bad field does not lose the others. */
const Stored = z.object({
  theme: z.enum(['dark', 'light']).catch('dark'),
  filter: Filter.catch(defaultQueueFilter as z.infer<typeof Filter>),
  sort: Sort.catch(defaultQueueSort),
  savedViews: z
    .array(z.object({ name: z.string().min(1).max(80), filter: Filter, sort: Sort }))
    .max(50)
    .catch([]),
});

const key = 'nocturne.preferences';

export const defaultPreferences: Preferences = {
  theme: 'dark',
  filter: defaultQueueFilter,
  sort: defaultQueueSort,
  savedViews: [],
};

export function loadPreferences(storage: KeyValueStorage | null): Preferences {
  try {
    const text = storage?.getItem(key);
    if (!text) return defaultPreferences;
    const parsed = Stored.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : defaultPreferences;
  } catch {
    return defaultPreferences;
  }
}

export function savePreferences(storage: KeyValueStorage | null, preferences: Preferences): void {
  try {
    storage?.setItem(key, JSON.stringify(preferences));
  } catch {
    // full or disabled storage: the preferences last as long as the page
  }
}
