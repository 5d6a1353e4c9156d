/** @module Reads the string fields of a form or JSON body, bounded, or says what is wrong. */
import type { Context } from 'hono';
import type { ServiceEnv } from './service-env.js';

/** The longest field the service reads: far above any password a policy allows (max 4096 code points). */
const MAX_FIELD_LENGTH = 16_384;

/** The fields of a request body: strings and booleans only. */
export type Fields = Readonly<Record<string, string | boolean | undefined>>;

function keepScalars(body: Record<string, unknown>): Fields {
  const fields: Record<string, string | boolean> = {};
  for (const [name, value] of Object.entries(body)) {
    if ((typeof value === 'string' && value.length <= MAX_FIELD_LENGTH) || typeof value === 'boolean') {
      fields[name] = value;
    }
  }
  return fields;
}

/** The fields of a `application/x-www-form-urlencoded` or `multipart/form-data` body (files dropped). */
export async function readForm(c: Context<ServiceEnv>): Promise<Fields> {
  try {
    return keepScalars(await c.req.parseBody());
  } catch {
    return {};
  }
}

/** The fields of a JSON object body, or `null` when the body is not a JSON object. */
export async function readJson(c: Context<ServiceEnv>): Promise<Fields | null> {
  try {
    const body: unknown = await c.req.json();
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? keepScalars(body as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** `fields[name]` when it is a non-empty string. */
export function text(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
