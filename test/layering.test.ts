import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering table of ARCHITECTURE.md is enforced by eslint.config.js; this checks that the
 * rules really fire (a rule that silently matches nothing protects nothing).
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(file: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

const cases: Array<[folder: string, importLine: string, allowed: boolean]> = [
  ['shared/x.ts', "import { readFileSync } from 'node:fs';", false],
  ['shared/x.ts', "import { join } from 'path';", false],
  ['shared/x.ts', "import WebSocket from 'ws';", false],
  ['shared/x.ts', "import { app } from 'electron';", false],
  ['shared/x.ts', "import React from 'react';", false],
  ['shared/x.ts', "import { startEngine } from '../engine/engine.js';", false],
  ['shared/sub/x.ts', "import { startEngine } from '../../engine/engine.js';", false],
  ['shared/x.ts', "import { limits } from './domain/limits.js';", true],
  ['shared/x.ts', "import { z } from 'zod';", true],
  ['engine/x.ts', "import { app } from 'electron';", false],
  ['engine/x.ts', "import React from 'react';", false],
  ['engine/x.ts', "import { readFileSync } from 'node:fs';", true],
  ['engine/x.ts', "import { limits } from '../shared/domain/limits.js';", true],
  ['renderer/x.ts', "import { readFileSync } from 'node:fs';", false],
  ['renderer/x.ts', "import { spawn } from 'child_process';", false],
  ['renderer/x.ts', "import { ipcRenderer } from 'electron';", false],
  ['renderer/x.ts', "import { startEngine } from '../engine/engine.js';", false],
  ['renderer/x.ts', "import { x } from '../main/window.js';", false],
  ['renderer/x.ts', "import { limits } from '../shared/domain/limits.js';", true],
  ['renderer/x.tsx', "import { readFileSync } from 'node:fs';", false],
  ['renderer/x.ts', "import { EventEmitter } from 'events';", false],
  ['renderer/views/queue/x.tsx', "import WebSocket from 'ws';", false],
  ['renderer/x.ts', "import { contextBridge } from 'electron/renderer';", false],
  ['renderer/views/queue/x.tsx', "import { startEngine } from '../../../engine/engine.js';", false],
  ['renderer/x.ts', "import { nocturne } from '../preload/index.js';", false],
  ['renderer/state/x.ts', "import { Change } from '../../shared/protocol/changes.js';", true],
  ['renderer/x.tsx', "import { createRoot } from 'react-dom/client';", true],
  ['renderer/x.ts', "import { createStore } from 'zustand/vanilla';", true],
  ['preload/x.ts', "import { readFileSync } from 'node:fs';", false],
  ['preload/x.ts', "import { startEngine } from '../engine/engine.js';", false],
  ['main/x.ts', "import { x } from '../renderer/app.js';", false],
  ['main/x.ts', "import { startEngine } from '../engine/engine.js';", true],
  ['main/x.ts', "import { z } from '../shared/ipc/ipcContract.js';", true],
  ['main/x.ts', "import { readFileSync } from 'node:fs';", true],
  ['main/x.ts', "import WebSocket from 'ws';", true],
  ['main/x.ts', "import { x } from '../preload/preload.js';", false],
  ['main/x.ts', "import React from 'react';", false],
  // Electron only through the seam the unit tests mock.
  ['main/tray/x.ts', "import { Tray } from 'electron';", false],
  ['main/tray/x.ts', "import { Tray } from '../platform/electronApi.js';", true],
  ['main/platform/x.ts', "import { app } from 'electron';", true],
  // The launcher runs before Electron exists.
  ['main/launcher/x.ts', "import { app } from 'electron';", false],
  ['main/launcher/x.ts', "import { app } from '../platform/electronApi.js';", false],
  ['main/launcher/x.ts', "import { serveCommand } from '../../engine/cli/serveCommand.js';", true],
  ['preload/x.ts', "import { contextBridge } from 'electron';", true],
  ['preload/x.ts', "import { app } from 'electron/main';", false],
  ['preload/x.ts', "import WebSocket from 'ws';", false],
  ['preload/x.ts', "import { x } from '../main/main.js';", false],
  ['preload/x.ts', "import { x } from '../renderer/app.js';", false],
  ['preload/x.ts', "import { eventChannel } from '../shared/ipc/ipcChannels.js';", true],
  ['shared/ipc/x.ts', "import { ipcMain } from 'electron';", false],
];

describe('layering (ARCHITECTURE.md) is enforced by lint', () => {
  it.each(cases)('%s: %s → allowed %s', async (file, line, allowed) => {
    expect(await restricted(file, `${line}\nexport {};\n`)).toBe(!allowed);
  });
});

describe('the renderer is linted with the rules of hooks', () => {
  it('refuses a hook called conditionally', async () => {
    const source = [
      "import { useState } from 'react';",
      'export function View(props: { on: boolean }) {',
      '  if (props.on) useState(0);',
      '  return null;',
      '}',
      '',
    ].join('\n');
    const [result] = await eslint.lintText(source, { filePath: 'renderer/views/x/View.tsx' });
    expect(result?.messages.map((m) => m.ruleId)).toContain('react-hooks/rules-of-hooks');
  });
});
