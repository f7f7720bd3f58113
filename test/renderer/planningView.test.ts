import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { NocturneApi } from '../../shared/ipc/ipcContract.js';
import { parseRoute, routePath } from '../../renderer/app/routes.js';
import { ServicesContext, type AppServices } from '../../renderer/app/services.js';
import { createAppStore } from '../../renderer/state/createAppStore.js';
import { PlanningView } from '../../renderer/views/planning/PlanningView.js';

/** The view's first render (no effects run on the server): what it says before any request. */
function render(desktop: AppServices['desktop']): string {
  const services = { store: createAppStore(), now: () => 0, desktop } as unknown as AppServices;
  return renderToStaticMarkup(
    createElement(ServicesContext.Provider, { value: services }, createElement(PlanningView)),
  );
}

describe('the planning view', () => {
  it('has its route', () => {
    expect(parseRoute('/planning')).toEqual({ name: 'planning' });
    expect(routePath({ name: 'planning' })).toBe('/planning');
  });

  it('in a browser says in one sentence that planning is the desktop app’s', () => {
    expect(render(null)).toContain(
      '<p>Offline schedule planning is part of the Nocturne desktop app.</p>',
    );
  });

  it('in the desktop app without an engine says what to do', () => {
    const desktop = {
      api: {} as NocturneApi,
      engineId: () => '',
      selectEngine: async () => null,
    };
    expect(render(desktop)).toContain('No engine is shown: add one or choose one in Settings');
  });
});
