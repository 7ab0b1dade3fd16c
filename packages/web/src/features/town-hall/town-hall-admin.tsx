import '../../styles/town-hall.css';
import type { Submission, SubmissionState, TownHall } from '@hashchat/api/entities/moderation';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { getTownHall, listSubmissions, setTownHall } from '../../api/town-hall';
import { useLoad } from '../../app/use-load';
import { useStream } from '../../app/use-stream';
import { Skeleton } from '../../app/waiting';
import { useSessionStreamUrl } from '../live/room-stream';
import { AnsweringNow } from './answering-now';
import { CurationItem } from './curation-item';
import { answeringNow, applySubmission, sortSubmissions } from './submission-list';

const MODERATOR = { id: null, moderator: true };
const FILTERS: { value: SubmissionState | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'pending', label: 'Pending' },
  { value: 'approved', label: 'Approved' },
  { value: 'answering', label: 'Answering' },
  { value: 'answered', label: 'Answered' },
  { value: 'dismissed', label: 'Dismissed' },
];

/** Town-hall mode for a session and the curation of its questions (moderators). */
export function TownHallAdmin({ sessionId, onActed }: { sessionId: string; onActed(): void }) {
  const id = useId();
  const [townHall, setState] = useState<TownHall | null>(null);
  const [on, setOn] = useState(false);
  const [marker, setMarker] = useState('');
  const [list, setList] = useState<Submission[] | null>(null);
  const [filter, setFilter] = useState<SubmissionState | ''>('');
  const [said, setSaid] = useState('');
  const [error, setError] = useState<string | null>(null);
  const townHallOn = townHall?.town_hall ?? false;

  useLoad(() => getTownHall(sessionId), [sessionId], {
    onValue(t) {
      setState(t);
      setOn(t.town_hall);
      setMarker(t.submission_marker ?? '');
    },
    onError: (err) => setError(errorMessage(err)),
  });
  useStream(useSessionStreamUrl(sessionId), (event) => {
    if (event.event !== 'chat.submission' && event.event !== 'chat.answering') return;
    setList((now) => (now ? applySubmission(now, event.payload, MODERATOR) : now));
  });
  // Read only while town-hall mode is on; another filter reads again.
  const load = useLoad(
    async () => (townHallOn ? listSubmissions(sessionId, 'votes', { state: filter || undefined }) : null),
    [sessionId, townHallOn, filter],
    { onValue: (found) => found && setList(found), onError: (err) => setError(errorMessage(err)) },
  );

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const t = await setTownHall(sessionId, { town_hall: on, submission_marker: marker.trim() || null });
      setState(t);
      setSaid(
        t.town_hall ? 'Town-hall mode is on: the room shows the question list.' : 'Town-hall mode is off.',
      );
      onActed();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const onChanged = (q: Submission) => {
    setList((now) => applySubmission(now ?? [], q, MODERATOR, true));
    onActed();
  };
  const onMerged = (from: Submission, into: Submission) => {
    setList((now) =>
      applySubmission(
        (now ?? []).filter((s) => s.id !== from.id),
        into,
        MODERATOR,
        true,
      ),
    );
    onActed();
  };
  const shown = list ? sortSubmissions(filter ? list.filter((s) => s.state === filter) : list, 'votes') : [];

  return (
    <div className="town-hall-admin">
      <form className="form" onSubmit={save}>
        <div className="field field-check">
          <input id={`${id}-on`} type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} />
          <label htmlFor={`${id}-on`}>Town-hall mode: participants ask questions and vote for them</label>
        </div>
        <div className="field">
          <label htmlFor={`${id}-marker`}>Question marker</label>
          <p className="field-hint" id={`${id}-marker-hint`}>
            A status with the chat's hashtag and this marker (a #hashtag, a word or a phrase) becomes a
            question while the session is live. Leave empty for questions asked in the room only.
          </p>
          <input
            id={`${id}-marker`}
            maxLength={50}
            aria-describedby={`${id}-marker-hint`}
            value={marker}
            onChange={(e) => setMarker(e.target.value)}
          />
        </div>
        <div>
          <button type="submit" className="button" disabled={!townHall}>
            Save town-hall mode
          </button>
        </div>
        <p className="field-hint" role="status">
          {said}
        </p>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {townHall?.town_hall && (
        <>
          <AnsweringNow question={answeringNow(list ?? [])} />
          <div className="inline-row">
            <label htmlFor={`${id}-filter`}>Show</label>
            <select
              id={`${id}-filter`}
              value={filter}
              onChange={(e) => setFilter(e.target.value as SubmissionState | '')}
            >
              {FILTERS.map((f) => (
                <option key={f.label} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
            <button type="button" className="button button-quiet" onClick={load}>
              Refresh
            </button>
          </div>
          {list === null && <Skeleton kind="lines" count={2} />}
          {list && shown.length === 0 && <p className="feed-empty">No questions here yet.</p>}
          {shown.length > 0 && (
            <ol className="submission-list" aria-label="Questions to curate">
              {shown.map((q) => (
                <li key={q.id}>
                  <CurationItem
                    question={q}
                    sessionId={sessionId}
                    others={(list ?? []).filter((o) => o.id !== q.id && o.state !== 'dismissed')}
                    onChanged={onChanged}
                    onMerged={onMerged}
                  />
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </div>
  );
}
