import type { Chat } from '@hashchat/api/entities/chat';
import { describe, expect, it } from 'vitest';
import {
  type ChatFormValues,
  chatFormFromChat,
  chatInputFromForm,
  chatPatch,
  checkChatForm,
  emptyChatForm,
  formErrorsFromServer,
} from './chat-form-model';

const filled: ChatFormValues = {
  ...emptyChatForm('Europe/Berlin', 'en'),
  hashtag: '#TeaTime',
  title: ' Tea time ',
  description: 'We talk tea.',
  category: 'food',
  date: '2027-10-19',
  time: '20:00',
  durationMinutes: '90',
  repeat: 'weekly',
};

describe('chatInputFromForm', () => {
  it('builds the API body with the local start and the weekly rule of that weekday', () => {
    expect(chatInputFromForm(filled)).toEqual({
      hashtag: 'TeaTime',
      title: 'Tea time',
      description: 'We talk tea.',
      category: 'food',
      language: 'en',
      time_zone: 'Europe/Berlin',
      rules: '',
      schedule: { starts_at: '2027-10-19T20:00', duration_minutes: 90, rrule: 'FREQ=WEEKLY;BYDAY=TU' },
    });
  });

  it('sends no rule for a one-off and no category when none is chosen', () => {
    const body = chatInputFromForm({ ...filled, repeat: 'none', category: '' });
    expect(body.schedule?.rrule).toBeNull();
    expect(body.category).toBeNull();
  });

  it('keeps a rule the form cannot express', () => {
    const body = chatInputFromForm({ ...filled, repeat: 'none', customRrule: 'FREQ=WEEKLY;BYDAY=TU,TH' });
    expect(body.schedule?.rrule).toBe('FREQ=WEEKLY;BYDAY=TU,TH');
  });
});

describe('checkChatForm', () => {
  it('accepts a filled form', () => {
    expect(checkChatForm(filled)).toEqual({});
  });

  it.each<[Partial<ChatFormValues>, string]>([
    [{ hashtag: '' }, 'hashtag'],
    [{ hashtag: '#2027' }, 'hashtag'],
    [{ hashtag: 'tea time' }, 'hashtag'],
    [{ title: '  ' }, 'title'],
    [{ date: '' }, 'date'],
    [{ time: '' }, 'time'],
    [{ durationMinutes: '0' }, 'durationMinutes'],
  ])('%j is refused on %s', (patch, field) => {
    expect(Object.keys(checkChatForm({ ...filled, ...patch }))).toEqual([field]);
  });
});

describe('formErrorsFromServer', () => {
  it.each([
    ['Hashtag #tea is already claimed by chat "Tea" (id 4)', 'hashtag'],
    ['Validation failed: hashtag "x y" is not a valid hashtag', 'hashtag'],
    ['Unknown time zone "Mars/Base"; use an IANA name like "Europe/Berlin"', 'timeZone'],
    ['Invalid recurrence rule "X": FREQ must be DAILY', 'repeat'],
    ['Validation failed: the schedule has no session after now', 'date'],
    ['Validation failed: unknown category "x"', 'category'],
    ['Validation failed: title: Too big: expected string to have <=120 characters', 'title'],
  ])('%s → %s', (message, field) => {
    expect(Object.keys(formErrorsFromServer(message))).toEqual([field]);
  });

  it('strips the "Validation failed" prefix', () => {
    expect(formErrorsFromServer('Validation failed: the schedule has no session after now').date).toBe(
      'The schedule has no session after now',
    );
  });

  it('prefers the per-field details when the server sends them', () => {
    const errors = formErrorsFromServer('Validation failed', {
      time_zone: [{ error: 'ERR_INVALID', description: 'is not a zone' }],
    });
    expect(errors).toEqual({ timeZone: 'is not a zone' });
  });

  it('places a message about nothing in particular on no field', () => {
    expect(formErrorsFromServer('Too many requests')).toEqual({});
  });
});

describe('chatFormFromChat', () => {
  const chat = {
    hashtag: 'TeaTime',
    title: 'Tea time',
    description: '',
    category: { id: '1', slug: 'food', name: 'Food' },
    language: 'en',
    time_zone: 'Europe/Berlin',
    rules: '',
    schedule: {
      starts_at: '2027-10-19T20:00',
      duration_minutes: 45,
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
    },
  } as Chat;

  it('reads the schedule back into the form', () => {
    const v = chatFormFromChat(chat);
    expect([v.date, v.time, v.durationMinutes, v.repeat, v.category, v.customRrule]).toEqual([
      '2027-10-19',
      '20:00',
      '45',
      'biweekly',
      'food',
      null,
    ]);
  });

  it('keeps an unusual rule as custom', () => {
    const v = chatFormFromChat({ ...chat, schedule: { ...chat.schedule!, rrule: 'FREQ=DAILY' } });
    expect(v.customRrule).toBe('FREQ=DAILY');
  });
});

describe('chatPatch', () => {
  const before = chatInputFromForm(filled);

  it('is empty when nothing changed', () => {
    expect(chatPatch(before, chatInputFromForm(filled))).toEqual({});
  });

  it('holds only the changed fields, the schedule whole', () => {
    const after = chatInputFromForm({ ...filled, title: 'Tea!', time: '21:00' });
    expect(chatPatch(before, after)).toEqual({
      title: 'Tea!',
      schedule: { starts_at: '2027-10-19T21:00', duration_minutes: 90, rrule: 'FREQ=WEEKLY;BYDAY=TU' },
    });
  });

  it('never holds the hashtag', () => {
    expect(chatPatch(before, { ...before, hashtag: 'Other' })).toEqual({});
  });
});
