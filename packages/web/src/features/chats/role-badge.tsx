/** A small Host / Co-host / Guest badge beside a name; `label` is a guest's title when given. */
export function RoleBadge({ role, label = role }: { role: string; label?: string }) {
  const kind = role === 'Host' ? 'host' : role === 'Co-host' ? 'cohost' : 'guest';
  return <span className={`role-badge role-${kind}`}>{label}</span>;
}
