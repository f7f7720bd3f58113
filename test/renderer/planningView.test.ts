import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { NocturneApi } from '../../shared/ipc/ipcContract.js';
import { parseRoute, routePath } from '../../renderer/app/routes.js';
import { ServicesContext, type AppServices } from '../../renderer/app/services.js';
import { createAppStore } from '../../renderer/state/createAppStore.js';
import { LayerDraftForm } from '../../renderer/views/planning/LayerDraftForm.js';
import { PlanningView } from '../../renderer/views/planning/PlanningView.js';
import { RestrictionsField } from '../../renderer/views/planning/RestrictionsField.js';
import { RotationUsersField } from '../../renderer/views/planning/RotationUsersField.js';
import { newRestriction } from '../../renderer/views/planning/restrictionFields.js';
import { copyOf, users } from './planningFixtures.js';

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

describe('the layer form', () => {
  const noop = () => undefined;

  it('offers the copy’s schedules, and says when there are none', () => {
    const html = renderToStaticMarkup(
      createElement(LayerDraftForm, { copy: copyOf(), busy: null, onDraft: async () => null }),
    );
    expect(html).toContain('aria-label="Draft a layer change"');
    expect(html).toContain('<option value="noc">NOC primary (version 3)</option>');
    expect(html).toContain('>Draft layer change</button>');
    const empty = renderToStaticMarkup(
      createElement(LayerDraftForm, {
        copy: copyOf({ schedules: [] }),
        busy: null,
        onDraft: async () => null,
      }),
    );
    expect(empty).toContain('The offline copy has no schedules yet');
  });

  it('lists the rotation in order with buttons named for each user; ends cannot move further', () => {
    const html = renderToStaticMarkup(
      createElement(RotationUsersField, { userIds: ['ana', 'ben'], users, onChange: noop }),
    );
    const buttons = [...html.matchAll(/<button[^>]*aria-label="([^"]+)"[^>]*>/g)].map((m) => [
      m[1],
      m[0].includes('disabled'),
    ]);
    expect(buttons).toEqual([
      ['Move Ana up', true],
      ['Move Ana down', false],
      ['Remove Ana (position 1)', false],
      ['Move Ben up', false],
      ['Move Ben down', true],
      ['Remove Ben (position 2)', false],
    ]);
    expect(html).toContain('<ol');
    expect(html).toContain('aria-live="polite"');
    const nobody = renderToStaticMarkup(
      createElement(RotationUsersField, { userIds: [], users, onChange: noop }),
    );
    expect(nobody).toContain('Nobody in the rotation yet.');
  });

  it('shows each restriction in the schedule’s zone, weekdays only for a weekly one', () => {
    const html = renderToStaticMarkup(
      createElement(RestrictionsField, {
        restrictions: [newRestriction, { ...newRestriction, kind: 'weekly' }],
        zone: 'Europe/Berlin',
        onChange: noop,
      }),
    );
    expect(html).toContain('Restrictions (Europe/Berlin)');
    expect(html).toContain('aria-label="Restriction 1: opens at"');
    expect(html).not.toContain('aria-label="Restriction 1: opens on"');
    expect(html).toContain('aria-label="Restriction 2: opens on"');
    expect(html).toContain('Remove restriction 2');
    const none = renderToStaticMarkup(
      createElement(RestrictionsField, { restrictions: [], zone: 'UTC', onChange: noop }),
    );
    expect(none).toContain('None: the layer is on call around the clock.');
  });
});
