import type { AuthSession } from '@hashchat/api/entities/account';
import type { RegistrationBody, SignInBody } from '@hashchat/api/requests/accounts';
import { ApiError } from './api-error';
import { api, setCsrfToken } from './http';

/** The current cookie session, or null when signed out. */
export async function getSession(): Promise<AuthSession | null> {
  try {
    const session = await api<AuthSession>('/api/v1/auth/session');
    setCsrfToken(session.csrf_token);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** What the sign-up form sends: the input side of the schema the server parses it with. */
export type SignUpInput = RegistrationBody;

export async function signUp(input: SignUpInput): Promise<AuthSession> {
  const session = await api<AuthSession>('/api/v1/auth/sign_up', { method: 'POST', body: input });
  setCsrfToken(session.csrf_token);
  return session;
}

export async function signIn(input: SignInBody): Promise<AuthSession> {
  const session = await api<AuthSession>('/api/v1/auth/sign_in', { method: 'POST', body: input });
  setCsrfToken(session.csrf_token);
  return session;
}

export async function signOut(): Promise<void> {
  await api<unknown>('/api/v1/auth/sign_out', { method: 'POST' });
  setCsrfToken(null);
}
