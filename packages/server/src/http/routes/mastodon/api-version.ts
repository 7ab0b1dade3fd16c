/** The Mastodon API version Hashchat answers as: what clients compare against to turn features on. */
export const MASTODON_API_VERSION = '4.3.0';
