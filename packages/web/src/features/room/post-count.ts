/** "1 post this week", "12 posts this week". */
export function postsThisWeek(count: number): string {
  return `${count} ${count === 1 ? 'post' : 'posts'} this week`;
}
