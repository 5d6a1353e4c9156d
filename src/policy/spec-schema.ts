/** @module The zod schema of a policy spec (shape and ranges; cross-field checks live in define-policy). */
import * as z from 'zod';

const characterClass = z.enum(['uppercase', 'lowercase', 'digit', 'special']);
const count = z.number().int().min(0).max(4096);

/**
 * The resolved spec, every default filled in (internal).
 *
 * @example
 * ```ts
 * const parsed: ParsedSpec = policySpecSchema.parse({ minLength: 10 });
 * ```
 */
export interface ParsedSpec {
  minLength: number;
  maxLength: number;
  minUppercase: number;
  minLowercase: number;
  minDigit: number;
  minSpecial: number;
  specialCharacters?: string | undefined;
  minClasses?:
    | { count: number; of?: ('uppercase' | 'lowercase' | 'digit' | 'special')[] | undefined }
    | null
    | undefined;
  allowedCharacters: 'any' | 'printable_ascii' | { custom: string };
  requireNormalized: boolean;
  maxRepeated?: number | null | undefined;
  maxSequence?: number | null | undefined;
  accountCheck: boolean;
  blocklist: boolean;
  blockedWords: string[];
  similarity: false | null | { minEditDistance: number };
  historySize: number;
  rejectBreached: boolean;
}

/**
 * Validates the shape of a spec and fills defaults; unknown keys are refused (typos).
 *
 * @example
 * ```ts
 * policySpecSchema.safeParse({ minLenght: 8 }).success; // false (unknown key)
 * ```
 */
export const policySpecSchema: z.ZodType<ParsedSpec, unknown> = z.strictObject({
  minLength: z.number().int().min(1).max(4096).default(8),
  maxLength: z.number().int().min(1).max(4096).default(128),
  minUppercase: count.default(0),
  minLowercase: count.default(0),
  minDigit: count.default(0),
  minSpecial: count.default(0),
  specialCharacters: z.string().max(1024).optional(),
  minClasses: z
    .strictObject({
      count: z.number().int().min(1).max(4),
      of: z.array(characterClass).min(1).max(4).optional(),
    })
    .nullable()
    .optional(),
  allowedCharacters: z
    .union([
      z.enum(['any', 'printable_ascii']),
      z.strictObject({ custom: z.string().min(1).max(4096) }),
      // The resolved form, so that a Policy is itself a valid spec.
      z.strictObject({ kind: z.literal('any') }).transform(() => 'any' as const),
      z
        .strictObject({ kind: z.literal('printable_ascii'), characters: z.string() })
        .transform(() => 'printable_ascii' as const),
      z
        .strictObject({ kind: z.literal('custom'), characters: z.string().min(1).max(4096) })
        .transform((a) => ({ custom: a.characters })),
    ])
    .default('any'),
  requireNormalized: z.boolean().default(true),
  maxRepeated: z.number().int().min(1).max(4096).nullable().optional(),
  maxSequence: z.number().int().min(2).max(4096).nullable().optional(),
  accountCheck: z.boolean().default(true),
  blocklist: z.boolean().default(true),
  blockedWords: z.array(z.string().min(1).max(256)).max(10_000).default([]),
  similarity: z
    .union([z.literal(false), z.null(), z.strictObject({ minEditDistance: z.number().int().min(1).max(64) })])
    .default({ minEditDistance: 3 }),
  historySize: z.number().int().min(0).max(100).default(0),
  rejectBreached: z.boolean().default(false),
});
