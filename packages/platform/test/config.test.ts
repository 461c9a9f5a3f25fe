import assert from 'node:assert/strict';
import { loadConfig, port, z } from '../src/index.ts';

describe('configuration', () => {
  const shape = { HTTP_PORT: port, LOG_LEVEL: z.enum(['info', 'debug']).default('info'), NAME: z.string() };

  it('parses, applies defaults and freezes', () => {
    const config = loadConfig(shape, { HTTP_PORT: '3001', NAME: 'till' });
    assert.deepEqual(config, { HTTP_PORT: 3001, LOG_LEVEL: 'info', NAME: 'till' });
    assert.ok(Object.isFrozen(config));
  });

  it('names every bad or missing variable in one message', () => {
    assert.throws(() => loadConfig(shape, { HTTP_PORT: '70000', LOG_LEVEL: 'loud' }), (error: Error) =>
      ['HTTP_PORT', 'LOG_LEVEL', 'NAME'].every((name) => error.message.includes(name)));
  });
});
