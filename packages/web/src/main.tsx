import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { applyTheme, storedTheme } from './app/theme';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/status.css';
import './styles/room.css';
import './styles/forms.css';
import './styles/chats.css';
import './styles/live.css';
import './styles/session-doc.css';

// Before the first render, so a reader who chose dark never sees a light page.
applyTheme(storedTheme());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
