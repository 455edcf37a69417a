/**
 * MapLibre draws nothing until its worker runs, and a worker that fails to load (missing, served with a type
 * that is not JavaScript, blocked by the page's policy) only logs to the console: the map would say "loading"
 * for ever. A map still loading after a few seconds checks the worker's file; when that is the cause, the map
 * gives its context back and says so. A slow network finds nothing wrong and the map goes on loading.
 */
import { diagnoseModule, loadProblemText } from '@chiso/core/element';

/**
 * After `ms`, while `stillLoading()`, checks the worker at `url`; calls `failed` with the reader's message only
 * for causes that cannot be a passing hiccup (a policy, a file not there, a wrong type). Returns the timer (or
 * undefined for a worker that cannot be checked this way: a bundler's blob: or data: worker).
 */
export function watchWorker(url: string | undefined, ms: number, stillLoading: () => boolean, failed: (text: { vi: string; en: string }) => void): ReturnType<typeof setTimeout> | undefined {
  if (!url || !/^https?:/.test(url)) return undefined;
  return setTimeout(async () => {
    if (!stillLoading()) return;
    const problem = await diagnoseModule(url).catch(() => null);
    const certain = problem && (problem.kind === 'csp' || problem.kind === 'mime' || problem.kind === 'missing');
    if (certain && stillLoading()) failed(loadProblemText(problem));
  }, ms);
}
