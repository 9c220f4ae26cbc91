import { useSyncExternalStore } from 'react';
import { graphql } from '../gql';

/** What every way of signing a firm member in asks for (sign-up, joining, signing in, SPEC F9's steps): what `storeFirmSession` keeps. */
graphql(`
  fragment SignedInSession on FirmSession {
    accessToken
    expiresAt
    refreshToken
    member {
      id
      firstName
      lastName
    }
  }
`);

/**
 * Who is signed in, kept for the browser tab only (sessionStorage): a firm member with a
 * refreshable session, or a client admin of one company.
 */
export type Session =
  | {
      realm: 'firm';
      accessToken: string;
      expiresAt: string;
      refreshToken: string;
      memberId: string;
      name: string;
    }
  | {
      realm: 'client';
      accessToken: string;
      expiresAt: string;
      clientAdminId: string;
      name: string;
      companyName: string;
    };

const KEY = 'advisor-dashboard.session';
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

let current: Session | null = typeof window === 'undefined' ? null : read();

export const sessionStore = {
  get: (): Session | null => current,
  set(next: Session | null): void {
    current = next;
    if (next) window.sessionStorage.setItem(KEY, JSON.stringify(next));
    else window.sessionStorage.removeItem(KEY);
    for (const l of listeners) l();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get);
}

/** Keeps a firm member's new session (SPEC F4, F9): from signing in, a second step, or enrolment during sign-in. */
export function storeFirmSession(s: { accessToken: string; expiresAt: string; refreshToken: string; member: { id: string; firstName: string; lastName: string } }): void {
  sessionStore.set({
    realm: 'firm',
    accessToken: s.accessToken,
    expiresAt: s.expiresAt,
    refreshToken: s.refreshToken,
    memberId: s.member.id,
    name: `${s.member.firstName} ${s.member.lastName}`,
  });
}

/**
 * Where to go after signing in: only a path inside this app (never another origin), so a
 * crafted `?next=` link cannot send the person elsewhere.
 */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
