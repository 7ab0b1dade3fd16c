/** Whether the account may manage the server (the server checks again on every call). */
export function isAdmin(account: { roles?: { name: string }[] } | null): boolean {
  return Boolean(account?.roles?.some((r) => r.name === 'admin'));
}
