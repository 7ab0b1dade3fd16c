import { type FormEvent, useState } from 'react';
import { navigate } from '../../app/history';
import { paths } from '../../app/routes';
import { tagFromInput } from './tag-input';

export function OpenRoomForm() {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const tag = tagFromInput(value);
    if (!tag) {
      setError('A hashtag is letters, numbers and underscores, with at least one letter.');
      return;
    }
    navigate(paths.room(tag));
  }

  return (
    <form className="open-room" onSubmit={submit}>
      <label htmlFor="open-room-tag">Hashtag</label>
      <div className="open-room-row">
        <span className="open-room-hash" aria-hidden="true">
          #
        </span>
        <input
          id="open-room-tag"
          value={value}
          placeholder="tweetchat"
          autoCapitalize="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'open-room-error' : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="button button-primary">
          Open room
        </button>
      </div>
      {error && (
        <p className="field-error" id="open-room-error">
          {error}
        </p>
      )}
    </form>
  );
}
