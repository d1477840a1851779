// The visit form offline, driven by tests/api/browser.rs: a liaison officer signs in on a
// phone-sized chromium, the service worker takes the page and the officer's linkages, the
// network goes away (playwright's offline emulation, which chromium applies to the service
// worker too), two visits are recorded and queued on the device, the network comes back and
// the queue is sent. The first upload's answer is thrown away after the server has handled it
// (a lost answer on a bad line), so the phone must send again and the server must recognise
// the visits. Everything compared comes from the running app's API, not from numbers written
// here. Prints one JSON line of findings; exits 1 with the reason on failure.
//
// Environment: BASE_URL, USERNAME, PASSWORD, CHROMIUM, SCREENSHOTS.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
};

const base = env('BASE_URL');
const screenshots = env('SCREENSHOTS');
mkdirSync(screenshots, { recursive: true });

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

const findings = {};
const browser = await chromium.launch({
  executablePath: env('CHROMIUM'),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    permissions: ['geolocation'],
    geolocation: { latitude: 22.0, longitude: 100.8, accuracy: 20 },
    serviceWorkers: 'allow',
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));

  // An API call with the page's cookies, outside the browser's (emulated) network.
  const api = async (path) => {
    const response = await context.request.get(base + path);
    check(response.ok(), `${path} answered ${response.status()}`);
    return response.json();
  };

  // Sign in through the form; the form page is where the officer lands.
  await page.goto(`${base}/field`);
  check(new URL(page.url()).pathname === '/login', `an anonymous visit to /field should land on /login, got ${page.url()}`);
  await page.fill('#username', env('USERNAME'));
  await page.fill('#password', env('PASSWORD'));
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  check(new URL(page.url()).pathname === '/field', `after signing in the visit form should open, got ${page.url()}`);
  await page.waitForSelector('body[data-field=ready]', { timeout: 30000 });

  // The service worker controls the page and has kept this officer's linkages.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  let kept = false;
  for (let attempt = 0; attempt < 100 && !kept; attempt += 1) {
    kept = await page.evaluate(async () => {
      for (const name of await caches.keys()) {
        const keys = await (await caches.open(name)).keys();
        if (keys.some((request) => request.url.includes('/field/cache/assignments/'))) {
          return true;
        }
      }
      return false;
    });
    if (!kept) {
      await page.waitForTimeout(200);
    }
  }
  check(kept, 'the service worker keeps the officer\'s linkages');
  const me = await api('/api/v1/auth/me');
  const mine = (await api('/api/v1/linkages/mine')).linkages;
  check(mine.length >= 2, `the officer should have two running linkages, the API lists ${mine.length}`);
  const shown = await page.locator('input[name=linkage]').count();
  check(shown === mine.length, `linkages on the form ${shown} != API ${mine.length}`);
  findings.linkages = shown;
  const before = await api(`/api/v1/visits?officer=${me.id}&limit=100`);
  check(before.features.length === 0, `the officer starts with no visits, the server has ${before.features.length}`);

  // No network. The page still opens (from the service worker), with the kept linkages.
  await context.setOffline(true);
  check(await page.evaluate(() => navigator.onLine === false), 'the browser knows it is offline');
  await page.reload();
  await page.waitForSelector('body[data-field=ready]', { timeout: 30000 });
  check(await page.locator('#linkages[data-state=cached]').count() === 1, 'offline, the linkages come from the phone');
  check(await page.locator('input[name=linkage]').count() === mine.length, 'offline, every linkage is listed');
  check(await page.locator('#field-net[data-online=false]').count() === 1, 'the form says it is offline');
  const network = await page.evaluate(() => fetch('/healthz', { cache: 'no-store' }).then(() => 'reached', () => 'failed'));
  check(network === 'failed', `offline, the server must be out of reach, but /healthz was ${network}`);

  // Two visits: the first linkage's village, precisely; the second linkage's post, with a poor fix.
  const record = async (linkage, kind, accuracy, finding) => {
    const place = kind === 'post' ? linkage.post : linkage.village;
    await context.setGeolocation({ latitude: place.lat, longitude: place.lon, accuracy });
    await page.check(`#linkage-${linkage.id}`);
    await page.check(`#target-${kind}`);
    await page.click('#locate');
    await page.waitForSelector('#position-text:is([data-state=good], [data-state=poor])', { timeout: 30000 });
    if (finding) {
      await page.click('#add-finding');
      await page.selectOption('#finding-list .finding:last-child .finding-kind', finding.kind);
      await page.fill('#finding-list .finding:last-child .finding-text', finding.text);
    }
    await page.fill('#follow-ups', `${kind} ${linkage.id}`);
    const waiting = Number(await page.getAttribute('#queue-count', 'data-count'));
    await page.click('#save');
    await page.waitForSelector(`#queue-count[data-count="${waiting + 1}"]`, { timeout: 10000 });
    return (await page.getAttribute('#position-text', 'data-state')) || '';
  };
  await record(mine[0], 'village', 12, { kind: 'dispute', text: '两户村民因茶地边界发生争执' });
  await record(mine[1], 'post', 250, null);
  check((await page.textContent('#queue-count')).trim() === '2', 'the queue shows two visits waiting');
  const queued = await page.$$eval('#queue-list li[data-state=queued]', (items) => items.map((item) => item.dataset.id));
  check(queued.length === 2 && queued[0] !== queued[1], `two distinct visits queued: ${JSON.stringify(queued)}`);
  await page.screenshot({ path: join(screenshots, 'field-offline-360-zh.png'), fullPage: true });
  const offlineCount = (await api(`/api/v1/visits?officer=${me.id}&limit=100`)).features.length;
  check(offlineCount === 0, `nothing reaches the server while offline, but it has ${offlineCount}`);

  // Back online; the first upload is handled by the server but its answer never reaches the phone.
  let lost = null;
  let uploads = 0;
  let sentBody = null;
  await context.route('**/api/v1/sync/visits', async (route) => {
    uploads += 1;
    if (lost === null) {
      sentBody = route.request().postData();
      const response = await route.fetch();
      lost = { status: response.status(), body: await response.json() };
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await context.setOffline(false);
  await page.waitForSelector('#queue-count[data-count="0"]', { timeout: 60000 });
  await page.waitForSelector('#linkages[data-state=ready]', { timeout: 10000 });
  check(lost !== null && lost.status === 200, `the first upload reached the server: ${JSON.stringify(lost)}`);
  check(lost.body.results.every((result) => result.status === 'created'), `the lost answer said created: ${JSON.stringify(lost.body)}`);
  check(uploads >= 2, `the phone sent again after the lost answer (${uploads} uploads)`);
  findings.uploads = uploads;
  await context.unroute('**/api/v1/sync/visits');

  const stored = (await api(`/api/v1/visits?officer=${me.id}&limit=100`)).features;
  const storedIds = stored.map((feature) => feature.properties.uuid).sort();
  check(JSON.stringify(storedIds) === JSON.stringify([...queued].sort()),
    `the server has exactly the two visits: ${JSON.stringify(storedIds)} vs ${JSON.stringify(queued)}`);
  const atPost = stored.find((feature) => feature.properties.target.kind === 'post');
  const atVillage = stored.find((feature) => feature.properties.target.kind === 'village');
  check(atPost && atPost.properties.flags.includes('low_accuracy'), `the poor fix is flagged: ${JSON.stringify(atPost && atPost.properties.flags)}`);
  check(atVillage && atVillage.properties.flags.length === 0, `the precise visit is not flagged: ${JSON.stringify(atVillage && atVillage.properties.flags)}`);
  check(atVillage.properties.findings.length === 1 && atVillage.properties.findings[0].kind === 'dispute', 'the finding arrived');

  // Replaying the very batch the phone sent creates nothing new.
  for (let replay = 0; replay < 2; replay += 1) {
    const response = await context.request.post(`${base}/api/v1/sync/visits`, {
      data: sentBody,
      headers: { 'Content-Type': 'application/json' },
    });
    check(response.ok(), `replay answered ${response.status()}`);
    const statuses = (await response.json()).results.map((result) => result.status);
    check(statuses.length === 2 && statuses.every((status) => status === 'duplicate'), `replay: ${JSON.stringify(statuses)}`);
  }
  const after = (await api(`/api/v1/visits?officer=${me.id}&limit=100`)).features.length;
  check(after === 2, `after replays the server still has two visits, not ${after}`);
  await page.screenshot({ path: join(screenshots, 'field-synced-360-zh.png'), fullPage: true });
  check(errors.length === 0, `page errors: ${errors.join('; ')}`);

  findings.ids = queued;
  findings.officer = me.id;
  console.log(JSON.stringify(findings));
} finally {
  await browser.close();
}
