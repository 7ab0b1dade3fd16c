import type { Account } from '@hashchat/api/entities/account';

/**
 * A stable hue per account, so the same person keeps the same colour; the golden angle spreads
 * neighbouring ids (1, 2, 3…) far apart on the colour wheel.
 */
function hue(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return Math.round((h * 137.508) % 360);
}

export function displayName(account: Account): string {
  return account.display_name.trim() || account.username;
}

/**
 * The initial of the account's name on a coloured disc; decorative next to the name. At 32%
 * lightness every hue keeps the white initial above 4.5:1 contrast.
 */
export function Avatar({ account, size = 'md' }: { account: Account; size?: 'md' | 'lg' }) {
  const initial = [...displayName(account)][0]?.toUpperCase() ?? '?';
  return (
    <span
      className={`avatar avatar-${size}`}
      style={{ backgroundColor: `hsl(${hue(account.id)} 45% 32%)` }}
      aria-hidden="true"
    >
      {initial}
    </span>
  );
}
