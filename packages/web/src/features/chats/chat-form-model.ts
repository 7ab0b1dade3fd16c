import type { Chat } from '@hashchat/api/entities/chat';
import type { FieldErrors } from '../../api/api-error';
import type { ChatInput, ChatPatch } from '../../api/request-types';
import { buildRrule, type Repeat, repeatFromRrule } from './repeat-rule';

/** What the chat form holds: strings as the inputs give them. */
export interface ChatFormValues {
  hashtag: string;
  title: string;
  description: string;
  category: string;
  language: string;
  timeZone: string;
  rules: string;
  /** The first session's local day and time in `timeZone`: "2027-10-19", "20:00". */
  date: string;
  time: string;
  durationMinutes: string;
  repeat: Repeat;
  /** A rule the form cannot express, kept unchanged when editing ("custom"). */
  customRrule: string | null;
}

export type ChatField = Exclude<keyof ChatFormValues, 'customRrule'>;
export type FormErrors = Partial<Record<ChatField, string>>;

export const DURATIONS = [30, 45, 60, 90, 120];

export function emptyChatForm(timeZone: string, language: string): ChatFormValues {
  return {
    hashtag: '',
    title: '',
    description: '',
    category: '',
    language,
    timeZone,
    rules: '',
    date: '',
    time: '20:00',
    durationMinutes: '60',
    repeat: 'weekly',
    customRrule: null,
  };
}

/** The form filled from an existing chat, for editing. */
export function chatFormFromChat(chat: Chat): ChatFormValues {
  const schedule = chat.schedule ?? null;
  const [date = '', time = '20:00'] = (schedule?.starts_at ?? '').split('T');
  const repeat = repeatFromRrule(schedule?.rrule);
  return {
    hashtag: chat.hashtag,
    title: chat.title,
    description: chat.description,
    category: chat.category?.slug ?? '',
    language: chat.language,
    timeZone: chat.time_zone,
    rules: chat.rules,
    date,
    time: time.slice(0, 5),
    durationMinutes: String(schedule?.duration_minutes ?? 60),
    repeat: repeat ?? 'none',
    customRrule: repeat === null ? (schedule?.rrule ?? null) : null,
  };
}

/** What the browser can check before asking the server; the server has the last word. */
export function checkChatForm(v: ChatFormValues): FormErrors {
  const errors: FormErrors = {};
  const tag = v.hashtag.trim().replace(/^[#＃]/, '');
  if (!tag) errors.hashtag = 'Choose the hashtag of your chat.';
  else if (!/^[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*$/u.test(tag))
    errors.hashtag = 'A hashtag is letters, numbers and underscores, with at least one letter.';
  if (!v.title.trim()) errors.title = 'Give your chat a title.';
  if (!v.timeZone) errors.timeZone = 'Choose the time zone the chat is planned in.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) errors.date = 'Choose the day of the first session.';
  if (!/^\d{2}:\d{2}$/.test(v.time)) errors.time = 'Choose the time the sessions start.';
  const minutes = Number(v.durationMinutes);
  if (!Number.isInteger(minutes) || minutes <= 0) errors.durationMinutes = 'Choose how long a session lasts.';
  return errors;
}

/** The API body for the form. */
export function chatInputFromForm(v: ChatFormValues): ChatInput {
  return {
    hashtag: v.hashtag.trim().replace(/^[#＃]/, ''),
    title: v.title.trim(),
    description: v.description.trim(),
    category: v.category || null,
    language: v.language,
    time_zone: v.timeZone,
    rules: v.rules.trim(),
    schedule: {
      starts_at: `${v.date}T${v.time}`,
      duration_minutes: Number(v.durationMinutes),
      rrule: v.customRrule ?? buildRrule(v.repeat, v.date),
    },
  };
}

// Which field a server message is about, by the words it uses (first match wins).
const MESSAGE_FIELDS: [RegExp, ChatField][] = [
  [/hashtag/i, 'hashtag'],
  [/time zone|time_zone/i, 'timeZone'],
  [/recurrence rule|rrule/i, 'repeat'],
  [/duration/i, 'durationMinutes'],
  [/categor/i, 'category'],
  [/local date-time|starts_at|schedule|session/i, 'date'],
  [/\btitle\b/i, 'title'],
  [/description/i, 'description'],
  [/language/i, 'language'],
  [/rules/i, 'rules'],
];

const DETAIL_FIELDS: Record<string, ChatField> = {
  hashtag: 'hashtag',
  title: 'title',
  description: 'description',
  category: 'category',
  language: 'language',
  time_zone: 'timeZone',
  rules: 'rules',
  schedule: 'date',
  'schedule.starts_at': 'date',
  'schedule.duration_minutes': 'durationMinutes',
  'schedule.rrule': 'repeat',
};

/**
 * Field errors for a refused submit: from the answer's `details` when the server sends them,
 * else the one message placed on the field it names (or on none, shown above the form).
 */
export function formErrorsFromServer(message: string, details: FieldErrors = {}): FormErrors {
  const errors: FormErrors = {};
  for (const [key, list] of Object.entries(details)) {
    const field = DETAIL_FIELDS[key];
    if (field && list.length > 0) errors[field] = list.map((e) => e.description).join(' ');
  }
  if (Object.keys(errors).length > 0) return errors;
  const text = message.replace(/^Validation failed:\s*/i, '');
  const match = MESSAGE_FIELDS.find(([pattern]) => pattern.test(text));
  if (match) errors[match[1]] = text.charAt(0).toUpperCase() + text.slice(1);
  return errors;
}

/**
 * Only what changed between two versions of the form's body: a schedule sent unchanged would
 * still replace the sessions still to come (and undo moves of single sessions).
 */
export function chatPatch(before: ChatInput, after: ChatInput): ChatPatch {
  const patch: ChatPatch = {};
  for (const key of Object.keys(after) as (keyof ChatInput)[]) {
    if (key === 'hashtag') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      Object.assign(patch, { [key]: after[key] });
  }
  return patch;
}
