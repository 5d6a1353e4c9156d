import fc from 'fast-check';
import { policySpecSchema } from './scratch-old-schema.ts';
import { parsePolicySpec } from './src/policy/spec-schema.ts';
function old(spec: unknown) {
  const r = policySpecSchema.safeParse(spec);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0]!;
  const keys = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '';
  return { ok: false, issue: { field: keys || issue.path.join('.') || '(spec)', message: issue.message } };
}
const val = fc.oneof(fc.constantFrom(undefined, null, 0, 1, 2, 3, 4, 5, 1.5, -1, 100, 101, 4096, 4097, NaN, '', 'a', 'any', 'printable_ascii', true, false, [], ['digit'], ['x'], ['digit','special','upper'], ['', 'x'], { custom: 'ab' }, { custom: '' }, { kind: 'any' }, { kind: 'custom', characters: 'ab' }, { kind: 'printable_ascii', characters: 'x' }, { count: 2 }, { count: 2, of: ['digit'] }, { count: 0 }, { of: ['digit'] }, { count: 2, extra: 1 }, { minEditDistance: 2 }, { minEditDistance: 0 }, { minEditDistance: 2, x: 1 }, { custom: 'ab', x: 1 }, { custom: 5 }, { custom: 'a', kind: 'custom' }, { kind: 'any', x: 1 }, { count: 1, of: ['digit'], y: 2 }, -Infinity, Infinity, 2**60, -(2**60), '!@#'), fc.anything());
const keys = ['minLength','maxLength','minUppercase','minLowercase','minDigit','minSpecial','specialCharacters','minClasses','allowedCharacters','requireNormalized','maxRepeated','maxSequence','accountCheck','blocklist','blockedWords','similarity','historySize','rejectBreached','minLenght','zzz'];
const spec = fc.oneof(fc.dictionary(fc.constantFrom(...keys), val, { maxKeys: 3 }), fc.anything());
let diffs = 0;
fc.assert(fc.property(spec, (s) => {
  const a = JSON.stringify(old(s)); const b = JSON.stringify(parsePolicySpec(s));
  if (a !== b) { diffs++; if (diffs < 15) console.log(JSON.stringify(s), '\n  zod:', a.slice(0, 200), '\n  new:', b.slice(0, 200)); }
  return true;
}), { numRuns: 60000 });
console.log('diffs', diffs);
