import { type FormEvent, useState } from 'react';
import { signIn } from '../../api/auth';
import { navigate } from '../../app/history';
import { paths } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { useAction } from '../../app/use-action';
import { useTitle } from '../../app/use-title';
import { TextField } from './text-field';

export function SignInPage({ next }: { next: string | null }) {
  useTitle('Sign in');
  const { setSession } = useSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { run, busy: sending, error } = useAction();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      setSession(await signIn({ login, password }));
      navigate(next ?? '/home', { replace: true });
    });
  }

  return (
    <section className="auth" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Sign in
      </h1>
      <form className="form" onSubmit={submit}>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <TextField
          name="login"
          label="Username or email"
          autoComplete="username"
          value={login}
          onChange={setLogin}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        <button type="submit" className="button button-primary button-wide" disabled={sending}>
          {sending ? 'Signing in…' : 'Sign in'}
        </button>
        <p>
          New here? <a href={paths.signUp(next ?? undefined)}>Create an account</a>
        </p>
      </form>
    </section>
  );
}
