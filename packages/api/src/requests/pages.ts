import { z } from 'zod';

// Path parameters of the pages and files served outside the JSON API.

/** `/media/{key}/{file}`: an uploaded image's storage key and file name. */
export const mediaFileParams = z.object({ key: z.string().max(100), file: z.string().max(200) });

/** `/avatars/{file}`: an account's generated avatar, `<account id>.svg`. */
export const avatarParams = z.object({ file: z.string().max(40) });
