import type {
  AdminDomainAllow,
  AdminDomainBlock,
  DomainBlockSeverity,
} from '@hashchat/api/entities/federation-admin';
import { type FormEvent, useId, useState } from 'react';
import { allowDomain, blockDomain } from '../../api/federation-admin';
import { useAction } from '../../app/use-action';

/** A labelled, hinted text area of up to 1,000 characters. */
function TextAreaField(props: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange(v: string): void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <p className="field-hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
      <textarea
        id={props.id}
        aria-describedby={`${props.id}-hint`}
        rows={2}
        maxLength={1000}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}

/** Adds a domain block: the domain, how severe, the public reason and a note for admins. */
export function BlockDomainForm({ onBlocked }: { onBlocked(block: AdminDomainBlock): void }) {
  const id = useId();
  const [domain, setDomain] = useState('');
  const [severity, setSeverity] = useState<DomainBlockSeverity>('suspend');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [obfuscate, setObfuscate] = useState(false);
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await action.run(async () => {
      onBlocked(
        await blockDomain({
          domain: domain.trim(),
          severity,
          public_comment: reason,
          private_comment: note,
          obfuscate,
        }),
      );
    });
    if (ok) {
      setDomain('');
      setReason('');
      setNote('');
      setObfuscate(false);
    }
  }

  return (
    <form className="form admin-form" onSubmit={submit} aria-label="Block a server">
      <div className="field">
        <label htmlFor={`${id}-domain`}>Domain</label>
        <input
          id={`${id}-domain`}
          name="domain"
          required
          autoComplete="off"
          inputMode="url"
          spellCheck={false}
          placeholder="spam.example"
          maxLength={300}
          value={domain}
          onChange={(event) => setDomain(event.target.value)}
        />
      </div>
      <fieldset className="field admin-severity">
        <legend>Severity</legend>
        <div className="field field-check">
          <input
            id={`${id}-suspend`}
            type="radio"
            name={`${id}-severity`}
            value="suspend"
            checked={severity === 'suspend'}
            onChange={() => setSeverity('suspend')}
          />
          <label htmlFor={`${id}-suspend`}>Suspend: nothing in, nothing out</label>
        </div>
        <div className="field field-check">
          <input
            id={`${id}-silence`}
            type="radio"
            name={`${id}-severity`}
            value="silence"
            checked={severity === 'silence'}
            onChange={() => setSeverity('silence')}
          />
          <label htmlFor={`${id}-silence`}>Silence: kept out of public timelines and rooms</label>
        </div>
      </fieldset>
      <TextAreaField
        id={`${id}-reason`}
        label="Public reason"
        hint="Shown on the public list of moderated servers."
        value={reason}
        onChange={setReason}
      />
      <TextAreaField
        id={`${id}-note`}
        label="Private note"
        hint="Only admins see it."
        value={note}
        onChange={setNote}
      />
      <div className="field field-check">
        <input
          id={`${id}-obfuscate`}
          type="checkbox"
          checked={obfuscate}
          onChange={(event) => setObfuscate(event.target.checked)}
        />
        <label htmlFor={`${id}-obfuscate`}>Hide part of the name on the public list</label>
      </div>
      <button type="submit" className="button button-primary" disabled={action.busy}>
        {action.busy ? 'Blocking…' : 'Block server'}
      </button>
      {action.error && (
        <p className="form-error" role="alert">
          {action.error}
        </p>
      )}
    </form>
  );
}

/** Adds a domain to the allow-list. */
export function AllowDomainForm({ onAllowed }: { onAllowed(allow: AdminDomainAllow): void }) {
  const id = useId();
  const [domain, setDomain] = useState('');
  const action = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await action.run(async () => onAllowed(await allowDomain(domain.trim())))) setDomain('');
  }

  return (
    <form className="form admin-form admin-form-inline" onSubmit={submit} aria-label="Allow a server">
      <div className="field">
        <label htmlFor={`${id}-allow`}>Domain to allow</label>
        <input
          id={`${id}-allow`}
          required
          autoComplete="off"
          inputMode="url"
          spellCheck={false}
          maxLength={300}
          value={domain}
          onChange={(event) => setDomain(event.target.value)}
        />
      </div>
      <button type="submit" className="button" disabled={action.busy}>
        Allow server
      </button>
      {action.error && (
        <p className="form-error" role="alert">
          {action.error}
        </p>
      )}
    </form>
  );
}
