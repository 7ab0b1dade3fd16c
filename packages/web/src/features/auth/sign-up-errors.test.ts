import { describe, expect, it } from 'vitest';
import { signUpErrors } from './sign-up-errors';

describe('signUpErrors', () => {
  it.each([
    ['username', 'ERR_BLANK', "can't be blank", 'Choose a username.'],
    ['username', 'ERR_TAKEN', 'is already taken', 'Someone has this username already. Choose another.'],
    ['email', 'ERR_INVALID', 'is invalid', 'This does not look like an email address.'],
    ['password', 'ERR_TOO_SHORT', 'is too short (minimum is 8 characters)', 'Use at least 8 characters.'],
    ['agreement', 'ERR_ACCEPTED', 'must be accepted', 'Agree to the rules to create an account.'],
    ['username', 'ERR_NEW', 'is odd', 'Username is odd.'],
  ])('%s %s reads as plain words', (field, error, description, text) => {
    expect(signUpErrors({ [field]: [{ error, description }] })).toEqual({ [field]: text });
  });

  it('keeps every field at once and drops fields the form does not show', () => {
    const found = signUpErrors({
      username: [{ error: 'ERR_BLANK', description: "can't be blank" }],
      email: [{ error: 'ERR_BLANK', description: "can't be blank" }],
      locale: [{ error: 'ERR_INCLUSION', description: 'is not included in the list' }],
    });
    expect(Object.keys(found)).toEqual(['username', 'email']);
  });
});
