import { paths } from '../../app/routes';

/** Shown instead of the composer to readers who are not signed in. */
export function SignInPrompt({ tag, next }: { tag: string; next: string }) {
  return (
    <div className="prompt">
      <p>
        You are reading #{tag} live. <a href={paths.signIn(next)}>Sign in</a> or{' '}
        <a href={paths.signUp(next)}>create an account</a> to post in this room.
      </p>
    </div>
  );
}
