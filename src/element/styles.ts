/**
 * @module The element's default look: one constructable stylesheet adopted by the document (no
 * `<style>` element, no style attribute, so a CSP without 'unsafe-inline' holds).
 */

// Every selector sits in :where() (specificity 0), so any rule of the page's own stylesheet wins.
// Colours come from custom properties a page may set: --passrotate-ok, --passrotate-bad, --passrotate-muted.
const CSS = `
:where(passrotate-password){display:block}
:where(passrotate-password .passrotate-row){display:flex;gap:.25rem;align-items:stretch}
:where(passrotate-password .passrotate-row>input){flex:1 1 auto;min-width:0}
:where(passrotate-password .passrotate-button){display:inline-flex;align-items:center;gap:.3rem;font:inherit;cursor:pointer;white-space:nowrap}
:where(passrotate-password button svg){width:1.1em;height:1.1em;flex-shrink:0}
:where(passrotate-password .passrotate-title){font-weight:600;margin:.5rem 0 .25rem}
:where(passrotate-password [data-role=requirements]){list-style:none;margin:0;padding:0}
:where(passrotate-password [data-role=requirements] li){position:relative;padding-left:1.5em;color:var(--passrotate-muted,#4b5563)}
:where(passrotate-password [data-role=requirements] li)::before{content:"\\25CB";position:absolute;left:.2em}
:where(passrotate-password [data-role=requirements] li.met){color:var(--passrotate-ok,#15803d)}
:where(passrotate-password [data-role=requirements] li.met)::before{content:"\\2713"}
:where(passrotate-password [data-role=requirements] li.unmet.touched){color:var(--passrotate-bad,#b91c1c)}
:where(passrotate-password [data-role=requirements] li.unmet.touched)::before{content:"\\2717"}
:where(passrotate-password [data-role=requirements] li.pending)::before{content:"\\2026"}
:where(.passrotate-match){min-height:1.3em;margin:.25rem 0 0;color:var(--passrotate-bad,#b91c1c)}
:where(.passrotate-visually-hidden){position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

let sheet: CSSStyleSheet | undefined;

/**
 * Adopts the element's stylesheet into `document` once (a no-op where constructable stylesheets are
 * missing: the element then takes the page's look alone).
 *
 * @example
 * ```ts
 * adoptStyles(document);
 * ```
 */
export function adoptStyles(document: Document): void {
  if (sheet !== undefined || !('adoptedStyleSheets' in document)) return;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
