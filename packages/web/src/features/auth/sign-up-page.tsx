import type { Rule } from '@hashchat/api/entities/instance';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage, type FieldErrors } from '../../api/api-error';
import { signUp } from '../../api/auth';
import { getRules } from '../../api/instance';
import { navigate } from '../../app/history';
import { paths } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { useResource } from '../../app/use-resource';
import { useTitle } from '../../app/use-title';
import { TextField } from './text-field';

const NO_RULES: Rule[] = [];

export function SignUpPage({ next }: { next: string | null }) {
  useTitle('Create an account');
  const { setSession } = useSession();
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [agreement, setAgreement] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const rules = useResource(getRules, []).value ?? NO_RULES;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!agreement) {
      setErrors({
        agreement: [{ error: 'ERR_ACCEPTED', description: 'Agree to the rules to create an account.' }],
      });
      return;
    }
    setSending(true);
    setError(null);
    setErrors({});
    try {
      const session = await signUp({
        username,
        email,
        password,
        agreement: true,
        locale: navigator.language,
      });
      setSession(session);
      navigate(next ?? '/home', { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError) setErrors(err.details);
      setSending(false);
    }
  }

  return (
    <section className="auth" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Create an account
      </h1>
      <form className="form" onSubmit={submit} noValidate>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <TextField
          name="username"
          label="Username"
          autoComplete="username"
          hint="Letters, numbers and underscores. People will mention you as @username."
          value={username}
          errors={errors.username}
          onChange={setUsername}
        />
        <TextField
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          errors={errors.email}
          onChange={setEmail}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters."
          value={password}
          errors={errors.password}
          onChange={setPassword}
        />
        {rules.length > 0 && (
          <section className="field" aria-labelledby="rules-title">
            <h2 id="rules-title">Rules of this server</h2>
            <ol>
              {rules.map((r) => (
                <li key={r.id}>{r.text}</li>
              ))}
            </ol>
          </section>
        )}
        <div className="field field-check">
          <input
            id="field-agreement"
            type="checkbox"
            checked={agreement}
            required
            aria-invalid={errors.agreement ? true : undefined}
            aria-describedby={errors.agreement ? 'field-agreement-error' : undefined}
            onChange={(event) => setAgreement(event.target.checked)}
          />
          <label htmlFor="field-agreement">I agree to the rules of this server</label>
          {errors.agreement && (
            <p className="field-error" id="field-agreement-error">
              {errors.agreement.map((e) => e.description).join(' ')}
            </p>
          )}
        </div>
        <button type="submit" className="button button-primary button-wide" disabled={sending}>
          {sending ? 'Creating account…' : 'Sign up'}
        </button>
        <p>
          Already have an account? <a href={paths.signIn(next ?? undefined)}>Sign in</a>
        </p>
      </form>
    </section>
  );
}
