import { api } from './http';

export const DEFAULT_MAX_CHARACTERS = 500;

interface InstanceV2 {
  configuration?: { statuses?: { max_characters?: number } };
}

let maxCharacters: Promise<number> | null = null;

/** The longest status the server accepts, asked once per page load. */
export function getMaxCharacters(): Promise<number> {
  maxCharacters ??= api<InstanceV2>('/api/v2/instance').then(
    (instance) => instance.configuration?.statuses?.max_characters ?? DEFAULT_MAX_CHARACTERS,
    () => DEFAULT_MAX_CHARACTERS,
  );
  return maxCharacters;
}

/** One of the server's rules (Mastodon's Rule entity). */
export interface InstanceRule {
  id: string;
  text: string;
}

/** The rules people agree to when they sign up; none when the server lists none or cannot be reached. */
export function getRules(): Promise<InstanceRule[]> {
  return api<InstanceRule[]>('/api/v1/instance/rules').catch(() => []);
}
