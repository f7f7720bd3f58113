import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/App.js';
import { bootstrapBrowser } from './app/bootstrap.js';
import { bootstrapDesktop } from './app/desktopBootstrap.js';
import { ServicesContext } from './app/services.js';
import { markPhase } from './startupPhases.js';
import { desktopBridge } from './transport/bridgeTransport.js';
import './styles/theme.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/queue.css';
import './styles/views.css';

markPhase('bundleRan');

// The page's CSP forbids eval: tell zod not to probe for it (each probe is a CSP violation).
z.config({ jitless: true });

// In the desktop app's window the preload bridge is there: the app's engines, no sign-in.
const bridge = desktopBridge();

const services = bridge ? bootstrapDesktop(window, bridge) : bootstrapBrowser(window);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// A transition: React renders the first screen in slices of a few ms, so the page's thread also
// opens the early stream's connection and reads its first frames meanwhile — the browser reads
// none before the page handled the connection's opening (docs/protocol.md, "Opening early").
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <ServicesContext.Provider value={services}>
        <App />
      </ServicesContext.Provider>
    </StrictMode>,
  ),
);
