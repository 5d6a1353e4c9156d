/** @module passrotate — password policy, compliant generation and safe rotation for mail control panels. */
// The root entry is pure: no `node:` imports and no I/O, so it also runs in the browser.
export { PassrotateError } from './errors.js';
export * from './generator/index.js';
export * from './policy/index.js';
export * from './ports/index.js';
export * from './rotation/index.js';
