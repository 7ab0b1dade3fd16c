import type { ReportCategory } from '@hashchat/api/entities/moderation';

/** Reason categories of reports and removals, with the words the app shows for them. */
export const CATEGORIES: { value: ReportCategory; label: string }[] = [
  { value: 'spam', label: 'Spam' },
  { value: 'harassment', label: 'Harassment' },
  { value: 'off_topic', label: 'Off topic' },
  { value: 'misinformation', label: 'Misinformation' },
  { value: 'other', label: 'Other' },
];

export function categoryLabel(value: string | null): string {
  return CATEGORIES.find((c) => c.value === value)?.label ?? 'Other';
}

/** Durations a moderator can choose for a mute or a ban (minutes; null: until undone). */
export const DURATIONS: { minutes: number | null; label: string }[] = [
  { minutes: 10, label: '10 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 24 * 60, label: '1 day' },
  { minutes: 7 * 24 * 60, label: '1 week' },
  { minutes: null, label: 'Until undone' },
];
