import { DEFAULT_MAX_CHARACTERS, getMaxCharacters } from '../../api/instance';
import { useResource } from '../../app/use-resource';

export function useMaxCharacters(): number {
  return useResource(getMaxCharacters, []).value ?? DEFAULT_MAX_CHARACTERS;
}
