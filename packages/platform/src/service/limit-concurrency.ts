/** Runs at most `max` of the given jobs at once; the others wait their turn, first come first
 * served. For work that holds much memory while it runs (a password hash). */
export function limitConcurrency(max: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    // A released slot goes to the first waiter before anyone new can take it.
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await job();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
