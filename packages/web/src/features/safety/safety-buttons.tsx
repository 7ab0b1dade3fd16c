import type { Account, Relationship } from '@hashchat/api/entities/account';
import { useId, useState } from 'react';
import { getRelationship } from '../../api/accounts';
import { setBlocking, setMuting } from '../../api/safety';
import { useAction } from '../../app/use-action';
import { useResource } from '../../app/use-resource';

const MUTE_FOR: { seconds: number; label: string }[] = [
  { seconds: 0, label: 'Until I unmute' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 24 * 3600, label: '1 day' },
  { seconds: 7 * 24 * 3600, label: '1 week' },
];

/**
 * Personal safety on a profile: Mute (for a while) and Block, each undone the same way.
 * Both hide this person's statuses from the viewer everywhere at once.
 */
export function SafetyButtons({ account }: { account: Account }) {
  const id = useId();
  const relationship = useResource(() => getRelationship(account.id), [account.id]);
  const [muteFor, setMuteFor] = useState(0);
  const [choosing, setChoosing] = useState(false);
  const task = useAction();
  const { busy, error } = task;
  const [said, setSaid] = useState('');

  async function run(change: () => Promise<Relationship>, text: string) {
    const done = await task.run(async () => {
      const next = await change();
      relationship.update(() => next);
    });
    if (done) {
      setSaid(text);
      setChoosing(false);
    }
  }

  const rel = relationship.value;
  if (!rel) return null;
  const who = `@${account.acct}`;
  return (
    <div className="safety">
      <div className="safety-buttons">
        {rel.muting ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => run(() => setMuting(account.id, false), `You unmuted ${who}.`)}
          >
            Unmute
          </button>
        ) : (
          <button
            type="button"
            className="button button-quiet"
            aria-expanded={choosing}
            disabled={busy}
            onClick={() => setChoosing((open) => !open)}
          >
            Mute
          </button>
        )}
        <button
          type="button"
          className={rel.blocking ? 'button' : 'button button-quiet'}
          disabled={busy}
          onClick={() =>
            run(
              () => setBlocking(account.id, !rel.blocking),
              rel.blocking
                ? `You unblocked ${who}.`
                : `You blocked ${who}: you no longer see each other's statuses.`,
            )
          }
        >
          {rel.blocking ? 'Unblock' : 'Block'}
        </button>
      </div>
      {choosing && !rel.muting && (
        <div className="safety-mute">
          <label htmlFor={`${id}-for`}>Mute {who} for</label>
          <select id={`${id}-for`} value={muteFor} onChange={(e) => setMuteFor(Number(e.target.value))}>
            {MUTE_FOR.map((m) => (
              <option key={m.seconds} value={m.seconds}>
                {m.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() =>
              run(
                () => setMuting(account.id, true, muteFor),
                `You muted ${who}: their statuses are hidden from you.`,
              )
            }
          >
            Mute {who}
          </button>
        </div>
      )}
      <p className="sr-only" role="status">
        {said}
      </p>
      {said && <p className="muted safety-said">{said}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
