#!/usr/bin/env node
// `npm run bench`: what @firstparty/active-sessions costs a product team, in one run.
//
//   1. Bytes (min+gzip, Vite/Rolldown + Oxc minifier, gzip -9) of the built package as a host imports
//      it: the whole section, the headless hook alone, styles.css — every dependency and peer external.
//   2. The dependencies and peers alone, as the section uses them (the floor a product team pays
//      anyway): each group's bytes = (section with that group bundled) − (section with none bundled).
//   3. Time, in Debian's Chromium, on a page built by Vite from dist/: mounting the section over 1,000
//      mocked sessions (in-memory API: fetch, validation, query, formatting, render, layout) vs. React
//      rendering a bare <ul> of the same 1,000 row texts; then logging one of them out (confirm click →
//      row gone). Median of several fresh page loads. Printed, never asserted.
//   4. Requests per mount and per logout.
//
//   node scripts/bench.mjs [--runs 7] [--rows 1000] [--no-build] [--profile]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { build, preview } from 'vite';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { bundle, formatBytes, measureOwnCost, ownPackagePlugin, packageName, root, sizes } from './measure.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const RUNS = option('runs', 7);
// --profile: also print where each mount spends its time (Chromium's sampling profiler, unminified build).
const PROFILE = argv.includes('--profile');
const ROWS = option('rows', 1000);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const BUDGET_RATIO = 2;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (n) => `${n.toFixed(1)} ms`;
const pad = (text, width) => String(text).padEnd(width);
const padStart = (text, width) => String(text).padStart(width);

if (!argv.includes('--no-build') || !existsSync(path.join(root, 'dist/src/index.js'))) {
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    console.error('✖ bench: npm run build failed.');
    process.exit(1);
  }
}

console.log(`# ${packageName} — cost (npm run bench)\n`);

// 1. Our bytes.
const own = await measureOwnCost();
console.log('## Bytes this package adds (min+gzip; every dependency and peer external)\n');
console.log(`  ${pad('whole section (ActiveSessionsSection)', 58)} ${padStart(formatBytes(own.section.gz), 9)}   (${formatBytes(own.section.min)} min)`);
console.log(`  ${pad('hook alone (Provider + useActiveSessions + fetch client)', 58)} ${padStart(formatBytes(own.hook.gz), 9)}   (${formatBytes(own.hook.min)} min)`);
console.log(`  ${pad('styles.css', 58)} ${padStart(formatBytes(own.css.gz), 9)}   (${formatBytes(own.css.min)} min)`);

// 2. Dependencies and peers, as the section uses them.
const GROUPS = [
  { label: 'react + react-dom (incl. react-dom/client createRoot)', owns: (p) => /^(react|react-dom|scheduler)(\/|$)/.test(p), mount: true },
  { label: '@tanstack/react-query', owns: (p) => p.startsWith('@tanstack/') },
  { label: '@radix-ui/react-dialog + react-dropdown-menu', owns: (p) => p.startsWith('@radix-ui/') },
  { label: 'class-variance-authority', owns: (p) => /^(class-variance-authority|clsx)(\/|$)/.test(p) },
  { label: 'intl-messageformat', owns: (p) => /^(intl-messageformat|@formatjs\/)/.test(p) },
];
const SECTION = `export { ActiveSessionsSection } from '${packageName}';`;
const MOUNT = `export { createRoot } from 'react-dom/client';`;
const ownSection = own.section.gz;
const ownSectionMin = own.section.min;
console.log('\n## Dependencies and peers alone, as the section uses them (the floor a host pays anyway)\n');
for (const group of GROUPS) {
  // Bundle the section with this group's packages (and any package no group owns, e.g. Radix's own
  // dependencies) and every other group external; subtract the section's own bytes.
  const others = GROUPS.filter((g) => g !== group);
  const { js } = await bundle(group.mount ? `${SECTION}\n${MOUNT}` : SECTION, { external: (id) => others.some((g) => g.owns(id)) });
  const s = sizes(js);
  console.log(`  ${pad(group.label, 58)} ${padStart(formatBytes(s.gz - ownSection), 9)}   (${formatBytes(s.min - ownSectionMin)} min)`);
}
const page = sizes((await bundle(`${SECTION}\n${MOUNT}`)).js);
console.log(`  ${pad('all of them together', 58)} ${padStart(formatBytes(page.gz - ownSection), 9)}   (${formatBytes(page.min - ownSectionMin)} min)`);
console.log(
  `  ${pad('→ section + everything it needs, in one bundle', 58)} ${padStart(formatBytes(page.gz), 9)}   (the section's own share: ${((100 * ownSection) / page.gz).toFixed(0)}%)`,
);

// 3. and 4. Time and requests in Chromium.
const MAIN_TSX = `import { createRoot } from 'react-dom/client';
import { getResponse } from 'msw';
import { ActiveSessionsList, ActiveSessionsProvider, ActiveSessionsSection, createFetchSessionsClient } from '${packageName}';
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
const root = createRoot(document.getElementById('root')!);
const rows = () => document.querySelectorAll('[data-slot="session-row"], [data-slot="bare-row"]');

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

Object.assign(window, {
  requests,
  // 'section': the drop-in as a host uses it (it shows a first page of rows, then "Show more").
  // 'all': every row at once: the provider and ActiveSessionsList with a page as long as the list.
  async mount(kind: 'section' | 'all') {
    const t0 = performance.now();
    root.render(
      kind === 'section' ? (
        <ActiveSessionsSection client={client} />
      ) : (
        <ActiveSessionsProvider client={client}>
          <div className="fpas-theme fpas-section">
            <ActiveSessionsList pageSize={ROWS} />
          </div>
        </ActiveSessionsProvider>
      ),
    );
    await until(() => (kind === 'section' ? rows().length > 0 : rows().length === ROWS));
    void document.body.offsetHeight; // layout included
    const elapsed = performance.now() - t0;
    await idle(300);
    return {
      elapsed,
      shown: rows().length,
      requests: [...requests],
      texts: kind === 'all' ? [...rows()].map((row) => (row as HTMLElement).innerText) : [],
    };
  },
  async mountBare(texts: string[]) {
    const t0 = performance.now();
    root.render(<ul>{texts.map((text, i) => <li key={i} data-slot="bare-row">{text}</li>)}</ul>);
    await until(() => rows().length === texts.length);
    void document.body.offsetHeight;
    return { elapsed: performance.now() - t0 };
  },
  async logOutOne() {
    const candidates = [...rows()].filter((row) => !row.hasAttribute('data-trusted') && row.querySelector('[data-slot="row-actions"] button[aria-label]'));
    const row = candidates[candidates.length >> 1]!;
    const before = requests.length;
    (row.querySelector('[data-slot="row-actions"] button[aria-label]') as HTMLButtonElement).click();
    const dialog = await until(() => document.querySelector('[role="dialog"]'));
    const confirm = [...dialog.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Log out');
    if (!confirm) throw new Error('no "Log out" button in the modal');
    const t0 = performance.now();
    confirm.click();
    await until(() => !row.isConnected && !document.querySelector('[role="dialog"]'));
    void document.body.offsetHeight;
    const elapsed = performance.now() - t0;
    await idle(300);
    return { elapsed, requests: requests.slice(before), rowsLeft: rows().length };
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
const viteConfig = {
  configFile: false,
  root: benchDir,
  logLevel: 'silent',
  publicDir: false,
  envDir: false,
  plugins: [react(), ownPackagePlugin()],
  build: { outDir: path.join(benchDir, 'dist'), emptyOutDir: true, target: 'es2022', reportCompressedSize: false, minify: !PROFILE },
};
await build({ ...viteConfig, mode: 'production' });

const port = await new Promise((resolve, reject) => {
  const server = createServer();
  server.on('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port: free } = server.address();
    server.close(() => resolve(free));
  });
});
const server = await preview({ ...viteConfig, preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
const url = `http://127.0.0.1:${port}/`;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const times = { section: [], all: [], bare: [], bareShown: [], logOutSection: [], logOutAll: [] };
let profileReport = '';

/** Self time by function over one mount, top 20. */
async function profileMount(tab, kind) {
  const cdp = await tab.context().newCDPSession(tab);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await tab.evaluate((k) => window.mount(k), kind);
  const { profile } = await cdp.send('Profiler.stop');
  await tab.close();
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id])));
  const label = (callFrame) =>
    `${callFrame.functionName || '(anonymous)'} ${callFrame.url ? `${path.basename(callFrame.url).replace(/-[\w-]{8}\.js$/, '.js')}:${callFrame.lineNumber + 1}` : ''}`.trim();
  const self = new Map();
  const deltas = profile.timeDeltas ?? [];
  profile.samples.forEach((id, i) => {
    const { callFrame } = byNode.get(id);
    // A browser built-in (layout, DOM) is named with the script function that called it.
    const caller = !callFrame.url && !callFrame.functionName.startsWith('(') && byNode.get(parentOf.get(id));
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
const seen = {};
try {
  const fresh = async () => {
    const tab = await browser.newPage();
    tab.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
    await tab.goto(url);
    await tab.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    return tab;
  };
  // Interleaved, so drift in the machine's load hits every variant alike.
  for (let run = 0; run < RUNS; run++) {
    for (const kind of ['section', 'all']) {
      const tab = await fresh();
      const mounted = await tab.evaluate((k) => window.mount(k), kind);
      times[kind].push(mounted.elapsed);
      const loggedOut = await tab.evaluate(() => window.logOutOne());
      times[kind === 'section' ? 'logOutSection' : 'logOutAll'].push(loggedOut.elapsed);
      seen[kind] ??= { mounted, loggedOut };
      await tab.close();
    }
    // The bare list, of every row and of the rows the section shows at first.
    for (const [key, texts] of [['bare', seen.all.mounted.texts], ['bareShown', seen.all.mounted.texts.slice(0, seen.section.mounted.shown)]]) {
      const bareTab = await fresh();
      const bare = await bareTab.evaluate((rowTexts) => window.mountBare(rowTexts), texts);
      times[key].push(bare.elapsed);
      await bareTab.close();
    }
  }
  if (PROFILE) {
    for (const kind of ['section', 'all']) {
      profileReport += `\n### mount('${kind}'), self time\n\n${await profileMount(await fresh(), kind)}\n`;
    }
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
  rmSync(benchDir, { recursive: true, force: true });
}

const chromiumVersion = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim();
const runs = (values) => `runs: ${values.map((t) => t.toFixed(0)).join(', ')}`;
const line = (label, value, note = '') => console.log(`  ${pad(label, 58)} ${padStart(value, 9)}   ${note}`);
const ratio = median(times.all) / median(times.bare);
const shownBySection = seen.section.mounted.shown;
console.log(`\n## Time in ${chromiumVersion || 'Chromium'} (headless, production build; median of ${RUNS} fresh page loads)\n`);
const shownRatio = median(times.section) / median(times.bareShown);
line(`all ${ROWS} rows (Provider + ActiveSessionsList pageSize=${ROWS})`, ms(median(times.all)), runs(times.all));
line(`bare React <ul> of the same ${ROWS} row texts`, ms(median(times.bare)), runs(times.bare));
line(`ratio, ${ROWS} rows vs bare (budget ≤ ${BUDGET_RATIO}×, not asserted)`, `${ratio.toFixed(2)}×`, ratio <= BUDGET_RATIO ? 'within budget' : 'OVER BUDGET');
line(`ActiveSessionsSection over ${ROWS} sessions (shows ${shownBySection})`, ms(median(times.section)), runs(times.section));
line(`bare React <ul> of those ${shownBySection} row texts`, ms(median(times.bareShown)), runs(times.bareShown));
line(`ratio, the section as shipped vs bare`, `${shownRatio.toFixed(2)}×`, shownRatio <= BUDGET_RATIO ? 'within budget' : 'OVER BUDGET');
line(`log out one, in the section (confirm → row gone)`, ms(median(times.logOutSection)), runs(times.logOutSection));
line(`log out one, with all ${ROWS} rows shown`, ms(median(times.logOutAll)), runs(times.logOutAll));
console.log('  (mount = render call → rows in the DOM and laid out, including the in-memory fetch, validation and formatting)');

if (profileReport) console.log(`\n## Where the mounts spend their time (Chromium profiler, unminified build; includes idle until rows show)\n${profileReport}`);
console.log('\n## Requests\n');
line('per mount', seen.section.mounted.requests.length, seen.section.mounted.requests.join(', '));
line('per logout of one session', seen.section.loggedOut.requests.length, seen.section.loggedOut.requests.join(', '));
console.log(`\n(Bytes in KB of 1,024 bytes. Timings vary by machine: compare the ratio, not the milliseconds.)`);
