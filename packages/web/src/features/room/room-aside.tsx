import { type ReactNode, useState } from 'react';

const WIDE = '(min-width: 64rem)';

/**
 * What helps in the room besides the column: how it works and the keyboard. Beside the column
 * on wide screens; below it on a phone, folded behind one tap.
 */
export function RoomAside({ tag, children }: { tag: string; children?: ReactNode }) {
  const [wide] = useState(() => window.matchMedia(WIDE).matches);
  return (
    <aside className="room-aside" aria-label="About this room">
      {children}
      <details className="aside-box" open={wide}>
        <summary>How this room works</summary>
        <p>
          Everything posted with <strong>#{tag}</strong> shows up here live. Your posts get the hashtag added
          for you.
        </p>
        <p>
          New posts wait behind a bar while you are scrolled down or paused, so you never lose your place.
        </p>
      </details>
      <details className="aside-box">
        <summary>Keyboard</summary>
        <dl className="keys">
          <dt>
            <kbd>j</kbd> / <kbd>k</kbd>
          </dt>
          <dd>next / previous status</dd>
          <dt>
            <kbd>r</kbd>
          </dt>
          <dd>reply to the focused status</dd>
          <dt>
            <kbd>l</kbd>
          </dt>
          <dd>like the focused status</dd>
          <dt>
            <kbd>Ctrl</kbd> + <kbd>Enter</kbd>
          </dt>
          <dd>post</dd>
        </dl>
      </details>
    </aside>
  );
}
