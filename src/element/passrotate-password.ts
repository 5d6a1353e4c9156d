/**
 * @module `<passrotate-password>`: enhances the password input inside it with requirement lines that
 * tick as the user types, Generate, Show and Copy buttons and a confirmation check.
 */
import {
  checkRequirements,
  definePolicy,
  describePolicy,
  generatePassword,
  type LocaleId,
  loadCommonPasswords,
  type Policy,
  toHtmlAttributes,
  type ValidationContext,
} from '../browser/index.js';
import { build, icon } from './dom.js';
import { ELEMENT_MESSAGES, type ElementMessages, elementMessages, resolveLocale } from './messages.js';
import { readPolicySpec } from './policy-source.js';
import { adoptStyles } from './styles.js';

/** How long typing must pause before the live region announces the progress. */
const ANNOUNCE_DELAY_MS = 800;

let nextId = 0;

function ensureId(element: HTMLElement): string {
  element.id ||= `passrotate-${++nextId}`;
  return element.id;
}

/**
 * The `<passrotate-password>` custom element. It wraps a server-rendered `<input type="password">`
 * (so the form works without script) and, once its policy is read, adds:
 * - requirement lines (`describePolicy` in the page's locale) ticked live with `checkRequirements`,
 *   plus a polite live region announcing the progress once typing pauses;
 * - Generate (`generatePassword`, filling the confirmation too), Show/Hide, and Copy (Clipboard API);
 * - a mismatch hint under the confirmation field.
 *
 * Attributes: `data-policy` (JSON spec for `definePolicy`) or `data-policy-url` (JSON endpoint
 * answering {@link PolicyEndpointBody}); `data-locale` (else the nearest `lang`); `data-account` and
 * `data-display-name` (the account check); `data-confirm` and `data-current` (selectors of the
 * confirmation and current-password inputs); `data-actions` (default `"show generate copy"`);
 * `data-button-class` (classes of the buttons, default `passrotate-button`); `data-label-*`
 * (overrides of {@link ElementMessages}); `data-common-passwords="lazy"` (load the common-password
 * list with `loadCommonPasswords` the first time the input gets focus, so the line is judged in the
 * page — only where the element was bundled with code splitting; the published single file has no
 * list to load and leaves that line to the server). A `ul[data-role="requirements"]` inside the element (the
 * server's own list for script-less browsers) is reused; otherwise the element adds its own.
 *
 * Events: `passrotate-ready` once enhanced; `passrotate-error` (`detail`: the error) when the policy
 * cannot be read, leaving the plain input in place.
 *
 * @example
 * ```html
 * <script type="module" src="/assets/passrotate-password.js"></script>
 * <label for="pw">New password</label>
 * <passrotate-password data-policy='{"minLength":12,"minDigit":1}' data-confirm="#pw2">
 *   <input type="password" id="pw" name="password" required>
 * </passrotate-password>
 * ```
 */
export class PassrotatePasswordElement extends HTMLElement {
  #started = false;
  #policy: Policy | null = null;
  #locale: LocaleId = 'en';
  #words: ElementMessages = ELEMENT_MESSAGES.en;
  #input: HTMLInputElement | null = null;
  #confirm: HTMLInputElement | null = null;
  #current: HTMLInputElement | null = null;
  #list: HTMLElement | null = null;
  #status: HTMLElement | null = null;
  #match: HTMLElement | null = null;
  #toggle: HTMLButtonElement | null = null;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;

  /** The policy in force, once read (`null` before, or when it could not be read). */
  get policy(): Policy | null {
    return this.#policy;
  }

  /** Enhances the input once, when the element is first attached (after the parser has filled it). */
  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => void this.#start(), { once: true });
    } else {
      void this.#start();
    }
  }

  async #start(): Promise<void> {
    let policy: Policy;
    try {
      policy = definePolicy(await readPolicySpec(this));
    } catch (error) {
      this.dataset.state = 'error';
      console.error('passrotate-password: no usable policy', error);
      this.dispatchEvent(new CustomEvent('passrotate-error', { detail: error }));
      return;
    }
    const root = this.getRootNode() as Document | ShadowRoot;
    const find = (selector: string | undefined): HTMLInputElement | null =>
      selector ? root.querySelector<HTMLInputElement>(selector) : null;
    this.#confirm = find(this.dataset.confirm);
    this.#current = find(this.dataset.current);
    const input = [...this.querySelectorAll<HTMLInputElement>('input[type="password"]')].find(
      (candidate) => candidate !== this.#confirm && candidate !== this.#current,
    );
    if (input === undefined) {
      this.dataset.state = 'error';
      console.error('passrotate-password: no <input type="password"> inside');
      this.dispatchEvent(new CustomEvent('passrotate-error', { detail: new TypeError('no password input') }));
      return;
    }
    this.#policy = policy;
    this.#input = input;
    this.#locale = resolveLocale(this);
    this.#words = elementMessages(this, this.#locale);
    adoptStyles(document);
    this.#enhance(input, policy);
    this.dataset.state = 'ready';
    this.dispatchEvent(new CustomEvent('passrotate-ready'));
  }

  #enhance(input: HTMLInputElement, policy: Policy): void {
    const words = this.#words;
    for (const [name, value] of Object.entries(toHtmlAttributes(policy))) {
      if (!input.hasAttribute(name)) input.setAttribute(name, value);
    }

    // Buttons right after the input, in a row the element adds when the input is its direct child.
    let row = input.parentElement as HTMLElement;
    if (row === this) {
      row = build('div', { class: 'passrotate-row' });
      input.replaceWith(row);
      row.append(input);
    }
    const actions = (this.dataset.actions ?? 'show generate copy').split(/\s+/);
    const buttonClass = this.dataset.buttonClass ?? 'passrotate-button';
    const button = (action: string, name: 'show' | 'generate' | 'copy', label: HTMLElement) =>
      build(
        'button',
        { type: 'button', class: buttonClass, 'data-action': action, 'aria-controls': ensureId(input) },
        icon(name),
        label,
      );
    const buttons: HTMLButtonElement[] = [];
    if (actions.includes('show')) {
      const toggle = button('toggle', 'show', build('span', { 'data-role': 'toggle-label' }, words.show));
      toggle.addEventListener('click', () => this.#setVisible(input.type === 'password'));
      this.#toggle = toggle;
      buttons.push(toggle);
    }
    if (actions.includes('generate')) {
      const generate = button('generate', 'generate', build('span', {}, words.generate));
      generate.title = words.generateTitle;
      generate.addEventListener('click', () => this.#generate());
      buttons.push(generate);
    }
    if (actions.includes('copy')) {
      const label = build('span', { 'data-role': 'copy-label' }, words.copy);
      const copy = button('copy', 'copy', label);
      copy.addEventListener('click', () => void this.#copy(label));
      buttons.push(copy);
    }
    input.after(...buttons);

    this.#list = this.querySelector<HTMLElement>('ul[data-role="requirements"]') ?? this.#addList(row);
    this.#describe(input, this.#list);
    this.#list.replaceChildren(
      ...describePolicy(policy, { locale: this.#locale })
        // Similarity to the current password only where the form has one.
        .filter((line) => line.code !== 'too_similar_to_current' || this.#current !== null)
        .map((line) =>
          build(
            'li',
            { class: 'unmet', 'data-code': line.code, 'data-codes': line.codes.join(' ') },
            line.text,
            build('span', { class: 'passrotate-visually-hidden', 'data-role': 'state' }),
          ),
        ),
    );
    this.#status = build('p', {
      class: 'passrotate-visually-hidden',
      role: 'status',
      'aria-live': 'polite',
      'data-role': 'status',
    });
    this.append(this.#status);

    if (this.#confirm) {
      this.#match = build('p', { class: 'passrotate-match', 'data-role': 'match', 'aria-live': 'polite' });
      this.#confirm.after(this.#match);
      this.#describe(this.#confirm, this.#match);
      this.#confirm.addEventListener('input', () => this.#refresh());
    }
    input.addEventListener('input', () => {
      this.#refresh();
      this.#announceLater();
    });
    if (this.dataset.commonPasswords === 'lazy') this.#loadCommonPasswordsOnFocus(input);
    this.#current?.addEventListener('input', () => this.#refresh());
    input.form?.addEventListener('reset', () =>
      setTimeout(() => {
        this.#setVisible(false);
        this.#refresh();
      }),
    );
    this.#refresh();
  }

  /** Loads the common-password list at the first focus (now, if the input already has it). */
  #loadCommonPasswordsOnFocus(input: HTMLInputElement): void {
    // Until it has loaded, or when it cannot (the published file has no list), the line stays pending.
    const load = () =>
      void loadCommonPasswords().then(
        () => this.#refresh(),
        () => {},
      );
    if (document.activeElement === input) load();
    else input.addEventListener('focus', load, { once: true });
  }

  #addList(row: HTMLElement): HTMLElement {
    const title = build('p', { class: 'passrotate-title' }, this.#words.requirements);
    const list = build('ul', { 'data-role': 'requirements', 'aria-labelledby': ensureId(title) });
    row.after(build('div', { class: 'passrotate-requirements' }, title, list));
    return list;
  }

  /** Adds `target` to the `aria-describedby` of `input` unless something it names already holds it. */
  #describe(input: HTMLInputElement, target: HTMLElement): void {
    const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    if (ids.some((id) => document.getElementById(id)?.contains(target))) return;
    input.setAttribute('aria-describedby', [...ids, ensureId(target)].join(' '));
  }

  #context(): ValidationContext {
    const { account, displayName } = this.dataset;
    return {
      ...(account ? { account } : {}),
      ...(displayName ? { displayName } : {}),
      ...(this.#current?.value ? { currentPassword: this.#current.value } : {}),
    };
  }

  /** Ticks every line, updates the confirmation hint; returns how many judged lines are met. */
  #refresh(): { met: number; total: number } {
    const input = this.#input as HTMLInputElement;
    const words = this.#words;
    const touched = input.value.length > 0;
    const statuses = new Map(
      checkRequirements(this.#policy as Policy, input.value, this.#context()).map((s) => [
        s.code as string,
        s.met,
      ]),
    );
    let met = 0;
    let total = 0;
    for (const line of this.#list?.querySelectorAll<HTMLElement>('li[data-code]') ?? []) {
      // `null`: not judged here (reuse, breach, the common-password list until it has loaded).
      const judged = statuses.get(line.dataset.code ?? '') ?? null;
      const state = judged === null ? null : touched && judged;
      if (state !== null) total++;
      if (state === true) met++;
      line.classList.toggle('met', state === true);
      line.classList.toggle('unmet', state === false);
      line.classList.toggle('pending', state === null);
      line.classList.toggle('touched', touched);
      const text = state === null ? words.checkedOnSave : state ? words.met : words.unmet;
      const label = line.querySelector('[data-role="state"]');
      if (label) label.textContent = ` (${text})`;
    }
    if (this.#confirm && this.#match) {
      const mismatch = this.#confirm.value.length > 0 && this.#confirm.value !== input.value;
      this.#match.textContent = mismatch ? words.mismatch : '';
      this.#match.classList.toggle('bad', mismatch);
      this.#confirm.toggleAttribute('aria-invalid', mismatch);
    }
    return { met, total };
  }

  /** Announces "n of m requirements met" once typing pauses (not on every keystroke). */
  #announceLater(): void {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      if ((this.#input?.value ?? '') === '') return;
      const { met, total } = this.#refresh();
      this.#announce(this.#words.progress.replace('{met}', String(met)).replace('{total}', String(total)));
    }, ANNOUNCE_DELAY_MS);
  }

  #announce(text: string): void {
    if (this.#status) this.#status.textContent = text;
  }

  #setVisible(visible: boolean): void {
    for (const field of [this.#input, this.#confirm]) if (field) field.type = visible ? 'text' : 'password';
    const label = this.#toggle?.querySelector('[data-role="toggle-label"]');
    if (label) label.textContent = visible ? this.#words.hide : this.#words.show;
  }

  #generate(): void {
    const input = this.#input as HTMLInputElement;
    const { account, displayName } = this.#context();
    // Mail-client safe specials and no look-alikes: the password may be typed on a phone or read aloud.
    const password = generatePassword(this.#policy as Policy, {
      specials: 'mail-safe',
      excludeLookAlikes: true,
      context: { ...(account ? { account } : {}), ...(displayName ? { displayName } : {}) },
    });
    for (const field of [input, this.#confirm]) {
      if (!field) continue;
      field.value = password;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
    clearTimeout(this.#announceTimer);
    this.#setVisible(true);
    this.#refresh();
    input.focus();
    input.select();
    this.#announce(this.#words.generated);
  }

  async #copy(label: HTMLElement): Promise<void> {
    const input = this.#input as HTMLInputElement;
    if (input.value === '') return;
    try {
      await navigator.clipboard.writeText(input.value);
    } catch {
      input.select();
      this.#announce(this.#words.copyFailed);
      return;
    }
    label.textContent = this.#words.copied;
    this.#announce(this.#words.copied);
    setTimeout(() => {
      label.textContent = this.#words.copy;
    }, 2000);
  }
}
