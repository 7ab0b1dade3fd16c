/** What a key does in the host console (beside the room's j, k, r and l). */
export type ConsoleCommand = 'next' | 'spotlight' | 'help' | null;

/** The console command of a key press; none while typing or with a modifier held. */
export function consoleCommand(event: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  typing: boolean;
}): ConsoleCommand {
  if (event.typing || event.altKey || event.ctrlKey || event.metaKey) return null;
  switch (event.key) {
    case 'n':
      return 'next';
    case 's':
      return 'spotlight';
    case '?':
      return 'help';
    default:
      return null;
  }
}
