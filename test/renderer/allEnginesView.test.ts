import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { NocturneApi } from '../../shared/ipc/ipcContract.js';
import { parseRoute, routePath } from '../../renderer/app/routes.js';
import { ServicesContext, type AppServices } from '../../renderer/app/services.js';
import { visibleSections } from '../../renderer/app/navSections.js';
import { createAppStore } from '../../renderer/state/createAppStore.js';
import {
  engineColour,
  filterRows,
  type AllEnginesRow,
} from '../../renderer/views/allEngines/allEnginesRows.js';
import { AllEnginesView } from '../../renderer/views/allEngines/AllEnginesView.js';
import { alert } from './fixtures.js';

const desktop = {
  api: {} as NocturneApi,
  engineId: () => 'embedded',
  selectEngine: async () => null,
};

function render(element: ReturnType<typeof createElement>, services: Partial<AppServices>) {
  const value = { store: createAppStore(), now: () => 0, ...services } as AppServices;
  return renderToStaticMarkup(createElement(ServicesContext.Provider, { value }, element));
}

describe('the All engines view', () => {
  it('has its route', () => {
    expect(parseRoute('/all-engines')).toEqual({ name: 'allEngines' });
    expect(routePath({ name: 'allEngines' })).toBe('/all-engines');
  });

  it('in a browser says in one sentence that it is the desktop app’s', () => {
    expect(render(createElement(AllEnginesView), { desktop: null })).toContain(
      '<p>The alerts of several engines side by side are part of the Nocturne desktop app.</p>',
    );
  });

  it('in the desktop app lays out its header, chips and table before the streams answer', () => {
    const html = render(createElement(AllEnginesView), { desktop });
    expect(html).toContain('All 0 engines');
    expect(html).toContain('This app has no engine yet');
    expect(html).toContain('>Engine</span>');
  });

  it('is in the header only in the desktop app with two engines or more', () => {
    const labels = (count: number | null) => visibleSections(count).map((s) => s.label);
    expect(labels(2)).toContain('All engines');
    expect(labels(1)).not.toContain('All engines');
    expect(labels(0)).toContain('Planning');
    expect(labels(null)).not.toContain('All engines');
    expect(labels(null)).not.toContain('Planning');
  });

  it('gives each engine a stable colour and filters by engine and state', () => {
    expect(engineColour('remote-paris')).toBe(engineColour('remote-paris'));
    expect(engineColour('remote-paris')).toBeGreaterThanOrEqual(0);
    expect(engineColour('remote-paris')).toBeLessThan(8);
    const row = (engineId: string, id: string, state: 'PENDING' | 'ACCEPTED'): AllEnginesRow => ({
      engineId,
      engineLabel: engineId,
      alert: alert(id, { state }),
      sourceName: 'Prometheus',
      assigneeName: null,
    });
    const rows = [row('a', '1', 'PENDING'), row('b', '2', 'ACCEPTED'), row('a', '3', 'ACCEPTED')];
    expect(filterRows(rows, { engineIds: [], states: [] })).toBe(rows);
    const kept = filterRows(rows, { engineIds: ['a'], states: ['ACCEPTED'] });
    expect(kept.map((r) => r.alert.id)).toEqual(['3']);
  });
});
