/** How each figure is counted, stated with the figures (and on the transcript page). */
export const RECAP_DEFINITIONS = {
  statuses: 'Visible statuses of the session, late replies included; hidden and deleted ones are left out.',
  participants: 'Distinct authors of those statuses, hosts included.',
  new_participants: 'Participants with no visible status in an earlier session of this chat.',
  returning_participants: 'Participants who posted in an earlier session of this chat.',
  hosts_share: "The hosts' (owner and co-hosts) statuses divided by all statuses.",
  posts_per_minute: 'Statuses per minute since the session went live; late replies are left out.',
  top_answers: 'Answers ranked by likes plus reposts, then likes.',
  links:
    'Links shared in statuses, each once (lower-case host, no fragment, no utm_ parameters), by how many statuses shared it.',
  potential_reach: 'The number of distinct accounts following at least one participant, counted now.',
  potential_impressions: "The sum over statuses of the author's followers count (counted now).",
} as const;
