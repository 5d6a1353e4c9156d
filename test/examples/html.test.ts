import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributes, escapeHtml, html, SafeHtml } from '../../examples/shared/html.js';

describe('html template tag', () => {
  it('escapes every interpolated string so no markup can be injected', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(html`<p title="${text}">${text}</p>`.value).toBe(`<p title="${escaped}">${escaped}</p>`);
        const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' };
        expect(escaped.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => named[name] ?? '')).toBe(text);
      }),
    );
  });

  it('passes SafeHtml through, joins arrays and drops null, undefined and booleans', () => {
    const items = ['<a>', 'b'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}${null}${undefined}${false}${true}${0}</ul>`.value).toBe(
      '<ul><li>&lt;a&gt;</li><li>b</li>0</ul>',
    );
    expect(html`${new SafeHtml('<b>ok</b>')}`.value).toBe('<b>ok</b>');
  });

  it('renders attributes, dropping false ones and refusing unsafe names', () => {
    expect(attributes({ minlength: 8, required: true, hidden: false, title: 'a"b' }).value).toBe(
      ' minlength="8" required title="a&quot;b"',
    );
    expect(() => attributes({ 'onload x': 'y' })).toThrow(TypeError);
  });
});
