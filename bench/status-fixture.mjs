// A Mastodon-shaped Status entity of realistic size (~1.7 KB as JSON), so the baseline
// writes as many bytes per delivery as a real server does.

const escapeHtml = (s) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

const account = {
  id: '1',
  username: 'bench',
  acct: 'bench',
  display_name: 'Bench Publisher',
  locked: false,
  bot: false,
  discoverable: true,
  group: false,
  created_at: '2025-01-01T00:00:00.000Z',
  note: '<p>Posts statuses for the Hashchat benchmark.</p>',
  url: 'http://127.0.0.1/@bench',
  uri: 'http://127.0.0.1/users/bench',
  avatar: 'http://127.0.0.1/avatars/original/missing.png',
  avatar_static: 'http://127.0.0.1/avatars/original/missing.png',
  header: 'http://127.0.0.1/headers/original/missing.png',
  header_static: 'http://127.0.0.1/headers/original/missing.png',
  followers_count: 0,
  following_count: 0,
  statuses_count: 1,
  last_status_at: '2025-01-01',
  indexable: true,
  hide_collections: false,
  noindex: false,
  roles: [],
  emojis: [],
  fields: [
    {
      name: 'Website',
      value:
        '<a href="https://hashchat.example/" rel="nofollow noopener" target="_blank">hashchat.example</a>',
      verified_at: null,
    },
  ],
};

/**
 * Builds the Status entity for a new status.
 * @param {{ id: string, text: string, tags: string[] }} input
 */
export const buildStatus = ({ id, text, tags }) => {
  const content = escapeHtml(text).replace(
    /#(\w+)/g,
    (_m, tag) =>
      `<a href="http://127.0.0.1/tags/${tag.toLowerCase()}" class="mention hashtag" rel="tag">#<span>${tag}</span></a>`,
  );
  return {
    id,
    created_at: new Date().toISOString(),
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: 'en',
    uri: `http://127.0.0.1/users/bench/statuses/${id}`,
    url: `http://127.0.0.1/@bench/${id}`,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    edited_at: null,
    favourited: false,
    reblogged: false,
    muted: false,
    bookmarked: false,
    pinned: false,
    content: `<p>${content}</p>`,
    filtered: [],
    reblog: null,
    application: { name: 'Hashchat bench', website: null },
    account,
    media_attachments: [],
    mentions: [],
    tags: tags.map((name) => ({ name, url: `http://127.0.0.1/tags/${name}` })),
    emojis: [],
    card: null,
    poll: null,
  };
};
