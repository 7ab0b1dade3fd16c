import { useSyncExternalStore } from 'react';

const NAVIGATE_EVENT = 'hashchat:navigate';

export interface AppLocation {
  pathname: string;
  search: string;
  /** Changes on every navigation, also to the same URL, so pages can react to it. */
  key: string;
}

let current: AppLocation = read();

function read(): AppLocation {
  const state = window.history.state as { key?: string } | null;
  return { pathname: window.location.pathname, search: window.location.search, key: state?.key ?? 'initial' };
}

function subscribe(onChange: () => void): () => void {
  const update = () => {
    current = read();
    onChange();
  };
  window.addEventListener('popstate', update);
  window.addEventListener(NAVIGATE_EVENT, update);
  return () => {
    window.removeEventListener('popstate', update);
    window.removeEventListener(NAVIGATE_EVENT, update);
  };
}

/** Moves to `to` (a same-origin path with optional query) without reloading the page. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const state = { key: Math.random().toString(36).slice(2) };
  if (options.replace) window.history.replaceState(state, '', to);
  else window.history.pushState(state, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export function useLocation(): AppLocation {
  return useSyncExternalStore(subscribe, () => current);
}
