/** A small Host / Co-host / Guest badge beside a name. */
export function RoleBadge({ role }: { role: string }) {
  const kind = role === 'Host' ? 'host' : role === 'Co-host' ? 'cohost' : 'guest';
  return <span className={`role-badge role-${kind}`}>{role}</span>;
}
