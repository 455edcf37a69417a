/**
 * Skips the running test and says why, so `npm test` can print every skipped test with its reason (the
 * summary reporter reads the `chiso-skip` line from the page's log). Never skip without a reason.
 */
export function skipBecause(ctx: Mocha.Context, reason: string): never {
  const test = ctx.currentTest ?? ctx.test;
  const path: string[] = [];
  for (let t: Mocha.Runnable | Mocha.Suite | undefined = test; t && t.title; t = t.parent) path.unshift(t.title);
  console.log(`chiso-skip ${JSON.stringify({ name: path.join(' > '), reason })}`);
  ctx.skip();
  throw new Error('unreachable');
}
