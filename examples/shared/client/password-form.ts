/**
 * @module Browser script of every new-password block: re-defines the server's policy with the same
 * library bundle, ticks requirement lines as the user types, generates a compliant password, toggles
 * visibility, checks the confirmation and copies to the clipboard. It uses the small browser entry; the
 * common-password list arrives as its own chunk the first time a password field gets focus.
 */
import {
  checkRequirements,
  definePolicy,
  generatePassword,
  loadCommonPasswords,
  type Policy,
} from '../../../src/browser/index.js';

/** `met` is `null` for a line only the server can judge (e.g. reuse of an old password). */
function setMet(line: HTMLElement, met: boolean | null, touched: boolean): void {
  line.classList.toggle('met', met === true);
  line.classList.toggle('unmet', met === false);
  line.classList.toggle('touched', touched);
  const state = line.querySelector<HTMLElement>('[data-role="state"]');
  if (state && met !== null)
    state.textContent = ` (${(met ? line.dataset.metLabel : line.dataset.unmetLabel) ?? ''})`;
}

function setVisible(block: HTMLElement, visible: boolean): void {
  const toggle = block.querySelector<HTMLButtonElement>('[data-action="toggle"]');
  for (const input of block.querySelectorAll<HTMLInputElement>(
    'input[data-role="new"], input[data-role="confirm"]',
  )) {
    input.type = visible ? 'text' : 'password';
  }
  if (!toggle) return;
  toggle.setAttribute('aria-pressed', String(visible));
  const label = (visible ? toggle.dataset.hideLabel : toggle.dataset.showLabel) ?? '';
  toggle.title = label;
  const text = toggle.querySelector('[data-role="toggle-label"]');
  if (text) text.textContent = label;
}

function wire(block: HTMLElement): void {
  const spec: unknown = JSON.parse(block.dataset.policy ?? '{}');
  const policy: Policy = definePolicy(spec as Parameters<typeof definePolicy>[0]);
  const identity = { account: block.dataset.account ?? '', displayName: block.dataset.displayName ?? '' };
  // With the current password typed in, the similarity line can be ticked here too.
  const current =
    block.closest('form')?.querySelector<HTMLInputElement>('input[data-role="current"]') ?? null;
  const context = () => (current?.value ? { ...identity, currentPassword: current.value } : identity);
  const input = block.querySelector<HTMLInputElement>('input[data-role="new"]');
  const confirm = block.querySelector<HTMLInputElement>('input[data-role="confirm"]');
  const match = block.querySelector<HTMLElement>('[data-role="match"]');
  // The server rendered the lines of describePolicy(policy), each with its requirement code.
  const lines = [...block.querySelectorAll<HTMLElement>('[data-role="requirements"] li[data-code]')];
  if (!input) return;

  const refresh = (): void => {
    const touched = input.value.length > 0;
    const statuses = new Map(
      checkRequirements(policy, input.value, context()).map((s) => [s.code as string, s.met]),
    );
    for (const line of lines)
      setMet(line, touched ? (statuses.get(line.dataset.code ?? '') ?? null) : false, touched);
    if (confirm && match) {
      const mismatch = confirm.value.length > 0 && confirm.value !== input.value;
      match.textContent = mismatch ? (match.dataset.mismatchLabel ?? '') : '';
      match.classList.toggle('bad', mismatch);
    }
  };

  // Until the list has loaded, the common-password line stays unjudged (the server checks it anyway).
  input.addEventListener('focus', () => loadCommonPasswords().then(refresh, () => {}), { once: true });
  input.addEventListener('input', refresh);
  current?.addEventListener('input', refresh);
  confirm?.addEventListener('input', refresh);
  block.querySelector('[data-action="generate"]')?.addEventListener('click', () => {
    // Mail-client safe specials and no look-alikes: the password may be typed on a phone or read aloud.
    const password = generatePassword(policy, {
      specials: 'mail-safe',
      excludeLookAlikes: true,
      context: identity,
    });
    input.value = password;
    if (confirm) confirm.value = password;
    setVisible(block, true);
    refresh();
    input.focus();
    input.select();
  });
  block.querySelector('[data-action="toggle"]')?.addEventListener('click', () => {
    setVisible(block, input.type === 'password');
  });
  const copy = block.querySelector<HTMLButtonElement>('[data-action="copy"]');
  copy?.addEventListener('click', async () => {
    if (input.value === '') return;
    const label = copy.querySelector('[data-role="copy-label"]');
    const original = label?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(input.value);
    } catch {
      input.select();
      return;
    }
    if (label) label.textContent = copy.dataset.copiedLabel ?? original;
    setTimeout(() => {
      if (label) label.textContent = original;
    }, 2000);
  });
  refresh();
}

for (const block of document.querySelectorAll<HTMLElement>('[data-password-fields]')) wire(block);
