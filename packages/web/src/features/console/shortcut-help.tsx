/** The console's keyboard shortcuts. */
export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const keys: [string, string][] = [
    ['n', 'publish the next question'],
    ['s', 'spotlight or unpin the focused status'],
    ['j / k', 'next / previous status'],
    ['r', 'reply to the focused status'],
    ['l', 'like the focused status'],
    ['Ctrl + Enter', 'post'],
    ['?', 'show or hide these shortcuts'],
  ];
  return (
    <section className="shortcut-help aside-box" aria-labelledby="shortcut-title">
      <h2 id="shortcut-title">Keyboard shortcuts</h2>
      <dl className="keys">
        {keys.map(([key, what]) => (
          <div key={key} className="keys-row">
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button button-quiet" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
