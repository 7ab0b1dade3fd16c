import type { SlowMode } from '@hashchat/api/entities/moderation';

/**
 * The seconds a "Slow mode: wait N seconds before posting in #tag again" answer asks to wait,
 * or null for any other message.
 */
export function slowModeWait(message: string | null): number | null {
  const match = message ? /^Slow mode: wait (\d+) seconds?\b/.exec(message) : null;
  return match ? Number(match[1]) : null;
}

const seconds = (n: number) => `${n} second${n === 1 ? '' : 's'}`;

/** "30 seconds", "2 minutes", "90 seconds": the interval as people say it. */
export function intervalText(n: number): string {
  if (n >= 120 && n % 60 === 0) return `${n / 60} minutes`;
  return n === 60 ? '1 minute' : seconds(n);
}

/**
 * The composer's one line about slow mode: the rule before anyone posts, with the wait when
 * there is one (after a post, or a refusal); null when slow mode does not hold the viewer back.
 */
export function slowModeText(rule: SlowMode | null, secondsLeft: number | null): string | null {
  const on = rule !== null && rule.slow_mode_seconds > 0 && !rule.exempt;
  const wait =
    secondsLeft !== null && secondsLeft > 0 ? `You can post again in ${seconds(secondsLeft)}.` : null;
  if (on) {
    const base = `Slow mode is on: one post every ${intervalText(rule.slow_mode_seconds)}.`;
    return wait ? `${base} ${wait}` : base;
  }
  // Turned on after the room was opened: the refusal alone tells.
  if (secondsLeft === null) return null;
  return wait ? `Slow mode: ${wait[0].toLowerCase()}${wait.slice(1)}` : 'Slow mode: you can post again now.';
}
