import { type FormEvent, useMemo, useState } from 'react';
import { ApiError } from '../../api/api-error';
import type { ChatInput } from '../../api/request-types';
import { useAction } from '../../app/use-action';
import {
  type ChatField,
  type ChatFormValues,
  chatInputFromForm,
  checkChatForm,
  DURATIONS,
  type FormErrors,
  formErrorsFromServer,
} from './chat-form-model';
import { FormField } from './form-field';
import { relativeLabel, sessionWhen, viewerTimeZone } from './format-session-time';
import { LANGUAGES, languageName, timeZoneOptions } from './languages';
import { REPEATS, repeatLabel } from './repeat-rule';
import { useCategories } from './use-categories';
import { localToInstant } from './zone-instant';

export interface ChatFormProps {
  initial: ChatFormValues;
  /** Editing an existing chat: its hashtag cannot change. */
  editing?: boolean;
  submitLabel: string;
  busyLabel: string;
  onSubmit(input: ChatInput): Promise<void>;
}

// Fields in the order they appear, so focus goes to the first one in error.
const ORDER: ChatField[] = [
  'hashtag',
  'title',
  'description',
  'category',
  'language',
  'timeZone',
  'date',
  'time',
  'durationMinutes',
  'repeat',
  'rules',
];
const fieldId = (field: ChatField) => `chat-${field}`;

/** When the first session is, for the host and for them as a viewer elsewhere. */
function FirstSessionPreview({ values }: { values: ChatFormValues }) {
  const start = localToInstant(`${values.date}T${values.time}`, values.timeZone);
  if (!start) return null;
  const now = new Date();
  const viewer = viewerTimeZone();
  return (
    <p className="form-preview" aria-live="polite">
      First session: {sessionWhen(start, now, { timeZone: values.timeZone })}
      {viewer !== values.timeZone && <> (for you: {sessionWhen(start, now, { timeZone: viewer })})</>}, that
      is {relativeLabel(start, now)}.
    </p>
  );
}

/** The chat form, for creating and editing: labelled fields, errors beside them, the schedule previewed. */
export function ChatForm({ initial, editing, submitLabel, busyLabel, onSubmit }: ChatFormProps) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const { run, busy: sending, error: formError } = useAction();
  const categories = useCategories();
  const zones = useMemo(() => timeZoneOptions(values.timeZone), [values.timeZone]);

  const set =
    <K extends keyof ChatFormValues>(key: K) =>
    (value: ChatFormValues[K]) => {
      setValues((v) => ({ ...v, [key]: value, ...(key === 'repeat' ? { customRrule: null } : {}) }));
      if (errors[key as ChatField]) setErrors((e) => ({ ...e, [key]: undefined }));
    };

  function focusFirst(found: FormErrors) {
    const first = ORDER.find((f) => found[f]);
    if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkChatForm(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    // A refusal the form can place beside its fields goes there; anything else above the form.
    await run(async () => {
      try {
        await onSubmit(chatInputFromForm(values));
      } catch (err) {
        const fromServer = err instanceof ApiError ? formErrorsFromServer(err.message, err.details) : {};
        setErrors(fromServer);
        if (Object.keys(fromServer).length === 0) throw err;
        focusFirst(fromServer);
      }
    });
  }

  const errorCount = Object.values(errors).filter(Boolean).length;

  return (
    <form className="form chat-form" onSubmit={submit} noValidate>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      {errorCount > 0 && (
        <p className="form-error" role="alert">
          {errorCount === 1 ? 'One field needs your attention.' : `${errorCount} fields need your attention.`}
        </p>
      )}
      <fieldset>
        <legend>The chat</legend>
        <FormField
          id={fieldId('hashtag')}
          label="Hashtag"
          hint={
            editing
              ? 'The hashtag of a chat stays; create a new chat for another one.'
              : 'Everyone posts with it; its room is where the chat happens. Letters, numbers and underscores.'
          }
          error={errors.hashtag}
        >
          {(control) => (
            <div className="prefixed">
              <span aria-hidden="true">#</span>
              <input
                {...control}
                value={values.hashtag}
                onChange={(e) => set('hashtag')(e.target.value)}
                autoCapitalize="off"
                autoComplete="off"
                spellCheck={false}
                disabled={editing}
                required
              />
            </div>
          )}
        </FormField>
        <FormField id={fieldId('title')} label="Title" error={errors.title}>
          {(control) => (
            <input
              {...control}
              value={values.title}
              onChange={(e) => set('title')(e.target.value)}
              required
            />
          )}
        </FormField>
        <FormField
          id={fieldId('description')}
          label="Description"
          hint="What the chat is about and who it is for."
          error={errors.description}
        >
          {(control) => (
            <textarea
              {...control}
              rows={4}
              value={values.description}
              onChange={(e) => set('description')(e.target.value)}
            />
          )}
        </FormField>
        <div className="field-row">
          <FormField id={fieldId('category')} label="Category" error={errors.category}>
            {(control) => (
              <select {...control} value={values.category} onChange={(e) => set('category')(e.target.value)}>
                <option value="">No category</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.slug}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id={fieldId('language')} label="Language" error={errors.language}>
            {(control) => (
              <select {...control} value={values.language} onChange={(e) => set('language')(e.target.value)}>
                {LANGUAGES.map((code) => (
                  <option key={code} value={code}>
                    {languageName(code)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
      </fieldset>

      <fieldset>
        <legend>When it meets</legend>
        <FormField
          id={fieldId('timeZone')}
          label="Time zone"
          hint="The day and time below are in this zone; everyone else sees them in their own."
          error={errors.timeZone}
        >
          {(control) => (
            <select {...control} value={values.timeZone} onChange={(e) => set('timeZone')(e.target.value)}>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="field-row">
          <FormField id={fieldId('date')} label="First session" error={errors.date}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={values.date}
                onChange={(e) => set('date')(e.target.value)}
              />
            )}
          </FormField>
          <FormField id={fieldId('time')} label="Starts at" error={errors.time}>
            {(control) => (
              <input
                {...control}
                type="time"
                value={values.time}
                onChange={(e) => set('time')(e.target.value)}
              />
            )}
          </FormField>
        </div>
        <div className="field-row">
          <FormField id={fieldId('durationMinutes')} label="Duration" error={errors.durationMinutes}>
            {(control) => (
              <select
                {...control}
                value={values.durationMinutes}
                onChange={(e) => set('durationMinutes')(e.target.value)}
              >
                {[...new Set([...DURATIONS, Number(values.durationMinutes)])]
                  .sort((a, b) => a - b)
                  .map((m) => (
                    <option key={m} value={String(m)}>
                      {m < 60 || m % 60 ? `${m} minutes` : `${m / 60} hour${m === 60 ? '' : 's'}`}
                    </option>
                  ))}
              </select>
            )}
          </FormField>
          <FormField id={fieldId('repeat')} label="Repeat" error={errors.repeat}>
            {(control) => (
              <select
                {...control}
                value={values.customRrule ? 'custom' : values.repeat}
                onChange={(e) => set('repeat')(e.target.value as ChatFormValues['repeat'])}
              >
                {values.customRrule && <option value="custom">Custom ({values.customRrule})</option>}
                {REPEATS.map((r) => (
                  <option key={r} value={r}>
                    {repeatLabel(r, values.date)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <FirstSessionPreview values={values} />
      </fieldset>

      <FormField
        id={fieldId('rules')}
        label="Rules"
        hint="How people take part: the Q1/A1 format, what is off-topic, how to be kind."
        error={errors.rules}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={values.rules}
            onChange={(e) => set('rules')(e.target.value)}
          />
        )}
      </FormField>
      <button type="submit" className="button button-primary button-wide" disabled={sending}>
        {sending ? busyLabel : submitLabel}
      </button>
    </form>
  );
}
