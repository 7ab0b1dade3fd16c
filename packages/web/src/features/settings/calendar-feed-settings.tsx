import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { getCalendarFeed, resetCalendarFeed } from '../../api/chat-preferences';
import { CopyField } from '../chats/copy-field';

/** The private iCalendar feed of every chat the viewer follows, and a way to revoke its address. */
export function CalendarFeedSettings() {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  useEffect(() => {
    getCalendarFeed().then(
      (feed) => setUrl(feed.url),
      (err) => setError(errorMessage(err)),
    );
  }, []);

  async function reset() {
    setBusy(true);
    setError(null);
    try {
      setUrl((await resetCalendarFeed()).url);
      setStatus('The old address no longer works. Subscribe with the new one.');
      setConfirming(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
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
          <a href={url.replace(/^https?:/, 'webcal:')}>Open in your calendar app</a>
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
