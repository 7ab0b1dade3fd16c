/** The repeat choices of the chat form and the RRULE each one stands for. */
export type Repeat = 'none' | 'weekly' | 'biweekly' | 'monthly';

export const REPEATS: Repeat[] = ['none', 'weekly', 'biweekly', 'monthly'];

const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const ORDINALS = ['', 'first', 'second', 'third', 'fourth'];

function parseDate(localDate: string): { weekday: number; day: number; date: Date } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return null;
  return { weekday: date.getUTCDay(), day: date.getUTCDate(), date };
}

/** Which of the month's weekdays `day` is: 1–4, or -1 for a fifth one (always the last). */
function weekOfMonth(day: number): number {
  const n = Math.ceil(day / 7);
  return n >= 5 ? -1 : n;
}

/**
 * The RRULE for a repeat starting on `localDate` ("2027-10-19", the first session's day in the
 * chat's zone): weekly on that weekday, every two weeks, or monthly on the same weekday of the
 * month ("the third Tuesday"), since chats meet on weekdays rather than on dates.
 */
export function buildRrule(repeat: Repeat, localDate: string): string | null {
  if (repeat === 'none') return null;
  const parsed = parseDate(localDate);
  if (!parsed) return null;
  const code = WEEKDAY_CODES[parsed.weekday];
  switch (repeat) {
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${code}`;
    case 'biweekly':
      return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${code}`;
    case 'monthly':
      return `FREQ=MONTHLY;BYDAY=${weekOfMonth(parsed.day)}${code}`;
  }
}

/** The form's choice for a stored rule; null for a rule the form cannot express (kept as is). */
export function repeatFromRrule(rrule: string | null | undefined): Repeat | null {
  if (!rrule) return 'none';
  const parts = Object.fromEntries(
    rrule
      .toUpperCase()
      .replace(/^RRULE:/, '')
      .split(';')
      .filter(Boolean)
      .map((part) => part.split('=') as [string, string]),
  );
  const keys = Object.keys(parts).sort().join(',');
  const interval = parts.INTERVAL ?? '1';
  if (parts.FREQ === 'WEEKLY' && /^[A-Z]{2}$/.test(parts.BYDAY ?? '')) {
    if (keys === 'BYDAY,FREQ' || (keys === 'BYDAY,FREQ,INTERVAL' && interval === '1')) return 'weekly';
    if (keys === 'BYDAY,FREQ,INTERVAL' && interval === '2') return 'biweekly';
  }
  if (parts.FREQ === 'MONTHLY' && keys === 'BYDAY,FREQ' && /^-?\d[A-Z]{2}$/.test(parts.BYDAY))
    return 'monthly';
  return null;
}

/** The choice as the form offers it for that first day: "Weekly on Tuesday", "Monthly on the last Friday". */
export function repeatLabel(repeat: Repeat, localDate: string, locale?: string): string {
  if (repeat === 'none') return 'Does not repeat';
  const parsed = parseDate(localDate);
  if (!parsed) return { weekly: 'Weekly', biweekly: 'Every 2 weeks', monthly: 'Monthly' }[repeat];
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(parsed.date);
  switch (repeat) {
    case 'weekly':
      return `Weekly on ${weekday}`;
    case 'biweekly':
      return `Every 2 weeks on ${weekday}`;
    case 'monthly': {
      const n = weekOfMonth(parsed.day);
      return `Monthly on the ${n === -1 ? 'last' : ORDINALS[n]} ${weekday}`;
    }
  }
}
