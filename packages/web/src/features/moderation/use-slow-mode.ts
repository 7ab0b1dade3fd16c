import type { SlowMode } from '@hashchat/api/entities/moderation';
import { useCallback, useEffect, useState } from 'react';
import { getSlowMode } from '../../api/moderation';
import { useResource } from '../../app/use-resource';
import { slowModeText, slowModeWait } from './slow-mode';

export interface SlowModePause {
  /** Posting would be refused until the countdown ends. */
  waiting: boolean;
  /** The composer's one line about slow mode, or null when it does not hold the viewer back. */
  text: string | null;
  /** A refusal that this line already says (the composer shows no second message for it). */
  refusal: boolean;
  /** Call after a post in the room: its window opens, and the line says when the next one is taken. */
  posted(): void;
}

const NONE = async (): Promise<SlowMode | null> => null;

/**
 * Slow mode as the composer of a chat's room tells it: the rule before anyone posts (read from
 * the chat), then when the next post is taken, counting down from the server's word after a
 * post or from a "Slow mode: wait N seconds" refusal; Post is held back until then.
 */
export function useSlowMode(error: string | null, chatId: string | null): SlowModePause {
  const rule = useResource(chatId ? () => getSlowMode(chatId) : NONE, [chatId]);
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const value = rule.value ?? null;

  useEffect(() => {
    const next = value?.next_post_at ? Date.parse(value.next_post_at) : null;
    if (next !== null) setUntil((u) => Math.max(u ?? 0, next));
    setNow(Date.now());
  }, [value]);

  const { refresh } = rule;
  useEffect(() => {
    const wait = slowModeWait(error);
    if (wait === null) return;
    setUntil(Date.now() + wait * 1000);
    setNow(Date.now());
    // Slow mode may have been turned on since the room opened: read the rule to say it.
    refresh();
  }, [error, refresh]);

  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= until) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);

  const on = value !== null && value.slow_mode_seconds > 0 && !value.exempt;
  const posted = useCallback(() => {
    if (on) refresh();
  }, [on, refresh]);

  const left = until === null ? null : Math.max(0, Math.ceil((until - now) / 1000));
  return {
    waiting: left !== null && left > 0,
    text: slowModeText(value, left),
    refusal: slowModeWait(error) !== null,
    posted,
  };
}
