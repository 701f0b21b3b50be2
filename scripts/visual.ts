#!/usr/bin/env -S npx tsx
// `npm run test:visual`: the browser tests of test/visual/ (forced colours, reflow and text spacing,
// the automatic theme, the reference screenshots) in Chromium, then the contact sheet, one HTML page
// of every reference and of what a failing run saw: test/visual/report/index.html.
// `npm run test:visual -- --update` remakes the references (and records the Chromium that made them).
// Other arguments go to Vitest, e.g. `npm run test:visual -- screenshots` for the screenshots alone.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** One screenshot of the run, as test/visual/screenshots.test.tsx lists it in run.json. */
type Shot = { file: string; title: string; width: number | ''; variant: string };
/** What the screenshot test leaves in test/visual/report/run.json. */
type Run = { running: string; recorded: string | null; updating: boolean; differed: string[]; shots: Shot[] };

const REFERENCES = 'test/visual/references';
const REPORT = 'test/visual/report';

rmSync(REPORT, { recursive: true, force: true });
const { status } = spawnSync('npx', ['vitest', 'run', '--project', 'visual', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' },
});

const run = existsSync(`${REPORT}/run.json`) ? (JSON.parse(readFileSync(`${REPORT}/run.json`, 'utf8')) as Run) : undefined;
const sheet = writeContactSheet(run);
console.log(`\nContact sheet: ${sheet} (${pathToFileURL(sheet).href})`);
if (run?.differed.length) {
  console.log(
    `\nThe references were made with Chromium ${run.recorded}; this is Chromium ${run.running}. ${run.differed.length} screenshot(s) differ,` +
      ' which a new Chromium alone can cause. Review them on the contact sheet, then remake the references with this' +
      ' Chromium: npm run test:visual -- --update',
  );
} else if (run?.recorded && run.recorded !== run.running && !run.updating) {
  console.log(
    `\nThe references were made with Chromium ${run.recorded}; this is Chromium ${run.running}, and every screenshot still matches. \`npm run test:visual -- --update\` records the new build.`,
  );
}
process.exit(status ?? 1);

/** Writes the contact sheet and returns its path. */
function writeContactSheet(run: Run | undefined): string {
  const files = existsSync(REFERENCES) ? readdirSync(REFERENCES).filter((name) => name.endsWith('.png')) : [];
  const reported = existsSync(REPORT) ? readdirSync(REPORT) : [];
  // The run's own list, in its order and with titles; the files on disk when the run stopped early.
  const shots: Shot[] =
    run?.shots ?? files.map((name) => ({ file: name.replace(/\.png$/, ''), title: name.split('_')[0]!, width: '', variant: '' }));
  const changed = shots.filter(({ file }) => reported.includes(`${file}-actual.png`) || reported.includes(`${file}-reference.png`));
  const card = ({ file, title, width, variant }: Shot) => {
    const reference = files.includes(`${file}.png`) ? `../references/${file}.png` : undefined;
    return `<figure><a href="${reference ?? `${file}-reference.png`}"><img loading="lazy" src="${reference ?? `${file}-reference.png`}" alt="${escape(title)}, ${width} px, ${variant}" style="max-inline-size: ${width === 320 ? 320 : 640}px"></a><figcaption><b>${escape(title)}</b><br>${width} px · ${variant}${reference ? '' : ' · <em>no reference yet</em>'}</figcaption></figure>`;
  };
  const comparison = ({ file, title, width, variant }: Shot) => {
    const pictures = [
      ['reference', files.includes(`${file}.png`) ? `../references/${file}.png` : undefined],
      [
        'this run',
        reported.includes(`${file}-actual.png`)
          ? `${file}-actual.png`
          : reported.includes(`${file}-reference.png`)
            ? `${file}-reference.png`
            : undefined,
      ],
      ['difference (red)', reported.includes(`${file}-diff.png`) ? `${file}-diff.png` : undefined],
    ].filter(([, src]) => src);
    return `<section class="changed"><h3>${escape(title)}, ${width} px, ${variant}</h3><div class="row">${pictures.map(([label, src]) => `<figure><a href="${src}"><img src="${src}" alt="${label}"></a><figcaption>${label}</figcaption></figure>`).join('')}</div></section>`;
  };
  const versions = run
    ? `References made with Chromium ${escape(run.recorded ?? 'unknown')}; this run: Chromium ${escape(run.running)}${run.recorded && run.recorded !== run.running ? ' — <strong>a different build: remake the references with <code>npm run test:visual -- --update</code> once the changes below are reviewed</strong>' : ''}.`
    : 'The screenshot test did not finish; the references on disk are shown.';
  const html = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Active sessions: reference screenshots</title>
<style>
  body { margin: 2rem; font: 15px/1.45 system-ui, sans-serif; color: #0d0d0d; }
  .grid { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
  figure { margin: 0; }
  img { display: block; max-inline-size: 100%; border: 1px solid #d0d0d5; }
  figcaption { margin-block-start: 0.25rem; font-size: 13px; color: #5d5d5d; }
  .changed { margin-block-end: 2rem; }
  .changed .row { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
  .changed img { max-inline-size: 420px; }
</style>
<h1>Active sessions: reference screenshots</h1>
<p>${versions} ${shots.length} references in <code>${REFERENCES}/</code>; click a picture for full size.
Update them with <code>npm run test:visual -- --update</code> and commit the PNGs with the change that moved them.</p>
${changed.length ? `<h2>Changed in this run (${changed.length})</h2>\n${changed.map(comparison).join('\n')}` : '<p><strong>No differences in this run.</strong></p>'}
<h2>Every reference</h2>
<div class="grid">
${shots.map(card).join('\n')}
</div>
</html>
`;
  mkdirSync(REPORT, { recursive: true });
  writeFileSync(`${REPORT}/index.html`, html);
  return `${REPORT}/index.html`;
}

function escape(text: string): string {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c as '&' | '<' | '>' | '"']);
}
