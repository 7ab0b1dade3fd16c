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
