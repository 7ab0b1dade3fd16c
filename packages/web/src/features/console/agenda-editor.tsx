import type { ChatSession } from '@hashchat/api/entities/chat';
import type { Question } from '@hashchat/api/entities/live';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import {
  createQuestion,
  deleteQuestion,
  publishQuestion,
  reorderQuestions,
  setAgendaPublic,
  skipQuestion,
  updateQuestion,
} from '../../api/live';
import type { QuestionInput } from '../../api/request-types';
import { byPosition, moveQuestion, nextQuestion, planOffsets, questionLabel } from '../live/agenda-model';
import { isOver } from '../live/live-session-state';
import { AgendaItem } from './agenda-item';
import { PlanTimes } from './plan-times';
import { QuestionForm } from './question-form';
import type { PublishNext } from './use-publish-next';

export interface AgendaEditorProps {
  session: ChatSession;
  questions: Question[];
  agendaPublic: boolean;
  /** The host's Next (the button and the n key share it). */
  publisher: PublishNext;
  onQuestion(question: Question): void;
  onQuestions(questions: Question[]): void;
  onRemoved(id: string): void;
  onAgendaPublic(value: boolean): void;
}

/** The agenda as a timeline: Next, each item with its timer and actions, new items, and times for all. */
export function AgendaEditor({
  session,
  questions,
  agendaPublic,
  publisher,
  onQuestion,
  onQuestions,
  onRemoved,
  onAgendaPublic,
}: AgendaEditorProps) {
  const [error, setError] = useState<string | null>(null);
  const ordered = byPosition(questions);
  const next = nextQuestion(questions);
  const live = session.state === 'live';
  const editable = session.state === 'scheduled' || live;

  async function act(q: Question, action: 'publish' | 'skip' | 'delete' | 'up' | 'down') {
    switch (action) {
      case 'publish':
        return onQuestion(await publishQuestion(q.id));
      case 'skip':
        return onQuestion(await skipQuestion(q.id));
      case 'delete':
        await deleteQuestion(q.id);
        return onRemoved(q.id);
      case 'up':
      case 'down': {
        const ids = moveQuestion(questions, q.id, action === 'up' ? -1 : 1);
        if (ids) onQuestions(await reorderQuestions(session.id, ids));
      }
    }
  }

  // The box follows the click at once and goes back if the server refuses.
  async function togglePublic(value: boolean) {
    setError(null);
    onAgendaPublic(value);
    try {
      await setAgendaPublic(session.id, value);
    } catch (err) {
      onAgendaPublic(!value);
      setError(errorMessage(err));
    }
  }

  return (
    <div className="agenda-editor">
      {isOver(session) ? (
        <p className="next-bar muted">
          {session.state === 'ended'
            ? 'The session has ended: nothing more is published.'
            : 'The session was cancelled.'}
        </p>
      ) : (
        <div className="next-bar">
          <button
            type="button"
            className="button button-primary next-button"
            disabled={!live || !next || publisher.busy}
            aria-keyshortcuts="n"
            onClick={publisher.next}
          >
            {publisher.justPublished
              ? `${questionLabel(publisher.justPublished, questions)} is out`
              : next
                ? `Next: ${questionLabel(next, questions)}`
                : 'Next'}
          </button>
          <span className="muted">
            {!next ? 'Every item is out.' : live ? `“${next.text}”` : 'Start the session to publish.'}
          </span>
        </div>
      )}
      <div className="field field-check">
        <input
          id="agenda-public"
          type="checkbox"
          checked={agendaPublic}
          disabled={!editable}
          onChange={(event) => togglePublic(event.target.checked)}
        />
        <label htmlFor="agenda-public">Participants may read the questions before they are asked</label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {ordered.length === 0 ? (
        <p className="feed-empty">
          No questions yet. Add the first one below; number them as you like, Hashchat adds “Q1”, “Q2”…
        </p>
      ) : (
        <ol className="agenda-timeline" aria-label="Agenda">
          {ordered.map((q, i) => (
            <AgendaItem
              key={q.id}
              question={q}
              agenda={questions}
              live={live}
              first={i === 0}
              last={i === ordered.length - 1}
              onSave={async (item, input: QuestionInput) => onQuestion(await updateQuestion(item.id, input))}
              onAct={act}
            />
          ))}
        </ol>
      )}
      {editable && (
        <>
          <QuestionForm
            submitLabel="Add to agenda"
            onSubmit={async (input) => onQuestion(await createQuestion(session.id, input))}
          />
          <PlanTimes
            onApply={async (first, every) => {
              for (const { id, offset_minutes } of planOffsets(questions, first, every))
                onQuestion(await updateQuestion(id, { offset_minutes }));
            }}
          />
        </>
      )}
    </div>
  );
}
