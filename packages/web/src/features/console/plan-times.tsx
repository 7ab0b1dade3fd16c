import { type FormEvent, useId, useState } from 'react';
import { useAction } from '../../app/use-action';

/** "Q1 at +5 min, then every 10": times for every question still to come, in one go. */
export function PlanTimes({ onApply }: { onApply(first: number, every: number): Promise<void> }) {
  const id = useId();
  const [first, setFirst] = useState('5');
  const [every, setEvery] = useState('10');
  const [done, setDone] = useState(false);
  const { run, busy, error } = useAction();
  const message = error ?? (done ? 'Times set.' : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    setDone(await run(() => onApply(Number(first), Number(every))));
  }

  return (
    <form className="plan-times" onSubmit={submit}>
      <p className="plan-times-line">
        <label htmlFor={`${id}-first`}>First question at +</label>
        <input
          id={`${id}-first`}
          type="number"
          min={0}
          max={1440}
          required
          value={first}
          onChange={(event) => setFirst(event.target.value)}
        />{' '}
        <label htmlFor={`${id}-every`}>min, then every</label>
        <input
          id={`${id}-every`}
          type="number"
          min={1}
          max={240}
          required
          value={every}
          onChange={(event) => setEvery(event.target.value)}
        />{' '}
        min{' '}
        <button type="submit" className="button" disabled={busy}>
          Set times
        </button>
      </p>
      <p className="sr-only" role="status">
        {message}
      </p>
      {message && <p className="muted">{message}</p>}
    </form>
  );
}
