// Bundles the web app (web/) into dist/: index.html, assets with content-hashed names, and
// sw.js, the service worker that keeps them for offline use. Cached: when nothing that goes
// into the bundle changed since the last build (a hash of the inputs, kept in dist/), it does
// nothing. `node build.ts --force` builds anyway.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, version as esbuildVersion } from 'esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));
const web = join(root, 'web');
const dist = join(root, 'dist');
const stampFile = join(dist, '.inputs-hash');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** What the bundle is made of: the web sources, this script and the exact package versions. */
function inputsHash(): string {
  const hash = createHash('sha256').update(esbuildVersion);
  const lock = join(root, '..', '..', 'package-lock.json');
  for (const file of [...filesUnder(web), fileURLToPath(import.meta.url), lock]) {
    hash.update(relative(root, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

const indexHtml = (script: string, style: string) => `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Till</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/${style}">
<script type="module" src="/${script}"></script>
</head>
<body><div id="app"></div></body>
</html>
`;

async function bundle(out: string, hash: string): Promise<void> {
  const app = await build({
    entryPoints: [join(web, 'main.tsx')], bundle: true, format: 'esm', target: 'es2022', minify: true, sourcemap: 'linked',
    jsx: 'automatic', jsxImportSource: 'preact', outdir: join(out, 'assets'), entryNames: '[name]-[hash]',
    metafile: true, logLevel: 'warning', legalComments: 'none',
  });
  const outputs = Object.keys(app.metafile.outputs).map((file) => relative(out, file));
  const script = outputs.find((file) => file.endsWith('.js'));
  const style = outputs.find((file) => file.endsWith('.css'));
  if (!script || !style) throw new Error(`the bundle lacks its script or style: ${outputs.join(', ')}`);
  writeFileSync(join(out, 'index.html'), indexHtml(script, style));
  // The shell the service worker keeps; the version makes a new build replace the old cache.
  const shell = ['/', ...outputs.filter((file) => !file.endsWith('.map')).map((file) => `/${file}`)];
  await build({
    entryPoints: [join(web, 'sw', 'sw.ts')], bundle: true, format: 'iife', target: 'es2022', minify: true,
    outfile: join(out, 'sw.js'), logLevel: 'warning',
    define: { __SHELL__: JSON.stringify(shell), __VERSION__: JSON.stringify(hash.slice(0, 12)) },
  });
}

export async function buildTill(options: { force?: boolean } = {}): Promise<'built' | 'fresh'> {
  const hash = inputsHash();
  if (!options.force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) return 'fresh';
  // Built aside and swapped in, so a server never serves half a build.
  const next = `${dist}.next`;
  rmSync(next, { recursive: true, force: true });
  await bundle(next, hash);
  writeFileSync(join(next, '.inputs-hash'), hash);
  rmSync(`${dist}.old`, { recursive: true, force: true });
  if (existsSync(dist)) renameSync(dist, `${dist}.old`);
  renameSync(next, dist);
  rmSync(`${dist}.old`, { recursive: true, force: true });
  return 'built';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const outcome = await buildTill({ force: process.argv.includes('--force') });
  console.log(outcome === 'fresh' ? 'till web app: up to date' : `till web app: built into ${relative(process.cwd(), dist) || dist} in ${Date.now() - started} ms`);
}
