/** @module Tiny DOM builders for the element (no innerHTML: nothing is parsed from strings). */

/**
 * Creates an HTML element with attributes and children.
 *
 * @example
 * ```ts
 * build('button', { type: 'button', 'data-action': 'copy' }, 'Copy');
 * ```
 */
export function build<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string>>,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/** The icons of the element's buttons. */
export type IconName = 'show' | 'generate' | 'copy';

/** The icons of the three buttons, as SVG shapes on a 24×24 grid (the same strokes as the example panels). */
const ICONS: Readonly<Record<IconName, readonly (readonly [string, Readonly<Record<string, string>>])[]>> = {
  show: [
    ['path', { d: 'M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z' }],
    ['circle', { cx: '12', cy: '12', r: '3' }],
  ],
  generate: [
    ['path', { d: 'M21 12a9 9 0 1 1-2.64-6.36' }],
    ['path', { d: 'M21 3v6h-6' }],
  ],
  copy: [
    ['rect', { x: '9', y: '9', width: '13', height: '13', rx: '2' }],
    ['path', { d: 'M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1' }],
  ],
};

/**
 * A decorative (aria-hidden) stroke icon.
 *
 * @example
 * ```ts
 * button.append(icon('copy'));
 * ```
 */
export function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [key, value] of Object.entries({
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2',
    'aria-hidden': 'true',
  }))
    svg.setAttribute(key, value);
  for (const [tag, attributes] of ICONS[name]) {
    const shape = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes)) shape.setAttribute(key, value);
    svg.append(shape);
  }
  return svg;
}
