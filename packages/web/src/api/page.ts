/** One page of a list plus the cursor for the next (older) page, if any. */
export interface Page<T> {
  items: T[];
  nextMaxId: string | null;
}
