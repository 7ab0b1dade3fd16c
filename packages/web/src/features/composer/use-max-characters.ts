import { useEffect, useState } from 'react';
import { DEFAULT_MAX_CHARACTERS, getMaxCharacters } from '../../api/instance';

export function useMaxCharacters(): number {
  const [max, setMax] = useState(DEFAULT_MAX_CHARACTERS);
  useEffect(() => {
    let active = true;
    getMaxCharacters().then((value) => {
      if (active) setMax(value);
    });
    return () => {
      active = false;
    };
  }, []);
  return max;
}
