/** The lead times offered, in minutes before a session (0: none, only the "live" one). */
export const REMINDER_CHOICES = [0, 5, 10, 15, 30, 60, 120, 1440];

/** "15 minutes before", "1 hour before", "1 day before", or only when it goes live. */
export function reminderChoiceLabel(minutes: number): string {
  if (minutes === 0) return 'Only when the session goes live';
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? '' : 's'} before`;
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'} before`;
  return `${minutes} minutes before`;
}
