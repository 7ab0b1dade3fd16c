/** What federation does with a remote server: everything, nothing public (silence), or nothing at all. */
export interface DomainPolicy {
  verdict(host: string): Promise<'allow' | 'silence' | 'suspend'>;
}
