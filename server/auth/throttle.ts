import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import * as throttles from "../../db/repositories/auth-throttles";

interface Rule {
  /** Failures allowed within the window before a block. */
  limit: number;
  windowMs: number;
  blockMs: number;
}

const MINUTE = 60_000;

/**
 * Three counters per failed sign-in. The pair of account and address is blocked long, since it
 * only ever hurts the guesser. The account alone is blocked briefly: it stops guessing spread over
 * many addresses without letting anyone keep the owner out for more than a minute at a time.
 * The address alone catches one machine trying many accounts.
 */
const RULES = {
  accountAddress: { limit: 5, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE },
  account: { limit: 10, windowMs: 15 * MINUTE, blockMs: 1 * MINUTE },
  address: { limit: 50, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE },
} satisfies Record<string, Rule>;

function keysFor(email: string, address: string) {
  return {
    accountAddress: `account-address:${email}|${address}`,
    account: `account:${email}`,
    address: `address:${address}`,
  };
}

export interface SignInThrottle {
  /** Seconds to wait before another attempt, or 0 when one may be made now. */
  retryAfter(email: string, address: string, now?: Date): Promise<number>;
  recordFailure(email: string, address: string, now?: Date): Promise<void>;
  recordSuccess(email: string, address: string): Promise<void>;
}

export function createSignInThrottle(db: Kysely<Database>): SignInThrottle {
  return {
    async retryAfter(email, address, now = new Date()) {
      const states = await throttles.findThrottles(db, { keys: Object.values(keysFor(email, address)) });
      const waits = states.map((state) =>
        state.blockedUntil ? Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000) : 0,
      );
      return Math.max(0, ...waits);
    },

    async recordFailure(email, address, now = new Date()) {
      const keys = keysFor(email, address);
      await db.transaction().execute(async (trx) => {
        const existing = new Map(
          (await throttles.findThrottles(trx, { keys: Object.values(keys) })).map((state) => [
            state.key,
            state,
          ]),
        );
        for (const [name, key] of Object.entries(keys) as [keyof typeof RULES, string][]) {
          const rule = RULES[name];
          const state = existing.get(key);
          const windowOpen = state && now.getTime() - state.windowStartedAt.getTime() < rule.windowMs;
          const failures = windowOpen ? state.failures + 1 : 1;
          const blocked = failures >= rule.limit;
          await throttles.saveThrottle(trx, {
            key,
            failures: blocked ? 0 : failures,
            windowStartedAt: windowOpen && !blocked ? state.windowStartedAt : now,
            blockedUntil: blocked ? new Date(now.getTime() + rule.blockMs) : (state?.blockedUntil ?? null),
          });
        }
      });
    },

    async recordSuccess(email, address) {
      const keys = keysFor(email, address);
      await throttles.deleteThrottles(db, { keys: [keys.accountAddress, keys.account] });
    },
  };
}
