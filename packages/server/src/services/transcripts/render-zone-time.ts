import { dualTime } from '@hashchat/core/chat/session-clock';
import { escapeHtml as esc } from '@hashchat/core/text/render';

/**
 * An instant in the chat's zone, marked for the page's script to show in the reader's zone
 * too (`show`: clock alone, clock with both zones, or with the day). Without the script
 * (or in the export) the chat's zone is named.
 */
export function zoneTime(ms: number, zone: string, show: 'clock' | 'dual' | 'day', text?: string): string {
  const iso = new Date(ms).toISOString();
  const shown = text ?? dualTime(ms, zone, zone, { withDay: show === 'day' });
  return `<time datetime="${iso}" data-zone="${esc(zone)}" data-show="${show}">${esc(shown)}</time>`;
}
