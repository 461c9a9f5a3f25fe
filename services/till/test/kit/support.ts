import assert from 'node:assert/strict';

/** items[index], failing the test when there is none. */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  assert.ok(item !== undefined, `no item ${index} of ${items.length}`);
  return item;
}
