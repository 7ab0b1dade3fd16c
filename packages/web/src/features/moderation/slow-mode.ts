/**
 * The seconds a "Slow mode: wait N seconds before posting in #tag again" answer asks to wait,
 * or null for any other message.
 */
export function slowModeWait(message: string | null): number | null {
  const match = message ? /^Slow mode: wait (\d+) seconds?\b/.exec(message) : null;
  return match ? Number(match[1]) : null;
}

/** What the composer says while slow mode holds the next post back. */
export function slowModeText(secondsLeft: number): string {
  return secondsLeft > 0
    ? `Slow mode: you can post again in ${secondsLeft} second${secondsLeft === 1 ? '' : 's'}.`
    : 'Slow mode: you can post again now.';
}
