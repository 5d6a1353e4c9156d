/*
 * SHA-crypt (Ulrich Drepper's SHA256-CRYPT / SHA512-CRYPT, https://www.akkadia.org/drepper/SHA-crypt.txt)
 * for WebAssembly: the raw digest (steps 1-21, before the custom base64 transposition), with the
 * SHA-256 and SHA-512 compression functions of FIPS 180-4 (SHA-512 with a 16-word rolling message
 * schedule and unrolled rounds). Freestanding: no libc; memcpy becomes WebAssembly's memory.copy.
 * Build: scripts/build-sha-crypt-wasm.sh, which writes ../node-sha-crypt-wasm.ts.
 *
 * The caller writes the password at pw_buffer() and the salt at salt_buffer(), calls
 * sha_crypt(bits, pw_len, salt_len, rounds), and reads the digest at out_buffer().
 */
typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;

#define MAX_PW 4096
#define MAX_SALT 64

static u8 pw[MAX_PW];
static u8 salt[MAX_SALT];
static u8 out[64];

__attribute__((export_name("pw_buffer"))) u8 *pw_buffer(void) { return pw; }
__attribute__((export_name("salt_buffer"))) u8 *salt_buffer(void) { return salt; }
__attribute__((export_name("out_buffer"))) u8 *out_buffer(void) { return out; }
__attribute__((export_name("max_password"))) u32 max_password(void) { return MAX_PW; }
__attribute__((export_name("max_salt"))) u32 max_salt(void) { return MAX_SALT; }

static void copy(u8 *dst, const u8 *src, u32 n) { __builtin_memcpy(dst, src, n); }

/* ---- SHA-256 ---- */
static const u32 K256[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROR32(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha256_block(u32 *h, const u8 *p) {
  u32 w[64];
  for (int i = 0; i < 16; i++) {
    u32 v;
    __builtin_memcpy(&v, p + 4 * i, 4);
    w[i] = __builtin_bswap32(v);
  }
  for (int i = 16; i < 64; i++) {
    u32 s0 = ROR32(w[i - 15], 7) ^ ROR32(w[i - 15], 18) ^ (w[i - 15] >> 3);
    u32 s1 = ROR32(w[i - 2], 17) ^ ROR32(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  u32 a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
  for (int i = 0; i < 64; i++) {
    u32 t1 = k + (ROR32(e, 6) ^ ROR32(e, 11) ^ ROR32(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + w[i];
    u32 t2 = (ROR32(a, 2) ^ ROR32(a, 13) ^ ROR32(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    k = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}

/* ---- SHA-512 ---- */
static const u64 K512[80] = {
  0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
  0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
  0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
  0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
  0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
  0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
  0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
  0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
  0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
  0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
  0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
  0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
  0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
  0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
  0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
  0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
  0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
  0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
  0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
  0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL};

#define ROR64(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

static u64 load_be64(const u8 *p) {
  u64 v;
  __builtin_memcpy(&v, p, 8);
  return __builtin_bswap64(v);
}

#define S512_ROUND(a, b, c, d, e, f, g, h, i, wv)                                                   \
  do {                                                                                              \
    u64 t1 = h + (ROR64(e, 14) ^ ROR64(e, 18) ^ ROR64(e, 41)) + ((e & f) ^ (~e & g)) + K512[i] + wv; \
    u64 t2 = (ROR64(a, 28) ^ ROR64(a, 34) ^ ROR64(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));          \
    d += t1;                                                                                        \
    h = t1 + t2;                                                                                    \
  } while (0)

static void sha512_block(u64 *st, const u8 *p) {
  u64 w[16];
  for (int i = 0; i < 16; i++) w[i] = load_be64(p + 8 * i);
  u64 a = st[0], b = st[1], c = st[2], d = st[3], e = st[4], f = st[5], g = st[6], h = st[7];
  for (int i = 0; i < 80; i += 8) {
    if (i >= 16) {
      for (int j = 0; j < 8; j++) {
        int k = (i + j) & 15;
        u64 w15 = w[(i + j - 15) & 15], w2 = w[(i + j - 2) & 15];
        u64 s0 = ROR64(w15, 1) ^ ROR64(w15, 8) ^ (w15 >> 7);
        u64 s1 = ROR64(w2, 19) ^ ROR64(w2, 61) ^ (w2 >> 6);
        w[k] += s0 + w[(i + j - 7) & 15] + s1;
      }
    }
    S512_ROUND(a, b, c, d, e, f, g, h, i + 0, w[(i + 0) & 15]);
    S512_ROUND(h, a, b, c, d, e, f, g, i + 1, w[(i + 1) & 15]);
    S512_ROUND(g, h, a, b, c, d, e, f, i + 2, w[(i + 2) & 15]);
    S512_ROUND(f, g, h, a, b, c, d, e, i + 3, w[(i + 3) & 15]);
    S512_ROUND(e, f, g, h, a, b, c, d, i + 4, w[(i + 4) & 15]);
    S512_ROUND(d, e, f, g, h, a, b, c, i + 5, w[(i + 5) & 15]);
    S512_ROUND(c, d, e, f, g, h, a, b, i + 6, w[(i + 6) & 15]);
    S512_ROUND(b, c, d, e, f, g, h, a, i + 7, w[(i + 7) & 15]);
  }
  st[0] += a; st[1] += b; st[2] += c; st[3] += d; st[4] += e; st[5] += f; st[6] += g; st[7] += h;
}

/* ---- one incremental hash context for both ---- */
typedef struct {
  int wide;       /* 1: SHA-512 (128-byte blocks), 0: SHA-256 (64-byte blocks) */
  u32 block_size;
  u64 h64[8];
  u32 h32[8];
  u8 buf[128];
  u32 fill;
  u64 length;
} Ctx;

static void ctx_init(Ctx *c, int wide) {
  c->wide = wide;
  c->block_size = wide ? 128 : 64;
  c->fill = 0;
  c->length = 0;
  if (wide) {
    c->h64[0] = 0x6a09e667f3bcc908ULL; c->h64[1] = 0xbb67ae8584caa73bULL;
    c->h64[2] = 0x3c6ef372fe94f82bULL; c->h64[3] = 0xa54ff53a5f1d36f1ULL;
    c->h64[4] = 0x510e527fade682d1ULL; c->h64[5] = 0x9b05688c2b3e6c1fULL;
    c->h64[6] = 0x1f83d9abfb41bd6bULL; c->h64[7] = 0x5be0cd19137e2179ULL;
  } else {
    c->h32[0] = 0x6a09e667; c->h32[1] = 0xbb67ae85; c->h32[2] = 0x3c6ef372; c->h32[3] = 0xa54ff53a;
    c->h32[4] = 0x510e527f; c->h32[5] = 0x9b05688c; c->h32[6] = 0x1f83d9ab; c->h32[7] = 0x5be0cd19;
  }
}

static void ctx_block(Ctx *c, const u8 *p) {
  if (c->wide) sha512_block(c->h64, p);
  else sha256_block(c->h32, p);
}

static void ctx_update(Ctx *c, const u8 *p, u32 n) {
  c->length += n;
  if (c->fill) {
    u32 take = c->block_size - c->fill;
    if (take > n) take = n;
    copy(c->buf + c->fill, p, take);
    c->fill += take; p += take; n -= take;
    if (c->fill < c->block_size) return;
    ctx_block(c, c->buf);
    c->fill = 0;
  }
  while (n >= c->block_size) {
    ctx_block(c, p);
    p += c->block_size; n -= c->block_size;
  }
  copy(c->buf, p, n);
  c->fill = n;
}

/* Finishes the hash and writes the digest (32 or 64 bytes) to `dst`. */
static void ctx_final(Ctx *c, u8 *dst) {
  u32 bs = c->block_size;
  u32 len_bytes = c->wide ? 16 : 8;
  u64 bits = c->length << 3;
  c->buf[c->fill++] = 0x80;
  if (c->fill > bs - len_bytes) {
    while (c->fill < bs) c->buf[c->fill++] = 0;
    ctx_block(c, c->buf);
    c->fill = 0;
  }
  while (c->fill < bs - 8) c->buf[c->fill++] = 0;
  for (int i = 7; i >= 0; i--) c->buf[c->fill++] = (u8)(bits >> (8 * i));
  ctx_block(c, c->buf);
  if (c->wide) {
    for (int i = 0; i < 8; i++)
      for (int j = 0; j < 8; j++) dst[8 * i + j] = (u8)(c->h64[i] >> (56 - 8 * j));
  } else {
    for (int i = 0; i < 8; i++)
      for (int j = 0; j < 4; j++) dst[4 * i + j] = (u8)(c->h32[i] >> (24 - 8 * j));
  }
}

static u8 p_bytes[MAX_PW];
static u8 s_bytes[MAX_SALT];

/* Returns 0 on success, -1 when a length exceeds the static buffers. */
__attribute__((export_name("sha_crypt"))) int sha_crypt(u32 bits, u32 pw_len, u32 salt_len, u32 rounds) {
  if (pw_len > MAX_PW || salt_len > MAX_SALT) return -1;
  int wide = bits == 512;
  u32 size = wide ? 64 : 32;
  Ctx ctx, alt;
  u8 a[64], dp[64], ds[64];

  /* Steps 4-8: digest B = H(P S P). */
  ctx_init(&alt, wide);
  ctx_update(&alt, pw, pw_len);
  ctx_update(&alt, salt, salt_len);
  ctx_update(&alt, pw, pw_len);
  ctx_final(&alt, a);
  /* Steps 1-3, 9-12: digest A. */
  ctx_init(&ctx, wide);
  ctx_update(&ctx, pw, pw_len);
  ctx_update(&ctx, salt, salt_len);
  u32 n;
  for (n = pw_len; n > size; n -= size) ctx_update(&ctx, a, size);
  ctx_update(&ctx, a, n);
  for (n = pw_len; n > 0; n >>= 1) {
    if (n & 1) ctx_update(&ctx, a, size);
    else ctx_update(&ctx, pw, pw_len);
  }
  ctx_final(&ctx, a);
  /* Steps 13-16: the P sequence. */
  ctx_init(&alt, wide);
  for (n = 0; n < pw_len; n++) ctx_update(&alt, pw, pw_len);
  ctx_final(&alt, dp);
  for (n = 0; n < pw_len; n++) p_bytes[n] = dp[n % size];
  /* Steps 17-20: the S sequence. */
  ctx_init(&alt, wide);
  for (n = 0; n < 16u + a[0]; n++) ctx_update(&alt, salt, salt_len);
  ctx_final(&alt, ds);
  for (n = 0; n < salt_len; n++) s_bytes[n] = ds[n % size];
  /* Step 21: the rounds. */
  for (u32 i = 0; i < rounds; i++) {
    ctx_init(&ctx, wide);
    if (i & 1) ctx_update(&ctx, p_bytes, pw_len);
    else ctx_update(&ctx, a, size);
    if (i % 3) ctx_update(&ctx, s_bytes, salt_len);
    if (i % 7) ctx_update(&ctx, p_bytes, pw_len);
    if (i & 1) ctx_update(&ctx, a, size);
    else ctx_update(&ctx, p_bytes, pw_len);
    ctx_final(&ctx, a);
  }
  copy(out, a, size);
  return 0;
}
