import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { moderateRoom, moderationQueue, resolveReport } from '../../api/moderation';
import { curateSubmission } from '../../api/town-hall';
import { useAction } from '../../app/use-action';
import { useLoad } from '../../app/use-load';
import { LoadError, Skeleton } from '../../app/waiting';
import { DURATIONS } from './categories';
import { QueueItemView } from './queue-item-view';
import { QUEUE_SHORTCUTS, type QueueCommand, queueCommand } from './queue-keys';
import { type QueueItem, queueItems, queuePlan } from './queue-plan';

type Act = Exclude<QueueCommand, 'next' | 'previous' | 'help'>;

const BUTTONS: { command: Act; key: string; label: (item: QueueItem) => string }[] = [
  { command: 'approve', key: 'a', label: () => 'Approve' },
  { command: 'reject', key: 'x', label: (i) => (i.kind === 'held' ? 'Reject' : 'Dismiss') },
  { command: 'hide', key: 'h', label: () => 'Hide' },
  { command: 'mute', key: 'm', label: () => 'Mute author' },
  { command: 'ban', key: 'b', label: () => 'Ban author' },
];

const DONE: Record<Act, string> = {
  approve: 'Approved.',
  reject: 'Rejected.',
  hide: 'Hidden.',
  mute: 'Author muted.',
  ban: 'Author banned.',
};

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/**
 * What waits for review (held statuses, reports, town-hall questions), handled with one key
 * each: j/k move, a approve, x reject or dismiss, h hide, m mute, b ban.
 */
export function ModerationQueue({ sessionId, onActed }: { sessionId: string; onActed(): void }) {
  const id = useId();
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [selected, setSelected] = useState(0);
  const [reason, setReason] = useState('');
  const [duration, setDuration] = useState('');
  const [help, setHelp] = useState(true);
  const [said, setSaid] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const { run, error: actError } = useAction();
  const listRef = useRef<HTMLOListElement>(null);

  const load = useLoad(() => moderationQueue(sessionId), [sessionId], {
    onValue(queue) {
      setItems(queueItems(queue));
      setLoadError(null);
    },
    onError: (err) => setLoadError(errorMessage(err)),
  });

  const focusItem = useCallback((index: number) => {
    setSelected(index);
    requestAnimationFrame(() =>
      listRef.current?.querySelectorAll<HTMLElement>('.queue-item')[index]?.focus(),
    );
  }, []);

  const act = useCallback(
    async (item: QueueItem, command: Act) => {
      const plan = queuePlan(item, command, reason);
      if (!plan) return;
      await run(async () => {
        for (const input of plan.room) {
          const withDuration =
            (input.action === 'mute' || input.action === 'ban') && duration
              ? { ...input, duration_minutes: Number(duration) }
              : input;
          await moderateRoom(sessionId, withDuration);
        }
        if (plan.resolve) await resolveReport(plan.resolve.reportId, plan.resolve.resolution);
        if (plan.submission)
          await curateSubmission(plan.submission.id, plan.submission.step, { reason: reason.trim() });
        setItems((list) => (list ?? []).filter((i) => i.key !== item.key));
        setSaid(DONE[command]);
        setReason('');
        onActed();
      });
    },
    [sessionId, reason, duration, onActed, run],
  );

  const stateRef = useRef({ items, selected, act, focusItem });
  stateRef.current = { items, selected, act, focusItem };
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      const command = queueCommand({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        typing: isTyping(event.target),
      });
      const { items: list, selected: at, act: run, focusItem: focus } = stateRef.current;
      if (!command) return;
      event.preventDefault();
      if (command === 'help') return setHelp((open) => !open);
      if (!list || list.length === 0) return;
      const index = Math.min(at, list.length - 1);
      if (command === 'next') return focus(Math.min(index + 1, list.length - 1));
      if (command === 'previous') return focus(Math.max(index - 1, 0));
      void run(list[index], command);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const current = items ? Math.min(selected, items.length - 1) : 0;
  return (
    <div className="queue">
      <div className="queue-toolbar">
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason for the next action (shown in the log)</label>
          <input
            id={`${id}-reason`}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-duration`}>Mute or ban for</label>
          <select id={`${id}-duration`} value={duration} onChange={(e) => setDuration(e.target.value)}>
            {[...DURATIONS].reverse().map((d) => (
              <option key={d.label} value={d.minutes ?? ''}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button" onClick={load}>
          Refresh
        </button>
        <button
          type="button"
          className="button button-quiet"
          aria-expanded={help}
          onClick={() => setHelp((o) => !o)}
        >
          Keyboard shortcuts
        </button>
      </div>
      {help && (
        <dl className="keys queue-keys" aria-label="Keyboard shortcuts">
          {QUEUE_SHORTCUTS.map((s) => (
            <div key={s.key} className="keys-row">
              <dt>
                <kbd>{s.key}</kbd>
              </dt>
              <dd>{s.does}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="sr-only" role="status">
        {said}
      </p>
      {loadError && <LoadError error={loadError} onRetry={load} />}
      {actError && (
        <p className="form-error" role="alert">
          {actError}
        </p>
      )}
      {items === null && !loadError && <Skeleton kind="lines" />}
      {items?.length === 0 && <p className="feed-empty">Nothing waits for review. Well done.</p>}
      {items && items.length > 0 && (
        <ol className="queue-list" aria-label="Waiting for review" ref={listRef}>
          {items.map((item, index) => (
            <li key={item.key}>
              <article
                className={index === current ? 'queue-item queue-item-current' : 'queue-item'}
                tabIndex={-1}
                aria-current={index === current || undefined}
                onFocus={() => setSelected(index)}
              >
                <QueueItemView item={item} />
                <div className="queue-actions">
                  {BUTTONS.filter((b) => queuePlan(item, b.command) !== null).map((b) => (
                    <button
                      key={b.command}
                      type="button"
                      className={b.command === 'approve' ? 'button button-primary' : 'button'}
                      aria-keyshortcuts={b.key}
                      onClick={() => {
                        setSelected(index);
                        void act(item, b.command);
                      }}
                    >
                      {b.label(item)} <kbd className="key-hint">{b.key}</kbd>
                    </button>
                  ))}
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
