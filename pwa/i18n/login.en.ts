// English strings of the sign-in screen.
import type { LoginStrings } from './login.sv';

export const loginEn: LoginStrings = {
  title: 'Sign in',
  intro: 'Sign in once while online. After that the app works without signal too.',
  username: 'Username',
  password: 'Password',
  submit: 'Sign in',
  busy: 'Signing in …',
  wrong: 'Wrong username or password.',
  offline: 'You are offline. The first sign-in needs a connection.',
  failed: 'Sign-in failed. Please try again.',
  otherUserPending: 'This device has changes that are not yet saved on the server. Sign in as the same person again so that they can sync.',
  again: 'Your sign-in has expired. Sign in again to sync. Nothing you did is lost.',
  locked: (minutes: number) => `Too many failed sign-ins. The account is locked for ${minutes} min. Try again later or contact your administrator.`,
  blocked: 'The account is blocked. Contact your administrator.',
  wiped: {
    pin_attempts: 'The device was wiped after too many wrong PINs. Sign in again.',
    revoked: 'An administrator has blocked this device, and it has been wiped.',
    offline_too_long: 'The device has not reached the server for too long and was wiped for security. Sign in again.',
  },
};
