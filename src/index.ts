/** @module passrotate */
// Password policy, compliant generation and safe rotation for mail control panels. The root entry is
// pure: no `node:` imports and no I/O, so it also runs in the browser. (The `@module` text stays a bare
// name: on an entry point typedoc uses a one-line `@module` text as the module's name.)
export { PassrotateError } from './errors.js';
export * from './generator/index.js';
export * from './policy/index.js';
export * from './ports/index.js';
export * from './rotation/index.js';
