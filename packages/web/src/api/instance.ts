import type { Instance, Rule } from '@hashchat/api/entities/instance';
import { api } from './http';

export const DEFAULT_MAX_CHARACTERS = 500;

let maxCharacters: Promise<number> | null = null;

/** The longest status the server accepts, asked once per page load. */
export function getMaxCharacters(): Promise<number> {
  maxCharacters ??= api<Instance>('/api/v2/instance').then(
    (instance) => instance.configuration?.statuses?.max_characters ?? DEFAULT_MAX_CHARACTERS,
    () => DEFAULT_MAX_CHARACTERS,
  );
  return maxCharacters;
}

/** The rules people agree to when they sign up; none when the server lists none or cannot be reached. */
export function getRules(): Promise<Rule[]> {
  return api<Rule[]>('/api/v1/instance/rules').catch(() => []);
}
