import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { bootstrapBrowser } from './app/bootstrap.js';
import { ServicesContext } from './app/services.js';
import './styles/theme.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/queue.css';
import './styles/views.css';

const services = bootstrapBrowser(window);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ServicesContext.Provider value={services}>
      <App />
    </ServicesContext.Provider>
  </StrictMode>,
);
