/** @module passrotate/node */
// The one-call wiring for Node servers. A separate entry, because what it wires needs Node:
// the hash worker pool (worker threads) and Dovecot's doveadm revokers (child processes).
// The root `passrotate` stays free of `node:*` imports and runs in the browser.
export {
  createPassrotate,
  type PassrotateHashOptions,
  type PassrotateOptions,
} from './create-passrotate.js';
