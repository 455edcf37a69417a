// The demo portal under a strict Content-Security-Policy (test/csp-server.mjs: no 'unsafe-eval', no inline
// script): every element draws, MapLibre renders features, the BTS worker runs, and the browser reports no
// violation.
import { expect, waitUntil } from '@open-wc/testing';

interface Chiso extends HTMLElement {
  state: string;
}

async function reports(): Promise<Array<Record<string, string>>> {
  return (await fetch('/__csp-report')).json();
}

describe('the demo portal under a strict CSP', function () {
  this.timeout(200000);

  it('draws every element with no violation reported', async () => {
    await fetch('/__csp-report', { method: 'DELETE' });
    // The demo's data is written by the build (examples/data); without it there is nothing to check.
    const probe = await fetch('/examples/data/phu-tho-xa-dvc.json', { method: 'HEAD' });
    expect(probe.ok, 'run npm run build first').to.equal(true);
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:1200px;height:900px;border:0';
    frame.src = '/__csp/examples/index.html';
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    const doc = frame.contentDocument!;
    // The CSP header really is on the page: an inline script added now must not run.
    const probeScript = doc.createElement('script');
    probeScript.textContent = 'window.__inlineRan = true';
    doc.body.append(probeScript);
    expect((frame.contentWindow as unknown as { __inlineRan?: boolean }).__inlineRan, 'inline script blocked').to.equal(undefined);
    await waitUntil(() => reports().then((r) => r.some((x) => x['violated-directive']?.startsWith('script-src') || x['effective-directive']?.startsWith('script-src'))), 'the blocked probe is reported', { timeout: 10000 });
    await fetch('/__csp-report', { method: 'DELETE' });
    // Every chiso element leaves loading; maps are scrolled into view so they start.
    // (<chiso-legend> mirrors its layer and has no state of its own.)
    const all = () => [...doc.querySelectorAll('*')].filter((e) => e.localName.startsWith('chiso-') && e.localName !== 'chiso-legend') as Chiso[];
    for (const m of doc.querySelectorAll('chiso-map, chiso-choropleth')) {
      m.scrollIntoView();
      await new Promise((r) => setTimeout(r, 200));
    }
    const settled = await waitUntil(() => all().every((e) => e.state !== 'idle' && e.state !== 'loading'), 'settled', { timeout: 150000, interval: 500 }).then(() => true, () => false);
    expect(settled, `every element settled: ${all().map((e) => `${e.localName}:${e.state}`).join(' ')}; reports ${JSON.stringify(await reports()).slice(0, 1500)}`).to.equal(true);
    const states = all().map((e) => `${e.localName}:${e.state}`);
    // The one error on the page is the demo's deliberate "bad value" gauge.
    const errors = all().filter((e) => e.state === 'error');
    expect(errors.length, states.join(' ')).to.equal(1);
    expect(errors[0].getAttribute('value')).to.equal('abc');
    // MapLibre drew features on every map (WebGL and its worker ran under the policy).
    for (const m of doc.querySelectorAll('chiso-map')) {
      const map = (m as unknown as { map?: { queryRenderedFeatures(): unknown[] } }).map;
      expect(map, 'a MapLibre map').to.exist;
      expect(map!.queryRenderedFeatures().length, m.getAttribute('label') ?? '').to.be.greaterThan(0);
    }
    // The BTS layer's coverage came back from its worker.
    const bts = doc.querySelector('chiso-bts-layer') as unknown as { stats?: { sites: number } };
    expect(bts.stats?.sites).to.equal(900);
    await new Promise((r) => setTimeout(r, 500)); // reports are sent asynchronously
    expect(await reports(), 'no CSP violation').to.deep.equal([]);
    frame.remove();
  });
});
