// The kit is bundled for the browser: nothing in it, or in what it imports, may need Node.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const kit = fileURLToPath(new URL('../../web/kit/', import.meta.url));

describe('till kit in the browser', () => {
  it('every kit module bundles for the browser, with no Node built-in anywhere in it', async () => {
    const modules = readdirSync(kit).filter((name) => name.endsWith('.ts')).map((name) => `${kit}${name}`);
    assert.ok(modules.length >= 11);
    const result = await build({ entryPoints: modules, bundle: true, platform: 'browser', format: 'esm', write: false, outdir: 'out', logLevel: 'silent', metafile: true });
    const inputs = Object.keys(result.metafile.inputs);
    assert.deepEqual(inputs.filter((input) => /^node:|(^|\/)(fs|path|crypto|buffer|stream|util)$/.test(input)), []);
    assert.ok(inputs.some((input) => input.includes('receipt-printer-encoder')), 'the ESC/POS encoder is in the bundle');
  });
});
