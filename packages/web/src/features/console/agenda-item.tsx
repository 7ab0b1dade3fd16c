import type { Question } from '@hashchat/api/entities/live';
import { useState } from 'react';
import type { QuestionInput } from '../../api/request-types';
import { useAction } from '../../app/use-action';
import { offsetLabel, questionLabel } from '../live/agenda-model';
import { LocalTime } from '../status/local-time';
import { PublishTimer } from './publish-timer';
import { QuestionForm } from './question-form';

export interface AgendaItemProps {
  question: Question;
  agenda: Question[];
  /** The session is live, so items can be published now. */
  live: boolean;
  first: boolean;
  last: boolean;
  onSave(question: Question, input: QuestionInput): Promise<void>;
  onAct(question: Question, action: 'publish' | 'skip' | 'delete' | 'up' | 'down'): Promise<void>;
}

const STATE_TEXT = { draft: 'Draft', scheduled: 'Scheduled', published: 'Published', skipped: 'Skipped' };

/** One item of the agenda timeline: its number, text, time or timer, and what a host can do to it. */
export function AgendaItem({ question: q, agenda, live, first, last, onSave, onAct }: AgendaItemProps) {
  const [editing, setEditing] = useState(false);
  const task = useAction();
  const { busy, error } = task;
  const label = questionLabel(q, agenda);
  const open = q.state === 'draft' || q.state === 'scheduled';

  async function act(action: Parameters<AgendaItemProps['onAct']>[1]) {
    await task.run(async () => {
      await onAct(q, action);
    });
  }

  return (
    <li className={`agenda-item agenda-${q.state}`} aria-label={`${label}: ${q.text}`}>
      <p className="agenda-line">
        <span className={q.kind === 'question' ? 'kind-tag kind-question' : 'kind-tag'}>{label}</span>{' '}
        <span className={`agenda-state agenda-state-${q.state}`}>{STATE_TEXT[q.state]}</span>
        <span className="muted">
          {' · '}
          {q.state === 'published' && q.published_at ? (
            <LocalTime iso={q.published_at} />
          ) : (
            offsetLabel(q.offset_minutes)
          )}
        </span>
        {q.state === 'scheduled' && q.publish_at && (
          <>
            {' · '}
            <PublishTimer at={q.publish_at} />
          </>
        )}
      </p>
      {editing ? (
        <QuestionForm
          initial={{ text: q.text, kind: q.kind, offset_minutes: q.offset_minutes }}
          initialMedia={q.media}
          submitLabel="Save"
          onCancel={() => setEditing(false)}
          onSubmit={async (input) => {
            await onSave(q, input);
            setEditing(false);
          }}
        />
      ) : (
        <>
          <p className="agenda-text">{q.text}</p>
          {q.media?.preview_url && (
            <img
              className="agenda-image"
              src={q.media.preview_url}
              alt={q.media.description ?? ''}
              width={q.media.meta.small?.width}
              height={q.media.meta.small?.height}
              loading="lazy"
            />
          )}
        </>
      )}
      {open && !editing && (
        <fieldset className="agenda-actions">
          <legend className="sr-only">Actions for {label}</legend>
          <button type="button" className="button" disabled={busy || !live} onClick={() => act('publish')}>
            Publish now
          </button>
          <button
            type="button"
            className="button button-quiet"
            disabled={busy}
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
          <button type="button" className="button button-quiet" disabled={busy} onClick={() => act('skip')}>
            Skip
          </button>
          <button
            type="button"
            className="button button-quiet"
            disabled={busy || first}
            aria-label={`Move ${label} up`}
            onClick={() => act('up')}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button-quiet"
            disabled={busy || last}
            aria-label={`Move ${label} down`}
            onClick={() => act('down')}
          >
            ↓
          </button>
          <button type="button" className="button button-quiet" disabled={busy} onClick={() => act('delete')}>
            Delete
          </button>
        </fieldset>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
