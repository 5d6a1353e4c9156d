/** @module passrotate/element */
// The `<passrotate-password>` custom element, one self-contained browser ES module: load it with
// `<script type="module" src="…/passrotate-password.js">` and wrap the new-password input. Importing
// it defines the element (once); it needs a browser (customElements, HTMLElement).
import { PassrotatePasswordElement } from './passrotate-password.js';

export type { ElementMessages } from './messages.js';
export { ELEMENT_MESSAGES } from './messages.js';
export { PassrotatePasswordElement } from './passrotate-password.js';
export type { PolicyEndpointBody } from './policy-source.js';

/**
 * The tag name the module defines.
 *
 * @example
 * ```ts
 * document.createElement(ELEMENT_TAG);
 * ```
 */
export const ELEMENT_TAG = 'passrotate-password';

if (!customElements.get(ELEMENT_TAG)) customElements.define(ELEMENT_TAG, PassrotatePasswordElement);
