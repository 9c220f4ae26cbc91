import { afterEach } from 'vitest';

afterEach(async () => {
  if (typeof window === 'undefined') return;
  const { cleanup } = await import('@testing-library/react');
  const { sessionStore } = await import('./api/session');
  cleanup();
  sessionStore.set(null);
});
