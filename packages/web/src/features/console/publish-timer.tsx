import { countdown } from '../chats/format-session-time';
import { useNow } from '../chats/use-now';
import { fullTime } from '../status/format-time';

/** A ticking "in 4:12" until an agenda item is due; "due now" once it is (the scheduler is on it). */
export function PublishTimer({ at }: { at: string }) {
  const now = useNow(1000);
  const ms = Date.parse(at) - now.getTime();
  return (
    <span className="publish-timer">
      {ms > 0 ? (
        <>
          in{' '}
          <time dateTime={at} title={fullTime(new Date(at))}>
            {countdown(ms)}
          </time>
        </>
      ) : (
        'due now'
      )}
    </span>
  );
}
