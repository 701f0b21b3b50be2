import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { notifyManager } from '@tanstack/react-query';
import { afterEach } from 'vitest';

// TanStack Query tells components of a new list or a settled logout in a setTimeout(0), and React's
// `act` does not wait for timers: under load that timer could fire after `await act(…)` returned,
// and a test read the render before it (CI failed once that way on React 18). In a microtask the
// news lands inside `act`, as a user would see it a moment later. Production keeps the default.
notifyManager.setScheduler(queueMicrotask);

afterEach(() => cleanup());

// Issue 23: the dialogs and the row menu are one chunk behind import(). Its first import in a test
// file transforms Radix and more on the fly, which under load can outlast findBy's 1 s; importing it
// here once makes the tests' clicks open dialogs as a browser does after prefetching on intent (the
// consumer tests check that the chunk is fetched on intent only).
await (await import('../src/components/lazy')).preloadActions();
