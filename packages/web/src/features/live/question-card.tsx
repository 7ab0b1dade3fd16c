import type { Status } from '@hashchat/api/entities/status';
import { useRef, useState } from 'react';
import { useSession } from '../../app/session-context';
import { StatusCard } from '../status/status-card';
import type { StatusListProps } from '../status/status-list';
import { AnswerComposer } from './answer-composer';

// A busy question shows its newest answers; the rest are one tap away.
const ANSWERS_SHOWN = 5;

export interface QuestionCardProps extends Omit<StatusListProps, 'statuses' | 'label' | 'listRef'> {
  number: number;
  question: Status | null;
  /** Newest first. */
  answers: Status[];
  /** The agenda's text of the question, for a card whose status is not loaded. */
  agendaText: string | null;
  /** Show every answer (the column shows this one question's thread). */
  showAll: boolean;
}

/** A question with its answers under it, and a way to answer it ("A n" prefilled). */
export function QuestionCard({
  number,
  question,
  answers,
  agendaText,
  showAll,
  roomTag,
  renderTools,
  onChanged,
  onRemoved,
  onReplied,
}: QuestionCardProps) {
  const { account } = useSession();
  const [answering, setAnswering] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const answerButton = useRef<HTMLButtonElement>(null);
  const shown = showAll || expanded ? answers : answers.slice(0, ANSWERS_SHOWN);
  const answerable = number >= 0 && number <= 999;

  function closeComposer() {
    setAnswering(false);
    answerButton.current?.focus();
  }

  const card = { roomTag, onChanged, onRemoved, onReplied };
  return (
    <section className="question-card" aria-label={`Question ${number}`}>
      {question ? (
        <StatusCard status={question} tools={renderTools?.(question)} {...card} />
      ) : (
        <p className="question-missing">
          <span className="kind-tag kind-question">Q{number}</span> {agendaText ?? 'An earlier question'}
        </p>
      )}
      <div className="question-card-bar">
        <span className="muted">{answers.length === 1 ? '1 answer' : `${answers.length} answers`}</span>
        {account && answerable && (
          <button
            type="button"
            ref={answerButton}
            className="button"
            aria-expanded={answering}
            onClick={() => (answering ? closeComposer() : setAnswering(true))}
          >
            Answer Q{number}
          </button>
        )}
      </div>
      {answering && (
        <AnswerComposer
          n={number}
          tag={roomTag}
          onCancel={closeComposer}
          onPosted={(status) => {
            closeComposer();
            onReplied?.(status);
          }}
        />
      )}
      {answers.length > 0 && (
        <ol className="answer-list" aria-label={`Answers to Q${number}`}>
          {shown.map((answer) => (
            <li key={answer.id} className="answer-item">
              <StatusCard status={answer} tools={renderTools?.(answer)} {...card} />
            </li>
          ))}
        </ol>
      )}
      {shown.length < answers.length && (
        <button type="button" className="button button-quiet" onClick={() => setExpanded(true)}>
          Show all {answers.length} answers
        </button>
      )}
    </section>
  );
}
