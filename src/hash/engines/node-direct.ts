/** @module A KdfEngine that does the work on the calling thread with node:crypto and optional native/WASM accelerators. */
import { pbkdf2Sync, scryptSync } from 'node:crypto';
import type { Argon2Params, KdfEngine, ScryptParams } from '../kdf-engine.js';
import { shaCryptSync } from './node-sha-crypt.js';

/**
 * Which implementation an engine uses for each primitive.
 *
 * @example
 * ```ts
 * const backends: NodeEngineBackends = await createNodeEngine().backends();
 * backends.argon2; // '@node-rs/argon2' when the native package is installed, else 'reference'
 * ```
 */
export interface NodeEngineBackends {
  /** `@node-rs/argon2` (native) or `reference` (the portable pure-JS engine). */
  readonly argon2: '@node-rs/argon2' | 'reference';
  /** `hash-wasm` (WebAssembly) or `reference`. */
  readonly bcrypt: 'hash-wasm' | 'reference';
  /** `webassembly`: passrotate's own SHA-crypt module (node:crypto only for passwords over 4096 bytes or salts over 64). */
  readonly shaCrypt: 'webassembly';
  readonly pbkdf2: 'node:crypto';
  readonly scrypt: 'node:crypto';
}

/**
 * A {@link KdfEngine} that can also tell which implementation backs each primitive.
 *
 * @example
 * ```ts
 * const engine: DirectKdfEngine = createDirectEngine({ fallback: async () => referenceEngine });
 * (await engine.backends()).bcrypt; // 'hash-wasm' or 'reference'
 * ```
 */
export interface DirectKdfEngine extends KdfEngine {
  /** Loads the optional accelerators (once) and reports which ones are in use. */
  backends(): Promise<NodeEngineBackends>;
}

/**
 * The optional accelerator packages, by the npm name they are imported under.
 *
 * @example
 * ```ts
 * const name: AcceleratorName = '@node-rs/argon2';
 * ```
 */
export type AcceleratorName = '@node-rs/argon2' | 'hash-wasm';

/**
 * Options of {@link createDirectEngine}.
 *
 * @example
 * ```ts
 * const options: DirectEngineOptions = {
 *   fallback: async () => referenceEngine,
 *   importAccelerator: async (name) => Promise.reject(new Error(`${name} disabled`)), // always pure JS
 * };
 * ```
 */
export interface DirectEngineOptions {
  /** The portable engine used where an optional accelerator is missing or cannot take the input. */
  readonly fallback: () => Promise<KdfEngine>;
  /**
   * Imports an accelerator; a rejection means "not installed" and selects the fallback.
   * Default: a dynamic `import(name)`.
   */
  readonly importAccelerator?: (name: AcceleratorName) => Promise<unknown>;
}

interface NodeRsArgon2 {
  hashRawSync(
    password: Uint8Array,
    options: {
      memoryCost: number;
      timeCost: number;
      parallelism: number;
      outputLen: number;
      algorithm: number;
      version: number;
      salt: Uint8Array;
    },
  ): Uint8Array;
}

interface HashWasm {
  bcrypt(options: {
    password: Uint8Array;
    salt: Uint8Array;
    costFactor: number;
    outputType: 'binary';
  }): Promise<Uint8Array>;
}

// @node-rs/argon2's `Algorithm` and `Version` are const enums, which isolated modules cannot read.
const ARGON2_ALGORITHM = { argon2d: 0, argon2i: 1, argon2id: 2 } as const;
const ARGON2_VERSION = { 16: 0, 19: 1 } as const;
const BCRYPT_MAX_KEY = 72;

function isNodeRsArgon2(value: unknown): value is NodeRsArgon2 {
  return typeof (value as Partial<NodeRsArgon2> | null)?.hashRawSync === 'function';
}

function isHashWasm(value: unknown): value is HashWasm {
  return typeof (value as Partial<HashWasm> | null)?.bcrypt === 'function';
}

async function tryImport<T>(
  load: (name: AcceleratorName) => Promise<unknown>,
  name: AcceleratorName,
  guard: (value: unknown) => value is T,
): Promise<T | undefined> {
  try {
    const mod = await load(name);
    return guard(mod) ? mod : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The password bytes hash-wasm must be given so that its own NUL terminator and 72-byte cut yield
 * exactly `key`, or `undefined` when no input does: a short key without a trailing NUL, the empty
 * password's lone NUL (hash-wasm refuses an empty password), or a key with a 0xFF byte — there
 * hash-wasm follows crypt_blowfish's `$2a$` countermeasure (a key word `FF 80…` flips a bit of
 * the key schedule) instead of plain bcrypt. UTF-8 never holds 0xFF, so no password takes that way.
 */
function bcryptPasswordFor(key: Uint8Array): Uint8Array | undefined {
  if (key.includes(0xff)) return undefined;
  if (key.length > 1 && key[key.length - 1] === 0) return key.subarray(0, key.length - 1);
  if (key.length === BCRYPT_MAX_KEY) return key;
  return undefined;
}

/**
 * Creates an engine that computes on the calling thread: node:crypto's synchronous PBKDF2, scrypt
 * and SHA-2 (for SHA-crypt), `@node-rs/argon2` for Argon2 and `hash-wasm` for bcrypt when those
 * optional packages are installed, else the fallback engine. It blocks the thread for the whole
 * computation, so the Node engine runs it inside worker threads.
 *
 * @param options - The fallback engine and, for tests, how accelerators are imported.
 * @returns The engine.
 * @example
 * ```ts
 * const engine = createDirectEngine({ fallback: async () => referenceEngine });
 * const dk = await engine.pbkdf2('sha256', utf8('pw'), salt, 1000, 32);
 * ```
 */
export function createDirectEngine(options: DirectEngineOptions): DirectKdfEngine {
  const load = options.importAccelerator ?? ((name: AcceleratorName) => import(name));
  let argon2Module: Promise<NodeRsArgon2 | undefined> | undefined;
  let hashWasmModule: Promise<HashWasm | undefined> | undefined;
  const nodeRsArgon2 = (): Promise<NodeRsArgon2 | undefined> => {
    argon2Module ??= tryImport(load, '@node-rs/argon2', isNodeRsArgon2);
    return argon2Module;
  };
  const hashWasm = (): Promise<HashWasm | undefined> => {
    hashWasmModule ??= tryImport(load, 'hash-wasm', isHashWasm);
    return hashWasmModule;
  };

  return {
    async backends() {
      const [argon2, wasm] = await Promise.all([nodeRsArgon2(), hashWasm()]);
      return {
        argon2: argon2 ? '@node-rs/argon2' : 'reference',
        bcrypt: wasm ? 'hash-wasm' : 'reference',
        shaCrypt: 'webassembly',
        pbkdf2: 'node:crypto',
        scrypt: 'node:crypto',
      };
    },

    async argon2(password: Uint8Array, salt: Uint8Array, params: Argon2Params) {
      const native = await nodeRsArgon2();
      if (!native) return (await options.fallback()).argon2(password, salt, params);
      const raw = native.hashRawSync(password, {
        memoryCost: params.m,
        timeCost: params.t,
        parallelism: params.p,
        outputLen: params.dkLen,
        algorithm: ARGON2_ALGORITHM[params.type],
        version: ARGON2_VERSION[params.version],
        salt,
      });
      return new Uint8Array(raw);
    },

    async bcrypt(password: Uint8Array, salt: Uint8Array, cost: number) {
      const wasm = await hashWasm();
      const input = bcryptPasswordFor(password);
      if (!wasm || input === undefined) return (await options.fallback()).bcrypt(password, salt, cost);
      const raw = await wasm.bcrypt({ password: input, salt, costFactor: cost, outputType: 'binary' });
      // hash-wasm returns Blowfish's whole 24-byte ciphertext; the bcrypt hash is its first 23 bytes.
      return raw.slice(0, 23);
    },

    async shaCrypt(algorithm: 'sha256' | 'sha512', password: Uint8Array, salt: Uint8Array, rounds: number) {
      return shaCryptSync(algorithm, password, salt, rounds);
    },

    async pbkdf2(
      digest: 'sha1' | 'sha256' | 'sha512',
      password: Uint8Array,
      salt: Uint8Array,
      iterations: number,
      dkLen: number,
    ) {
      // node:crypto returns empty output where the reference refuses; let the reference answer there.
      if (iterations < 1 || dkLen < 1) {
        return (await options.fallback()).pbkdf2(digest, password, salt, iterations, dkLen);
      }
      return new Uint8Array(pbkdf2Sync(password, salt, iterations, dkLen, digest));
    },

    async scrypt(password: Uint8Array, salt: Uint8Array, params: ScryptParams) {
      const { N, r, p, dkLen } = params;
      // OpenSSL needs 128·r·(N + p + 2) bytes; leave headroom so valid parameters are never refused.
      const maxmem = 128 * r * (N + p + 2) + 1024 * 1024;
      if (dkLen >= 1) {
        try {
          return new Uint8Array(scryptSync(password, salt, dkLen, { N, r, p, maxmem }));
        } catch {
          // OpenSSL also enforces RFC 7914's N < 2^(16·r), which stored hashes may break; the
          // reference engine decides what such parameters give (bytes or its own error).
        }
      }
      return (await options.fallback()).scrypt(password, salt, params);
    },
  };
}
