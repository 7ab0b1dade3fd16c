/** "1 new post", "3 new posts": the text of the bar that releases waiting statuses. */
export function newPostsLabel(count: number): string {
  return count === 1 ? '1 new post' : `${count} new posts`;
}

/** What the polite live region says about statuses that arrived since it last spoke. */
export function arrivalAnnouncement(arrivedSinceLast: number, waiting: number): string {
  if (waiting > 0) return `${newPostsLabel(waiting)} waiting`;
  return arrivedSinceLast > 0 ? `${newPostsLabel(arrivedSinceLast)} shown` : '';
}
