// Browser checks of the pages, driven by tests/api/browser.rs: Debian's chromium, headless,
// through playwright-core (pinned in package-lock.json). Everything the checks compare against
// comes from the running app's API or from the environment the Rust test sets, never from
// numbers written here. Prints one JSON line of findings; exits 1 with the reason on failure.
//
// Environment: BASE_URL, USERNAME, PASSWORD, CHROMIUM (executable), SCREENSHOTS (directory),
// EXPECT_EN_MAP_TITLE and EXPECT_EN_LEGEND (the English messages, read by the Rust test from
// locales/en), DASHBOARD_YEAR.
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

async function apiJson(page, path) {
  const response = await page.request.get(base + path);
  check(response.ok(), `${path} answered ${response.status()}`);
  return response.json();
}

const findings = {};
const browser = await chromium.launch({
  executablePath: env('CHROMIUM'),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  // A phone: 360 px wide, as liaison officers use it.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400) {
      errors.push(`${response.status()} ${response.url()}`);
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(message.text());
    }
  });

  // Sign in through the form.
  await page.goto(`${base}/map`);
  check(new URL(page.url()).pathname === '/login', `an anonymous visit to /map should land on /login, got ${page.url()}`);
  await page.fill('#username', env('USERNAME'));
  await page.fill('#password', env('PASSWORD'));
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  check(new URL(page.url()).pathname === '/map', `after signing in the map should open, got ${page.url()}`);

  // The map: one marker per village the API lists for this user.
  await page.waitForSelector('#map[data-state=ready]', { timeout: 30000 });
  const villages = await apiJson(page, '/api/v1/villages?limit=1');
  const markers = await page.locator('path.village-marker').count();
  const keyMarkers = await page.locator('path.village-marker.key-village').count();
  const keyInApi = (await apiJson(page, '/api/v1/villages?limit=10000')).features.filter((f) => f.properties.is_key).length;
  check(markers === villages.numberMatched, `village markers ${markers} != API numberMatched ${villages.numberMatched}`);
  check(keyMarkers === keyInApi, `key-village markers ${keyMarkers} != key villages in the API ${keyInApi}`);
  const bins = await page.locator('path.border-bin').count();
  check(bins > 0, 'the border is drawn in bins');
  const clusters = await page.locator('.marker-cluster').count();
  check(clusters > 0, 'incidents are drawn as clusters');
  const horizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  check(!horizontalScroll, 'the map page does not scroll sideways at 360 px');
  findings.villageMarkers = markers;
  findings.keyVillageMarkers = keyMarkers;
  findings.borderBins = bins;
  await page.screenshot({ path: join(screenshots, 'map-360-zh.png') });

  // A record page's "on the map" link opens the map on that village, its popup showing the
  // API's values and linking back.
  const village = villages.features[0];
  await page.goto(`${base}/map?focus=village:${village.id}`);
  await page.waitForSelector('#map[data-state=ready]', { timeout: 30000 });
  const popup = (await page.locator('.leaflet-popup-content').textContent()) || '';
  check(popup.includes(village.properties.name_zh), `the popup names ${village.properties.name_zh}: ${popup}`);
  check(popup.includes(village.properties.border_km.toFixed(1)), `the popup gives border km ${village.properties.border_km}: ${popup}`);
  const recordLink = await page.locator('.leaflet-popup-content a').getAttribute('href');
  check(recordLink === `/villages/${village.id}`, `the popup links to the village page: ${recordLink}`);

  // Switch to English with the switcher; labels come from locales/en.
  await Promise.all([page.waitForNavigation(), page.click('nav.languages a[hreflang=en]')]);
  await page.waitForSelector('#map[data-state=ready]', { timeout: 30000 });
  const title = (await page.locator('h1').textContent()).trim();
  check(title === env('EXPECT_EN_MAP_TITLE'), `English map title: ${JSON.stringify(title)}`);
  const legend = (await page.locator('.map-legend strong').textContent()).trim();
  check(legend.startsWith(env('EXPECT_EN_LEGEND')), `English legend: ${JSON.stringify(legend)}`);
  check((await page.getAttribute('html', 'lang')) === 'en', 'the page says it is in English');
  findings.englishTitle = title;

  // The language choice sticks (cookie): the dashboard is in English too. Its figures are the API's.
  const year = env('DASHBOARD_YEAR');
  await page.goto(`${base}/?year=${year}`);
  check((await page.getAttribute('html', 'lang')) === 'en', 'the language choice is remembered');
  const api = await apiJson(page, `/api/v1/dashboard?year=${year}`);
  check(Array.isArray(api.figures) && api.figures.length > 0, 'the dashboard API lists figures');
  // Every figure of the API is on the page with the same base, compare and change values.
  const rows = await page.evaluate(() => Array.from(document.querySelectorAll('tr[id]')).map((row) => ({
    id: row.id,
    values: Array.from(row.querySelectorAll('td[data-value]')).map((cell) => cell.getAttribute('data-value')),
  })));
  for (const figure of api.figures) {
    const row = rows.find((candidate) => candidate.id === figure.id);
    check(row, `figure ${figure.id} of the API is not on the dashboard`);
    const expected = [figure.base, figure.compare, figure.change].filter((value) => value !== null && value !== undefined);
    check(row.values.length === expected.length && row.values.every((value, i) => Number(value) === Number(expected[i])),
      `figure ${figure.id}: page ${JSON.stringify(row.values)} != API ${JSON.stringify(expected)}`);
  }
  const incidents = api.figures.find((figure) => figure.id === 'incidents');
  const change = (await page.locator('#incidents .change').textContent()).trim();
  check(change.includes(Math.abs(incidents.change).toFixed(1)), `incidents change ${JSON.stringify(change)} != API ${incidents.change}`);
  findings.dashboardFigures = api.figures.length;
  findings.dashboardIncidents = incidents.compare;
  findings.dashboardChange = change;
  await page.screenshot({ path: join(screenshots, 'dashboard-360-en.png'), fullPage: true });

  // An official's desktop view of the map, for the record.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 860 }, storageState: await context.storageState() });
  const deskPage = await desk.newPage();
  await deskPage.goto(`${base}/map?lang=zh-CN`);
  await deskPage.waitForSelector('#map[data-state=ready]', { timeout: 30000 });
  await deskPage.screenshot({ path: join(screenshots, 'map-1280-zh.png') });

  // The incident density overlay (last in the layer switcher) is off until switched on; then
  // it draws one cell per feature of the grid API for the compared year, and its legend shows.
  check((await deskPage.locator('path.density-cell').count()) === 0, 'the density layer starts switched off');
  const compareYear = (await apiJson(deskPage, '/api/v1/border/bins')).compare_year;
  const grid = await apiJson(deskPage, `/api/v1/incidents/grid?cell_km=5&year=${compareYear}`);
  check(grid.features.length > 0, 'the grid API has cells for the compared year');
  await deskPage.locator('.leaflet-control-layers-overlays input').last().evaluate((input) => input.click());
  const cells = await deskPage.locator('path.density-cell').count();
  check(cells === grid.features.length, `density cells ${cells} != grid API features ${grid.features.length}`);
  check(await deskPage.locator('.map-legend-density').isVisible(), 'the density legend shows with its layer');
  findings.densityCells = cells;
  await deskPage.screenshot({ path: join(screenshots, 'map-1280-density-zh.png') });

  // Flagged liaison visits: off until switched on (found by the page's own label), then one
  // marker per flagged visit the API lists for this official.
  const flagged = await apiJson(deskPage, `/api/v1/visits?flagged=true&limit=10000&from=${compareYear}-01-01&to=${compareYear}-12-31`);
  check(flagged.numberMatched > 0, 'the demo has flagged visits');
  check((await deskPage.locator('.visit-flagged-marker').count()) === 0, 'the flagged-visit layer starts switched off');
  const switched = await deskPage.evaluate(() => {
    const name = JSON.parse(document.getElementById('map-config').textContent).labels.flaggedVisits;
    const row = Array.from(document.querySelectorAll('.leaflet-control-layers-overlays label'))
      .find((label) => label.textContent.trim().startsWith(name));
    if (!row) {
      return false;
    }
    row.querySelector('input').click();
    return true;
  });
  check(switched, 'the layer switcher lists the flagged visits');
  const flaggedMarkers = await deskPage.locator('.visit-flagged-marker').count();
  check(flaggedMarkers === flagged.features.length, `flagged-visit markers ${flaggedMarkers} != API ${flagged.features.length}`);
  findings.flaggedVisits = flaggedMarkers;
  await deskPage.locator('.visit-flagged-marker').first().dispatchEvent('click');
  await deskPage.waitForSelector('.leaflet-popup-content a[href^="/linkages/"]', { timeout: 10000 });
  await deskPage.screenshot({ path: join(screenshots, 'map-1280-flagged-zh.png') });

  check(errors.length === 0, `the pages logged errors: ${errors.join(' | ')}`);
  console.log(JSON.stringify(findings));
} catch (error) {
  console.error(error && error.stack ? error.stack : String(error));
  process.exitCode = 1;
} finally {
  await browser.close();
}
