import { useState } from 'react';
import { getCalendarFeed, resetCalendarFeed } from '../../api/chat-preferences';
import { useAction } from '../../app/use-action';
import { useResource } from '../../app/use-resource';
import { CopyField } from '../chats/copy-field';

/** The private iCalendar feed of every chat the viewer follows, and a way to revoke its address. */
export function CalendarFeedSettings() {
  const feed = useResource(async () => (await getCalendarFeed()).url, []);
  const task = useAction();
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const url = feed.value ?? null;
  const { busy } = task;
  const error = task.error ?? feed.error;

  async function reset() {
    await task.run(async () => {
      const { url: next } = await resetCalendarFeed();
      feed.update(() => next);
      setStatus('The old address no longer works. Subscribe with the new one.');
      setConfirming(false);
    });
  }

  return (
    <section aria-labelledby="feed-title">
      <h2 id="feed-title">Your calendar</h2>
      <p>
        Every session of the chats you follow, in your calendar app. The address is private: anyone who has it
        sees which chats you follow.
      </p>
      {url && <CopyField label="Calendar feed address" value={url} />}
      {url && (
        <p>
          <a className="button" href={url.replace(/^https?:/, 'webcal:')}>
            Open in your calendar app
          </a>
        </p>
      )}
      {url && !confirming && (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          Reset address
        </button>
      )}
      {confirming && (
        <div className="confirm-box">
          <p>Calendars subscribed with the current address will stop updating.</p>
          <span className="confirm">
            <button type="button" className="button button-danger" disabled={busy} onClick={reset}>
              Yes, make a new address
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        </div>
      )}
      <p className="field-hint" role="status">
        {status}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
