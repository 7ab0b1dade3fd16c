import type { FieldError, FieldErrors } from '../../api/api-error';

/** The sign-up form's fields, in the order they appear (the summary lists them so). */
export const SIGN_UP_FIELDS = ['username', 'email', 'password', 'agreement'] as const;
export type SignUpField = (typeof SIGN_UP_FIELDS)[number];

const LABELS: Record<SignUpField, string> = {
  username: 'Username',
  email: 'Email',
  password: 'Password',
  agreement: 'Rules',
};

// What each of the server's codes means for a person filling in the form.
const WORDS: Record<SignUpField, Record<string, string>> = {
  username: {
    ERR_BLANK: 'Choose a username.',
    ERR_INVALID: 'Use only letters, numbers and underscores.',
    ERR_TOO_LONG: 'Use at most 30 characters.',
    ERR_RESERVED: 'This username is reserved. Choose another.',
    ERR_TAKEN: 'Someone has this username already. Choose another.',
  },
  email: {
    ERR_BLANK: 'Enter your email address.',
    ERR_INVALID: 'This does not look like an email address.',
    ERR_TAKEN: 'An account with this email exists already. Sign in instead?',
  },
  password: {
    ERR_BLANK: 'Choose a password of at least 8 characters.',
    ERR_TOO_SHORT: 'Use at least 8 characters.',
    ERR_TOO_LONG: 'Use at most 72 characters.',
  },
  agreement: {
    ERR_ACCEPTED: 'Agree to the rules to create an account.',
  },
};

/** One field's errors in plain words: the code's sentence, else the field's name and the server's text. */
export function fieldErrorText(field: SignUpField, errors: FieldError[]): string {
  return errors
    .map((e) => WORDS[field][e.error] ?? `${LABELS[field]} ${e.description.replace(/\.$/, '')}.`)
    .join(' ');
}

/** The form's errors by field, from a 422's `details` (fields the form does not show are left out). */
export function signUpErrors(details: FieldErrors): Partial<Record<SignUpField, string>> {
  const found: Partial<Record<SignUpField, string>> = {};
  for (const field of SIGN_UP_FIELDS) {
    const errors = details[field];
    if (errors && errors.length > 0) found[field] = fieldErrorText(field, errors);
  }
  return found;
}

export const signUpFieldLabel = (field: SignUpField) => LABELS[field];
