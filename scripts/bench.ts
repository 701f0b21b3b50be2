#!/usr/bin/env -S npx tsx
// `npm run bench`: what @firstparty/active-sessions costs a product team, in one run.
//
//   1. Bytes (min+gzip, Vite/Rolldown + Oxc minifier, gzip -9) of the built package as a host imports
//      it: the whole section, the headless hook alone, styles.css — the design card's stack (React,
//      TanStack Query, Radix, class-variance-authority) external; any other dependency counts as ours.
//   2. The design card's stack alone, as the section uses it (the floor a product team pays anyway):
//      each group's bytes = (section with that group bundled) − (section with none bundled).
//   3. Time, in Debian's Chromium, on a page built by Vite from dist/, 1,000 mocked sessions
//      (in-memory API, no network). Printed, never asserted.
//      a. Render, like for like (the ratio and the ≤ 2× budget): data already loaded and everything
//         warmed on a throwaway root, then fresh mounts timed as flushSync(root.render(…)) + forced
//         layout: ActiveSessionsProvider + ActiveSessionsList pageSize=1000 over a QueryClient that
//         already holds the list, vs. React rendering a bare <ul> of the same 1,000 row texts (warmed
//         alike); and the section as shipped (its first 50 rows) vs. a bare <ul> of those 50 texts.
//         Median of --mounts per page load, then median of the page loads.
//      b. Re-render, 1,000 rows mounted: the one commit (flushSync + layout) after one row is removed
//         from the list, and after one row's session changes; vs. the bare <ul> doing the same.
//      c. End to end, cold (fresh page): mount with the fetch (fetch + validation + query + render +
//         layout + the idle time between); log out one (confirm click → row gone: the DELETE, the
//         refetch and the re-render), cold and warm.
//   4. Requests per mount and per logout.
//
//   tsx scripts/bench.ts [--runs 7] [--mounts 5] [--rows 1000] [--no-build] [--profile]
//   (--profile: where the end-to-end mounts, the warm mounts and the re-renders spend their time)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { build, preview, type InlineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH, chromiumLaunchOptions } from './chromium.ts';
import {
  STACK,
  bundle,
  formatBytes,
  measureFirstLoad,
  measureOwnCost,
  ownPackagePlugin,
  packageName,
  root,
  sizes,
  type Size,
} from './measure.ts';

/** What the bench page (MAIN_TSX below) puts on window, for the runs here to call. */
type Mounted = { elapsed: number; shown: number; requests: string[] };
type LoggedOut = { elapsed: number; requests: string[]; rowsLeft: number };
type BenchWindow = {
  mount(kind: 'section' | 'all'): Promise<Mounted>;
  logOutOne(): Promise<LoggedOut>;
  clickToDialog(): Promise<number>;
  actionsFetched(): boolean;
  renderBench(mounts: number): Promise<{ shown: number; samples: Record<RenderKey, number[]>; logOut: { all: number; section: number } }>;
};
/** Where a profile sample was taken. */
type CallFrame = { functionName: string; url: string; lineNumber: number };

const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const RUNS = option('runs', 7);
// --profile: also print where the mounts and re-renders spend their time (Chromium's sampling profiler, unminified build).
const PROFILE = argv.includes('--profile');
const ROWS = option('rows', 1000);
// Timed fresh mounts (and re-renders) per page load in the like-for-like measurement.
const MOUNTS = option('mounts', 5);
const BUDGET_RATIO = 2;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;
const pad = (text: string | number, width: number) => String(text).padEnd(width);
const padStart = (text: string | number, width: number) => String(text).padStart(width);

if (!argv.includes('--no-build') || !existsSync(path.join(root, 'dist/src/index.js'))) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) {
    console.error('✖ bench: npm run build failed.');
    process.exit(1);
  }
}

console.log(`# ${packageName} — cost (npm run bench)\n`);

// 1. Our bytes.
const own = await measureOwnCost();
console.log("## Bytes this package adds (min+gzip; the design card's stack external, anything else counted)\n");
const ownLine = (label: string, size: Size) =>
  console.log(`  ${pad(label, 58)} ${padStart(formatBytes(size.gz), 9)}   (${formatBytes(size.min)} min)`);
ownLine('whole section (ActiveSessionsSection; issue budget 8 KB)', own.section);
ownLine('  of which code, ICU formatter included', own.sectionCode);
ownLine('  of which the English catalog', own.catalog);
ownLine('headless hook (Provider + useActiveSessions, budget 3 KB)', own.hook);
ownLine('createFetchSessionsClient (budget 2.5 KB)', own.client);
ownLine('hook + fetch client together', own.headless);
const split = await measureFirstLoad();
for (const [bundler, name] of [
  ['esbuild', 'esbuild'],
  ['rolldown', 'Rolldown'],
] as const) {
  ownLine(`section split by ${name}: first load (issue 23: 9,000 B)`, split[bundler].firstLoad);
  ownLine(`section split by ${name}: total, ${split[bundler].chunks} chunks`, split[bundler].total);
}
ownLine('everything but React, split by esbuild: first load', split.esbuildAllButReact.firstLoad);
ownLine('everything but React, split by esbuild: total', split.esbuildAllButReact.total);
console.log(`  ${pad('styles.css', 58)} ${padStart(formatBytes(own.css.gz), 9)}   (${formatBytes(own.css.min)} min)`);

// 2. The design card's stack, as the section uses it: each group's bytes.
const SECTION = `export { ActiveSessionsSection } from '${packageName}';`;
const MOUNT = `export { createRoot } from 'react-dom/client';`;
const ownSection = own.section.gz;
const ownSectionMin = own.section.min;
console.log("\n## The design card's stack alone, as the section uses it (the floor a host pays anyway)\n");
for (const group of STACK) {
  // Bundle the section with this group's packages (and any package no group owns, e.g. Radix's own
  // dependencies) and every other group external; subtract the section's own bytes.
  const others = STACK.filter((g) => g !== group);
  const { js } = await bundle(group.mount ? `${SECTION}\n${MOUNT}` : SECTION, { external: (id) => others.some((g) => g.owns(id)) });
  const s = sizes(js);
  console.log(`  ${pad(group.label, 58)} ${padStart(formatBytes(s.gz - ownSection), 9)}   (${formatBytes(s.min - ownSectionMin)} min)`);
}
const page = sizes((await bundle(`${SECTION}\n${MOUNT}`)).js);
console.log(
  `  ${pad('all of them together', 58)} ${padStart(formatBytes(page.gz - ownSection), 9)}   (${formatBytes(page.min - ownSectionMin)} min)`,
);
console.log(
  `  ${pad('→ section + everything it needs, in one bundle', 58)} ${padStart(formatBytes(page.gz), 9)}   (the section's own share: ${((100 * ownSection) / page.gz).toFixed(0)}%)`,
);

// 3. and 4. Time and requests in Chromium.
const MAIN_TSX = `import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClient, notifyManager } from '@tanstack/react-query';
import { getResponse } from 'msw';
import { ActiveSessionsList, ActiveSessionsProvider, ActiveSessionsSection, createFetchSessionsClient, type SessionsResult } from '${packageName}';
import { createFixtures, createHandlers, manySessions } from '${packageName}/mocks';
import '${packageName}/styles.css';

const ROWS = ${ROWS};
const requests: string[] = [];
const handlers = createHandlers({ baseUrl: '/api', scenario: { sessions: [createFixtures().current, ...manySessions(ROWS - 1)] } });
// The mocks answer in memory (no service worker, no network): the timings are the section's own.
const inMemoryFetch: typeof fetch = async (input, init) => {
  const request = new Request(new URL(input instanceof Request ? input.url : String(input), location.href), input instanceof Request ? input : init);
  const url = new URL(request.url);
  requests.push(request.method + ' ' + url.pathname + url.search);
  return (await getResponse(handlers, request)) ?? new Response(null, { status: 404 });
};
const client = createFetchSessionsClient({ baseUrl: '/api', fetch: inMemoryFetch });
const host = document.getElementById('root')!;
const root = createRoot(host);
const ROW = '[data-slot="session-row"], [data-slot="bare-row"]';
const rows = (scope: ParentNode = document) => scope.querySelectorAll(ROW);

function until<T>(check: () => T | null | undefined | false, timeoutMs = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const now = check();
    if (now) return resolve(now);
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('timed out with ' + rows().length + ' rows; the page reads: ' + document.body.innerText.slice(0, 400)));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      const value = check();
      if (value) { observer.disconnect(); clearTimeout(timer); resolve(value); }
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  });
}
const idle = (msDelay: number) => new Promise((r) => setTimeout(r, msDelay));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const all = (queryClient?: QueryClient) => (
  <ActiveSessionsProvider client={client} queryClient={queryClient}>
    <div className="fpas-theme fpas-section">
      <ActiveSessionsList pageSize={ROWS} />
    </div>
  </ActiveSessionsProvider>
);
type Item = { key: number; text: string };
const Bare = ({ items }: { items: Item[] }) => <ul>{items.map((item) => <li key={item.key} data-slot="bare-row">{item.text}</li>)}</ul>;

/** Confirm click → the row gone from the DOM and the modal closed (the DELETE and the refetch included). */
async function logOutOne(scope: ParentNode = document) {
  const candidates = [...rows(scope)].filter((row) => !row.hasAttribute('data-trusted') && row.querySelector('button[data-slot="row-actions"][aria-label]'));
  const row = candidates[candidates.length >> 1]!;
  const before = requests.length;
  (row.querySelector('button[data-slot="row-actions"][aria-label]') as HTMLButtonElement).click();
  const dialog = await until(() => document.querySelector('[role="dialog"]'));
  const confirm = [...dialog.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Log out');
  if (!confirm) throw new Error('no "Log out" button in the modal');
  const t0 = performance.now();
  confirm.click();
  await until(() => !row.isConnected && !document.querySelector('[role="dialog"]'));
  void document.body.offsetHeight;
  const elapsed = performance.now() - t0;
  await idle(300);
  return { elapsed, requests: requests.slice(before), rowsLeft: rows(scope).length };
}

// --- Like-for-like: the data already loaded, everything warmed, one synchronous commit timed. ---

/** A fresh root in a fresh container, attached before the clock starts. */
function freshRoot() {
  const container = document.createElement('div');
  host.append(container);
  return { container, root: createRoot(container) };
}
/** flushSync(render) + forced layout, on a fresh root; the rows must all be there when it returns. */
function timeMount(element: ReactNode, expectRows: number) {
  const { container, root: fresh } = freshRoot();
  void document.body.offsetHeight; // nothing pending from before is billed to this mount
  const t0 = performance.now();
  flushSync(() => fresh.render(element));
  void container.getBoundingClientRect();
  void container.offsetHeight;
  const elapsed = performance.now() - t0;
  const shown = rows(container).length;
  if (shown !== expectRows) throw new Error('expected ' + expectRows + ' rows right after the commit, found ' + shown + ' (the seeded query did not render synchronously)');
  return { elapsed, container, root: fresh };
}
/**
 * The main thread's work in the next frame: from its requestAnimationFrame callback to a task queued
 * there (style, layout, ResizeObserver callbacks, paint). Our rows use content-visibility: auto, whose
 * on-screen rows are laid out in that frame, not by the forced layout; the bare list's frame only paints.
 */
const nextFrameWork = () =>
  new Promise<number>((resolve) => requestAnimationFrame(() => {
    const t0 = performance.now();
    setTimeout(() => resolve(performance.now() - t0), 0);
  }));
async function dispose({ container, root: r }: { container: HTMLElement; root: Root }) {
  r.unmount();
  container.remove();
  await idle(40);
}
// What the warm-up loaded, and the texts of its rows (the bare list shows the same).
let loaded: SessionsResult | undefined;
let items: Item[] = [];
// A QueryClient whose list query starts with the loaded data, fresh (staleTime 10 s): the mount
// neither fetches nor waits, so useQuery returns the rows in the first render.
const seeded = () => new QueryClient({ defaultOptions: { queries: { initialData: loaded, initialDataUpdatedAt: Date.now() } } });
const section = (queryClient: QueryClient) => <ActiveSessionsSection client={client} queryClient={queryClient} />;

/** The same commit for a state change: flushSync(update) + forced layout. */
function timeUpdate(container: HTMLElement, update: () => void) {
  void document.body.offsetHeight;
  const t0 = performance.now();
  flushSync(update);
  void container.getBoundingClientRect();
  void container.offsetHeight;
  return performance.now() - t0;
}
/** TanStack Query tells subscribers in a setTimeout(0); make it synchronous for one update, so flushSync sees it. */
function syncNotify<T>(fn: () => T): T {
  notifyManager.setScheduler((cb) => cb());
  try { return fn(); } finally { notifyManager.setScheduler((cb) => setTimeout(cb, 0)); }
}

/**
 * Re-render after the data changes. Ours: the next list put in the query cache (setQueryData) and
 * committed, TanStack Query's notification made synchronous; bare: the same <ul> re-rendered with
 * the same change. prepareUpdate mounts (untimed); runUpdate times the one commit + layout.
 */
let pending: null | { target: 'all' | 'bare'; kind: 'remove' | 'change'; mounted: ReturnType<typeof timeMount>; update: () => void; check: () => boolean } = null;
async function prepareUpdate(kind: 'remove' | 'change', target: 'all' | 'bare') {
  if (loaded?.availability !== 'available') throw new Error('no list loaded');
  const list = loaded;
  const half = list.sessions.length >> 1;
  const victim = list.sessions.find((s, i) => i >= half && !s.isCurrent && s.status === 'active')!;
  if (target === 'all') {
    const next = kind === 'remove'
      ? { ...list, sessions: list.sessions.filter((s) => s !== victim) }
      : { ...list, sessions: list.sessions.map((s) => (s === victim ? { ...s, status: 'unavailable' as const } : s)) };
    const queryClient = seeded();
    const mounted = timeMount(all(queryClient), ROWS);
    const key = queryClient.getQueryCache().getAll().find((q) => q.queryKey.at(-1) === 'list')!.queryKey;
    const unavailable = () => mounted.container.querySelectorAll('[data-status="unavailable"]').length;
    const before = unavailable();
    pending = {
      target, kind, mounted,
      update: () => syncNotify(() => queryClient.setQueryData(key, next)),
      check: () => (kind === 'remove' ? rows(mounted.container).length === ROWS - 1 : rows(mounted.container).length === ROWS && unavailable() === before + 1),
    };
  } else {
    const at = items.length >> 1;
    const next = kind === 'remove' ? items.filter((_, j) => j !== at) : items.map((item, j) => (j === at ? { ...item, text: item.text + ' Status unavailable' } : item));
    const mounted = timeMount(<Bare items={items} />, ROWS);
    pending = { target, kind, mounted, update: () => mounted.root.render(<Bare items={next} />), check: () => rows(mounted.container).length === next.length };
  }
  await idle(40);
}
async function runUpdate(unmountAfter = true) {
  const { mounted, update, check, kind, target } = pending!;
  pending = null;
  const elapsed = timeUpdate(mounted.container, update);
  if (!check()) throw new Error('the ' + kind + ' update of ' + target + ' did not commit synchronously');
  if (unmountAfter) await dispose(mounted);
  return elapsed;
}

Object.assign(window, {
  requests,
  prepareUpdate,
  runUpdate,
  // End to end, on a fresh page (cold): render call → rows in the DOM and laid out.
  // 'section': the drop-in as a host uses it (it shows a first page of rows, then "Show more").
  // 'all': every row at once: the provider and ActiveSessionsList with a page as long as the list.
  async mount(kind: 'section' | 'all') {
    const t0 = performance.now();
    root.render(kind === 'section' ? <ActiveSessionsSection client={client} /> : all());
    await until(() => (kind === 'section' ? rows().length > 0 : rows().length === ROWS));
    void document.body.offsetHeight; // layout included
    const elapsed = performance.now() - t0;
    await idle(300);
    return { elapsed, shown: rows().length, requests: [...requests] };
  },
  logOutOne: () => logOutOne(),
  // Click → the dialog visible (in the DOM, laid out): the clock starts at the click's capture phase.
  clickToDialog() {
    return new Promise<number>((resolve, reject) => {
      let t0 = 0;
      document.addEventListener('click', () => { t0 = performance.now(); }, { capture: true, once: true });
      until(() => document.querySelector('[role="dialog"]')).then(() => {
        void document.body.offsetHeight;
        resolve(performance.now() - t0);
      }, reject);
    });
  },
  // Whether the chunk of the parts loaded on intent has been fetched (issue 23).
  actionsFetched: () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/actions-') && entry.name.endsWith('.js')),

  // Warm-up on a throwaway root: fetch, translator, Intl formatters, the section's modules, JIT.
  async warmUp() {
    const warmClient = new QueryClient();
    const warm = freshRoot();
    warm.root.render(all(warmClient));
    await until(() => rows(warm.container).length === ROWS);
    const listQuery = warmClient.getQueryCache().getAll().find((q) => q.queryKey.at(-1) === 'list');
    loaded = listQuery?.state.data as SessionsResult | undefined;
    if (loaded?.availability !== 'available') throw new Error('the warm-up did not load the list');
    items = [...rows(warm.container)].map((row, key) => ({ key, text: (row as HTMLElement).innerText }));
    await dispose(warm);
    for (let i = 0; i < 2; i++) await dispose(timeMount(all(seeded()), ROWS));
    for (let i = 0; i < 2; i++) await dispose(timeMount(<Bare items={items} />, ROWS));
  },
  // One like-for-like mount of all rows, ours or bare (--profile profiles it after warmUp()).
  async mountWarm(kind: 'all' | 'bare' | 'section') {
    const mounted =
      kind === 'all' ? timeMount(all(seeded()), ROWS) : kind === 'bare' ? timeMount(<Bare items={items} />, ROWS) : timeMount(section(seeded()), 50);
    await dispose(mounted);
    return mounted.elapsed;
  },

  async renderBench(mounts: number) {
    await (window as any).warmUp();
    const requestsBefore = requests.length;
    if (loaded?.availability !== 'available') throw new Error('no list loaded');

    // The section shows its first page: find how many rows, untimed, then warm every variant once.
    const probe = freshRoot();
    flushSync(() => probe.root.render(section(seeded())));
    const shown = rows(probe.container).length;
    await dispose(probe);
    if (shown === 0) throw new Error('the seeded section rendered no rows');
    const shownItems = items.slice(0, shown);
    const variants = {
      all: () => timeMount(all(seeded()), ROWS),
      bare: () => timeMount(<Bare items={items} />, ROWS),
      section: () => timeMount(section(seeded()), shown),
      bareShown: () => timeMount(<Bare items={shownItems} />, shown),
    };
    for (const run of Object.values(variants)) await dispose(run());

    // Timed fresh mounts, interleaved so drift hits every variant alike.
    const samples: Record<string, number[]> = {
      all: [], bare: [], section: [], bareShown: [], allFrame: [], bareFrame: [], sectionFrame: [], bareShownFrame: [],
      removeAll: [], removeBare: [], changeAll: [], changeBare: [],
    };
    for (let i = 0; i < mounts; i++) {
      for (const [name, run] of Object.entries(variants)) {
        const mounted = run();
        const frame = await nextFrameWork();
        samples[name]!.push(mounted.elapsed);
        samples[name + 'Frame']!.push(mounted.elapsed + frame);
        await dispose(mounted);
      }
    }

    // Re-render after the data changes, 1,000 rows mounted: one row removed (what a logout ends with),
    // and one row's session changed in place (it becomes status-unavailable).
    for (let i = 0; i <= mounts; i++) {
      for (const kind of ['remove', 'change'] as const) {
        for (const target of ['all', 'bare'] as const) {
          await prepareUpdate(kind, target);
          const elapsed = await runUpdate();
          if (i > 0) samples[kind + (target === 'all' ? 'All' : 'Bare')]!.push(elapsed); // the first round warms
        }
      }
    }
    if (requests.length !== requestsBefore) throw new Error('a seeded mount fetched: ' + requests.slice(requestsBefore).join(', '));

    // Log out one, warm and with the data loaded: still confirm click → row gone, so the in-memory
    // DELETE and the refetch of the list are in it. All rows shown, then the section.
    const logOut: Record<string, number> = {};
    for (const [name, element] of [['all', (q: QueryClient) => all(q)], ['section', section]] as const) {
      const queryClient = seeded();
      const { container, root: r } = freshRoot();
      flushSync(() => r.render(element(queryClient)));
      await idle(100);
      logOut[name] = (await logOutOne(container)).elapsed;
      loaded = (queryClient.getQueryCache().getAll().find((q) => q.queryKey.at(-1) === 'list')!.state.data as SessionsResult) ?? loaded;
      await dispose({ container, root: r });
    }
    return { shown, samples, logOut };
  },
});
document.body.dataset.ready = 'true';
`;

const benchDir = path.join(root, 'node_modules/.cache/active-sessions-bench');
rmSync(benchDir, { recursive: true, force: true });
mkdirSync(path.join(benchDir, 'src'), { recursive: true });
writeFileSync(
  path.join(benchDir, 'index.html'),
  '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>bench</title><link rel="icon" href="data:," /></head>' +
    '<body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>\n',
);
writeFileSync(path.join(benchDir, 'src/main.tsx'), MAIN_TSX);
// "Before" (issue 23): the same page with the dialogs' module imported statically, as it was before they
// were split, so it is in the page's first load; measured in the same run as the lazy page.
writeFileSync(
  path.join(benchDir, 'static.html'),
  '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>bench, dialogs static</title><link rel="icon" href="data:," /></head>' +
    '<body><div id="root"></div><script type="module" src="/src/static.tsx"></script></body></html>\n',
);
writeFileSync(
  path.join(benchDir, 'src/static.tsx'),
  `import '${path.join(root, 'dist/src/components/actions.js')}';\nimport './main.tsx';\n`,
);
const viteConfig: InlineConfig = {
  configFile: false,
  root: benchDir,
  logLevel: 'silent',
  publicDir: false,
  envDir: false,
  plugins: [react(), ownPackagePlugin()],
  build: {
    outDir: path.join(benchDir, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    minify: !PROFILE,
    rolldownOptions: { input: { main: path.join(benchDir, 'index.html'), static: path.join(benchDir, 'static.html') } },
  },
};
await build({ ...viteConfig, mode: 'production' });

const port = await new Promise<number>((resolve, reject) => {
  const server = createServer();
  server.on('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port: free } = server.address() as AddressInfo;
    server.close(() => resolve(free));
  });
});
const server = await preview({ ...viteConfig, preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
const url = `http://127.0.0.1:${port}/`;
const browser = await chromium.launch(chromiumLaunchOptions);

// End to end (cold page): one sample per page load.
const times: { section: number[]; all: number[]; logOutSection: number[]; logOutAll: number[] } = {
  section: [],
  all: [],
  logOutSection: [],
  logOutAll: [],
};
// Like for like (warm, data loaded): per page load, the median of MOUNTS samples (and every sample).
const RENDER_KEYS = [
  'all',
  'bare',
  'section',
  'bareShown',
  'allFrame',
  'bareFrame',
  'sectionFrame',
  'bareShownFrame',
  'removeAll',
  'removeBare',
  'changeAll',
  'changeBare',
] as const;
type RenderKey = (typeof RENDER_KEYS)[number];
const render = Object.fromEntries(RENDER_KEYS.map((key) => [key, []])) as unknown as Record<RenderKey, number[]>;
const renderSamples = Object.fromEntries(RENDER_KEYS.map((key) => [key, []])) as unknown as Record<RenderKey, number[][]>;
const warmLogOut: { all: number[]; section: number[] } = { all: [], section: [] };
const clickToDialog: { static: number[]; hover: number[]; none: number[] } = { static: [], hover: [], none: [] };
const firstMount: { static: number[]; lazy: number[] } = { static: [], lazy: [] };
let shownWarm = 0;
let profileReport = '';

/** Self time by function over `run` (evaluated in the page), top 20. */
async function profileMount(tab: Page, run: string, prepare?: string): Promise<string> {
  if (prepare) await tab.evaluate(prepare);
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await tab.evaluate(run);
  const { profile } = await cdp.send('Profiler.stop');
  await tab.close();
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id])));
  const label = (callFrame: CallFrame) =>
    `${callFrame.functionName || '(anonymous)'} ${callFrame.url ? `${path.basename(callFrame.url).replace(/-[\w-]{8}\.js$/, '.js')}:${callFrame.lineNumber + 1}` : ''}`.trim();
  const self = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  profile.samples!.forEach((id, i) => {
    const { callFrame } = byNode.get(id)!;
    // A browser built-in (layout, DOM) is named with the script function that called it.
    const caller = !callFrame.url && !callFrame.functionName.startsWith('(') && byNode.get(parentOf.get(id)!);
    const key = caller ? `${label(callFrame)} ← ${label(caller.callFrame)}` : label(callFrame);
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .map(([key, t]) => `  ${padStart(ms(t), 9)} ${padStart(((100 * t) / total).toFixed(1), 5)}%  ${key}`)
    .join('\n');
}
const seen: { section?: { mounted: Mounted; loggedOut: LoggedOut }; all?: { mounted: Mounted; loggedOut: LoggedOut } } = {};
const started = performance.now();
try {
  const fresh = async (page = '') => {
    const tab = await browser.newPage();
    tab.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
    await tab.goto(url + page);
    await tab.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    return tab;
  };
  // Interleaved, so drift in the machine's load hits every variant alike.
  for (let run = 0; run < RUNS; run++) {
    // End to end, each on a fresh page: the first mount a host's reader sees, then one logout.
    for (const kind of ['section', 'all'] as const) {
      const tab = await fresh();
      const mounted = await tab.evaluate((k) => (window as unknown as BenchWindow).mount(k), kind);
      times[kind].push(mounted.elapsed);
      const loggedOut = await tab.evaluate(() => (window as unknown as BenchWindow).logOutOne());
      times[kind === 'section' ? 'logOutSection' : 'logOutAll'].push(loggedOut.elapsed);
      seen[kind] ??= { mounted, loggedOut };
      await tab.close();
    }
    // Click → dialog visible, the section at 50 rows, each on a fresh page (issue 23): before (the
    // dialogs imported statically, static.html), after (lazy, prefetched on hover 100 ms before the
    // click), and with no intent before the click at all (the chunk fetched by the click itself).
    for (const mode of ['static', 'hover', 'none'] as const) {
      const tab = await fresh(mode === 'static' ? 'static.html' : '');
      const mounted = await tab.evaluate(() => (window as unknown as BenchWindow).mount('section'));
      firstMount[mode === 'static' ? 'static' : 'lazy'].push(mounted.elapsed);
      const button = tab.locator('[data-slot="session-row"]:not([data-current]) button[data-slot="row-actions"]').first();
      if (mode !== 'static' && (await tab.evaluate(() => (window as unknown as BenchWindow).actionsFetched())))
        throw new Error('the dialog chunk was fetched before any intent');
      if (mode !== 'none') {
        await button.hover();
        await tab.waitForTimeout(100);
      }
      const timing = tab.evaluate(() => (window as unknown as BenchWindow).clickToDialog());
      if (mode === 'none') await button.evaluate((element) => (element as HTMLElement).click());
      else await button.click();
      clickToDialog[mode].push(await timing);
      await tab.close();
    }
    // Like for like, on one more fresh page: warm-up, then fresh mounts with the data loaded.
    const tab = await fresh();
    const bench = await tab.evaluate((n) => (window as unknown as BenchWindow).renderBench(n), MOUNTS);
    await tab.close();
    shownWarm = bench.shown;
    for (const key of RENDER_KEYS) {
      render[key].push(median(bench.samples[key]));
      renderSamples[key].push(bench.samples[key]);
    }
    warmLogOut.all.push(bench.logOut.all);
    warmLogOut.section.push(bench.logOut.section);
  }
  if (PROFILE) {
    for (const kind of ['section', 'all']) {
      profileReport += `\n### end to end: mount('${kind}'), self time (includes idle until rows show)\n\n${await profileMount(await fresh(), `window.mount('${kind}')`)}\n`;
    }
    for (const kind of ['remove', 'change']) {
      profileReport += `\n### like for like: one row ${kind === 'remove' ? 'removed from' : 'changed in'} ${ROWS} (ours), self time\n\n${await profileMount(await fresh(), 'window.runUpdate(false)', `window.warmUp().then(() => window.prepareUpdate('${kind}', 'all'))`)}\n`;
    }
    for (const kind of ['all', 'bare']) {
      profileReport += `\n### like for like: 3 warm fresh mounts of ${kind === 'all' ? `all ${ROWS} rows` : 'the bare list'}, self time\n\n${await profileMount(await fresh(), `(async () => { for (let i = 0; i < 3; i++) await window.mountWarm('${kind}'); })()`, 'window.warmUp()')}\n`;
    }
    profileReport += `\n### like for like: 20 warm fresh mounts of the section as shipped (its first 50 rows), self time\n\n${await profileMount(await fresh(), `(async () => { for (let i = 0; i < 20; i++) await window.mountWarm('section'); })()`, 'window.warmUp()')}\n`;
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
  rmSync(benchDir, { recursive: true, force: true });
}

const chromiumVersion = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).stdout.trim();
const runs = (values: number[]) => `runs: ${values.map((t) => t.toFixed(t < 10 ? 1 : 0)).join(', ')}`;
const line = (label: string, value: string | number, note = '') => console.log(`  ${pad(label, 62)} ${padStart(value, 9)}   ${note}`);
const shownBySection = seen.section!.mounted.shown;
const m = (key: RenderKey) => median(render[key]);
const ratioOf = (ours: RenderKey, bare: RenderKey) => m(ours) / m(bare);
const perRunRatios = (ours: RenderKey, bare: RenderKey) =>
  `per run: ${render[ours].map((t, i) => (t / render[bare][i]!).toFixed(2)).join(', ')}`;
const verdict = (r: number) => (r <= BUDGET_RATIO ? 'within budget' : 'OVER BUDGET');

console.log(`\n## Time in ${chromiumVersion || 'Chromium'} (headless, production build, ${RUNS} page loads per line)`);
console.log(
  `\n### Render, like for like: the data already loaded, everything warmed (median of ${MOUNTS} fresh mounts per page, then of the pages)\n`,
);
console.log('  Each sample: flushSync(root.render(…)) on a fresh root + forced layout (getBoundingClientRect/offsetHeight).');
console.log('  Ours: ActiveSessionsProvider over a QueryClient that already holds the list (no fetch, no waiting), after a');
console.log('  throwaway mount warmed the translator, Intl formatters and JIT. Bare: React rendering a <ul> of the same row');
console.log('  texts (innerText of our rows), warmed the same way. Both in the same page, interleaved.\n');
const ratio = ratioOf('all', 'bare');
line(`ours: all ${ROWS} rows (Provider + ActiveSessionsList pageSize=${ROWS})`, ms(m('all')), runs(render.all));
line(`bare React <ul> of the same ${ROWS} row texts`, ms(m('bare')), runs(render.bare));
line(
  `ratio, ${ROWS} rows vs bare (budget ≤ ${BUDGET_RATIO}×, not asserted)`,
  `${ratio.toFixed(2)}×`,
  `${verdict(ratio)}; ${perRunRatios('all', 'bare')}`,
);
const shownRatio = ratioOf('section', 'bareShown');
line(`ours: ActiveSessionsSection over ${ROWS} sessions (shows ${shownWarm})`, ms(m('section')), runs(render.section));
line(`bare React <ul> of those ${shownWarm} row texts`, ms(m('bareShown')), runs(render.bareShown));
line(
  `ratio, the section as shipped vs bare (budget ≤ ${BUDGET_RATIO}×)`,
  `${shownRatio.toFixed(2)}×`,
  `${verdict(shownRatio)}; ${perRunRatios('section', 'bareShown')}`,
);
console.log('  (the section also renders its heading, intro, log-out-all card, help links and live region; the bare list only the rows)');
console.log(`\n  The same mounts + the main thread's work in the next frame (rAF callback → a task queued there: style, layout,`);
console.log('  ResizeObserver callbacks, paint). Our rows use content-visibility: auto, so the forced layout above skips even the');
console.log("  on-screen rows' contents; they are laid out in this frame. The bare list's frame only paints.\n");
const frameRatio = ratioOf('allFrame', 'bareFrame');
const shownFrameRatio = ratioOf('sectionFrame', 'bareShownFrame');
line(`ours: all ${ROWS} rows, to the next frame`, ms(m('allFrame')), runs(render.allFrame));
line(`bare <ul> of ${ROWS} row texts, to the next frame`, ms(m('bareFrame')), runs(render.bareFrame));
line(
  `ratio, ${ROWS} rows, to the next frame`,
  `${frameRatio.toFixed(2)}×`,
  `${verdict(frameRatio)}; ${perRunRatios('allFrame', 'bareFrame')}`,
);
line(`ours: the section (shows ${shownWarm}), to the next frame`, ms(m('sectionFrame')), runs(render.sectionFrame));
line(`bare <ul> of ${shownWarm} row texts, to the next frame`, ms(m('bareShownFrame')), runs(render.bareShownFrame));
line(
  `ratio, the section, to the next frame`,
  `${shownFrameRatio.toFixed(2)}×`,
  `${verdict(shownFrameRatio)}; ${perRunRatios('sectionFrame', 'bareShownFrame')}`,
);

console.log(
  `\n### Re-render after the data changes, ${ROWS} rows mounted (one commit: flushSync(update) + forced layout; median of ${MOUNTS} per page)\n`,
);
console.log(`  Ours: queryClient.setQueryData(list key, next list) with TanStack Query's notifications made synchronous for the`);
console.log(`  update; bare: the same <ul> re-rendered with the same change.\n`);
const removeRatio = ratioOf('removeAll', 'removeBare');
const changeRatio = ratioOf('changeAll', 'changeBare');
line(`ours: one row removed from ${ROWS} (what a logout ends with)`, ms(m('removeAll')), runs(render.removeAll));
line(`bare: one <li> removed from ${ROWS}`, ms(m('removeBare')), runs(render.removeBare));
line(`ratio, remove one`, `${removeRatio.toFixed(2)}×`, perRunRatios('removeAll', 'removeBare'));
console.log('  (The list query keeps each unchanged session as the same object, matched by id, so after a removal the memoized');
console.log('  rows below it do not re-render; what remains is reconciling 999 keyed rows and the layout after the removal.)');
line(`ours: one row's session changes (becomes status-unavailable)`, ms(m('changeAll')), runs(render.changeAll));
line(`bare: one <li>'s text changes`, ms(m('changeBare')), runs(render.changeBare));
line(`ratio, change one`, `${changeRatio.toFixed(2)}×`, perRunRatios('changeAll', 'changeBare'));

console.log(`\n### End to end (one sample per fresh page; not comparable with a bare list)\n`);
console.log('  Mount: render call → rows in the DOM and laid out, cold, including the in-memory fetch, wire validation,');
console.log("  TanStack Query's async scheduling, first-time translator/Intl set-up, rendering, layout and idle time between.");
console.log('  Log out one: confirm click → row gone and modal closed, including the in-memory DELETE, the refetch of the list');
console.log('  (GET), TanStack Query\'s scheduling and the re-render; "warm" is the same after the like-for-like mounts above.\n');
line(`mount, all ${ROWS} rows (Provider + ActiveSessionsList pageSize=${ROWS})`, ms(median(times.all)), runs(times.all));
line(`mount, ActiveSessionsSection over ${ROWS} sessions (shows ${shownBySection})`, ms(median(times.section)), runs(times.section));
line(`log out one, all ${ROWS} rows shown (cold page)`, ms(median(times.logOutAll)), runs(times.logOutAll));
line(`log out one, in the section (cold page)`, ms(median(times.logOutSection)), runs(times.logOutSection));
line(`log out one, all ${ROWS} rows shown (warm, data loaded)`, ms(median(warmLogOut.all)), runs(warmLogOut.all));
line(`log out one, in the section (warm, data loaded)`, ms(median(warmLogOut.section)), runs(warmLogOut.section));

console.log(`\n### Click → dialog visible, the section at 50 rows (issue 23; one sample per fresh page)\n`);
console.log('  The dialogs and the row menu are one chunk loaded on intent (pointer enter or focus of a Log out).\n');
line('before: the dialogs imported statically (hover 100 ms, click)', ms(median(clickToDialog.static)), runs(clickToDialog.static));
line('after: lazy, prefetched on hover 100 ms before the click', ms(median(clickToDialog.hover)), runs(clickToDialog.hover));
line('after: lazy, no intent before the click (fetched on click)', ms(median(clickToDialog.none)), runs(clickToDialog.none));
line('first mount, the section at 50 rows, before (static)', ms(median(firstMount.static)), runs(firstMount.static));
line('first mount, the section at 50 rows, after (lazy)', ms(median(firstMount.lazy)), runs(firstMount.lazy));
console.log('  (first mount at 1,000 rows and like-for-like mounts: the lines above, all on the lazy build)');

console.log(`\n### Every sample of the like-for-like lines (ms; page loads separated by |)\n`);
for (const key of RENDER_KEYS) {
  console.log(`  ${pad(key, 14)} ${renderSamples[key].map((page) => page.map((t) => t.toFixed(1)).join(' ')).join(' | ')}`);
}

if (profileReport) console.log(`\n## Where the mounts spend their time (Chromium profiler, unminified build)\n${profileReport}`);
console.log('\n## Requests\n');
line('per mount', seen.section!.mounted.requests.length, seen.section!.mounted.requests.join(', '));
line('per logout of one session', seen.section!.loggedOut.requests.length, seen.section!.loggedOut.requests.join(', '));
console.log(
  `\n(Bytes in KB of 1,024 bytes. Timings vary by machine: compare the ratio, not the milliseconds. Time in Chromium: ${((performance.now() - started) / 1000).toFixed(0)} s.)`,
);
