import { SIGN_IN_THROTTLE, throttleDelayMs, verdictFor } from './sign-in-throttle';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

describe('sign-in throttle rule (F4, G7)', () => {
  it('G7: delays grow after the free failures and stop growing at a minute', () => {
    expect([0, 1, 2].map((n) => throttleDelayMs('username', n))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6].map((n) => throttleDelayMs('username', n))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(throttleDelayMs('username', 19)).toBe(SIGN_IN_THROTTLE.maxDelayMs);
    expect(throttleDelayMs('address', 9)).toBe(0);
    expect(throttleDelayMs('address', 10)).toBe(2_000);
  });

  it('G7: an attempt inside the delay or the lock is refused; after them, or 15 quiet minutes, it is allowed', () => {
    const row = { failures: 4, lastFailureAt: at(0), lockedUntil: null };
    expect(verdictFor('username', row, at(3_000))).toMatchObject({ allowed: false, reason: 'WAIT' });
    expect(verdictFor('username', row, at(4_000))).toEqual({ allowed: true });
    const locked = { failures: 20, lastFailureAt: at(0), lockedUntil: at(SIGN_IN_THROTTLE.lockMs) };
    expect(verdictFor('username', locked, at(SIGN_IN_THROTTLE.lockMs - 1))).toMatchObject({ allowed: false, reason: 'LOCKED' });
    expect(verdictFor('username', locked, at(SIGN_IN_THROTTLE.lockMs))).toEqual({ allowed: true });
    expect(verdictFor('username', { failures: 19, lastFailureAt: at(0), lockedUntil: null }, at(SIGN_IN_THROTTLE.forgetAfterMs))).toEqual({ allowed: true });
    expect(verdictFor('username', null, at(0))).toEqual({ allowed: true });
  });
});
