import { type FormEvent, useRef, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { signUp } from '../../api/auth';
import { getRules } from '../../api/instance';
import { navigate } from '../../app/history';
import { paths } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { useAction } from '../../app/use-action';
import { useResource } from '../../app/use-resource';
import { useTitle } from '../../app/use-title';
import { SIGN_UP_FIELDS, type SignUpField, signUpErrors, signUpFieldLabel } from './sign-up-errors';
import { TextField } from './text-field';

type Errors = Partial<Record<SignUpField, string>>;

/** Every field's error at once, each a link to its field, announced when the form comes back. */
function ErrorSummary({ errors }: { errors: Errors }) {
  const fields = SIGN_UP_FIELDS.filter((f) => errors[f]);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} id="sign-up-errors">
      <h2>
        {fields.length === 1
          ? 'One thing to fix before we can create your account'
          : `${fields.length} things to fix before we can create your account`}
      </h2>
      <ul>
        {fields.map((f) => (
          <li key={f}>
            <a href={`#field-${f}`}>
              {signUpFieldLabel(f)}: {errors[f]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SignUpPage({ next }: { next: string | null }) {
  useTitle('Create an account');
  const { setSession } = useSession();
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [agreement, setAgreement] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const { run, busy: sending, error } = useAction();
  const rules = useResource(getRules, []).value ?? [];
  const formRef = useRef<HTMLFormElement>(null);
  const fieldErrors = Object.keys(errors).length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    // The server checks every field at once (and the box too), so all errors come back together.
    void run(async () => {
      try {
        const session = await signUp({ username, email, password, agreement, locale: navigator.language });
        setSession(session);
        navigate(next ?? '/home', { replace: true });
      } catch (err) {
        const found = err instanceof ApiError && err.status === 422 ? signUpErrors(err.details) : {};
        if (Object.keys(found).length > 0) {
          setErrors(found);
          const first = SIGN_UP_FIELDS.find((f) => found[f]);
          requestAnimationFrame(() =>
            formRef.current?.querySelector<HTMLElement>(`#field-${first}`)?.focus(),
          );
          return;
        }
        throw err;
      }
    });
  }

  const clear = (field: SignUpField) => errors[field] && setErrors(({ [field]: _, ...rest }) => rest);

  return (
    <section className="auth" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Create an account
      </h1>
      <form className="form" onSubmit={submit} noValidate ref={formRef}>
        {fieldErrors && <ErrorSummary errors={errors} />}
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
          error={errors.username}
          onChange={(v) => {
            setUsername(v);
            clear('username');
          }}
        />
        <TextField
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          error={errors.email}
          onChange={(v) => {
            setEmail(v);
            clear('email');
          }}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters."
          value={password}
          error={errors.password}
          onChange={(v) => {
            setPassword(v);
            clear('password');
          }}
        />
        {rules.length > 0 && (
          <section className="field" aria-labelledby="rules-title" id="rules">
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
            onChange={(event) => {
              setAgreement(event.target.checked);
              clear('agreement');
            }}
          />
          <label htmlFor="field-agreement">
            I agree to the{' '}
            {rules.length > 0 ? <a href="#rules">rules of this server</a> : 'rules of this server'}
          </label>
          {errors.agreement && (
            <p className="field-error" id="field-agreement-error">
              {errors.agreement}
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
