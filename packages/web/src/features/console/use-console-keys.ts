import { useEffect, useRef } from 'react';
import { type ConsoleCommand, consoleCommand } from './console-keys';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/**
 * n publishes the next question, s spotlights the focused status, ? shows the shortcuts.
 * Handlers may change every render; the listener is added once.
 */
export function useConsoleKeys(handlers: { next(): void; help(): void }): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      const command: ConsoleCommand = consoleCommand({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        typing: isTyping(event.target),
      });
      if (!command) return;
      if (command === 'spotlight') {
        const article = (document.activeElement as HTMLElement | null)?.closest('article[data-status-id]');
        const button = article?.querySelector<HTMLButtonElement>('[data-action="spotlight"]');
        if (!button) return;
        event.preventDefault();
        button.click();
        return;
      }
      event.preventDefault();
      if (command === 'next') ref.current.next();
      else ref.current.help();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
