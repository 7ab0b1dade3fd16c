/**
 * The script of the server-rendered transcript page (`/sessions/:id`): the page reads without
 * it; with it, the reader's theme applies and every time is shown in the reader's zone, the
 * chat's beside it, written by the same function as the recap page's.
 */
import { clockIn, dualTime, zoneName } from '@hashchat/core/chat/session-clock';

// The reader's theme, as app/theme.ts stores it (read here rather than imported, so the app's
// entry does not get a chunk shared with this page).
try {
  const theme = localStorage.getItem('hashchat.theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // Storage off: the system's theme.
}

const viewer = new Intl.DateTimeFormat().resolvedOptions().timeZone;
for (const time of document.querySelectorAll<HTMLTimeElement>('time[data-zone]')) {
  const ms = Date.parse(time.dateTime);
  const zone = time.dataset.zone;
  if (Number.isNaN(ms) || !zone) continue;
  const show = time.dataset.show;
  if (show === 'clock') {
    // Status times stay short; the chat's clock is in the tooltip.
    time.textContent = clockIn(ms, viewer);
    time.title = dualTime(ms, zone, viewer);
  } else time.textContent = dualTime(ms, zone, viewer, { withDay: show === 'day' });
}
// The static charts' clock labels.
for (const label of document.querySelectorAll<SVGTextElement>('text[data-at][data-zone]')) {
  const ms = Date.parse(label.dataset.at ?? '');
  if (!Number.isNaN(ms)) label.textContent = clockIn(ms, viewer);
}
const note = document.querySelector<HTMLElement>('[data-zone-note]');
const chatZone = note?.dataset.zoneNote;
if (note && chatZone && clockIn(Date.now(), chatZone) !== clockIn(Date.now(), viewer))
  note.textContent = `Times are in your time zone (${zoneName(viewer)}); the chat's is ${zoneName(chatZone)}.`;
