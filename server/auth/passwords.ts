import { hash, verify, type Algorithm } from "@node-rs/argon2";

// The value of the const enum member, which isolated modules cannot read at run time.
const ARGON2ID: Algorithm.Argon2id = 2;

/** argon2id with the OWASP minimum: 19 MiB of memory, 2 iterations, 1 lane. */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the time of a real verification, so unknown emails answer no faster than known ones. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("not-a-password-of-anyone");
  await verifyPassword(await dummyHash, password);
  return false;
}
