import { afterEach } from 'vitest';
import { configure } from '@testing-library/dom';

// Screens are waited for, not timed: on a loaded 2-core machine a render can take seconds.
configure({ asyncUtilTimeout: 10_000 });

afterEach(async () => {
  if (typeof window === 'undefined') return;
  const { cleanup } = await import('@testing-library/react');
  const { sessionStore } = await import('./api/session');
  cleanup();
  sessionStore.set(null);
});
