import { MAX_DESCRIPTION } from '@hashchat/api/requests/statuses';
import type { MediaConfig } from '../config';
import { SUPPORTED_MIME_TYPES } from './sniff';

/** The most images one status may carry (Mastodon's limit, which its apps assume). */
export const MAX_ATTACHMENTS = 4;

/** `configuration.media_attachments` of the instance entity. */
export const mediaLimits = (media: MediaConfig) => ({
  supported_mime_types: SUPPORTED_MIME_TYPES,
  image_size_limit: media.maxBytes,
  image_matrix_limit: media.maxPixels,
  video_size_limit: 0,
  description_limit: MAX_DESCRIPTION,
});
