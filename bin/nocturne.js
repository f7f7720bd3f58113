#!/usr/bin/env node
// The `nocturne` command. Runs the compiled engine in dist/ (npm run build makes it).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/engine/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'nocturne: the engine is not built yet. Run "npm run build" (or "npm start") in the project first.\n',
  );
  process.exit(1);
}
await import(entry.href);
