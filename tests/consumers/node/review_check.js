// Opens a review page in headless Chromium (Debian's /usr/bin/chromium, driven by
// puppeteer-core) and checks it through the DOM, as a reviewer uses it:
//   node review_check.js PAGE.html SCREENSHOT.png EXPORT.xces ROW JOIN_ROW
// Prints JSON: rows, flagged row numbers, whether hovering a side-a sentence highlights
// exactly its side-b partners, the first screen's screenshot, and the corrected
// alignment exported after marking the link of row ROW's first side-a sentence wrong
// (written to EXPORT.xces), then after also joining the link of row JOIN_ROW's first
// side-a sentence with the next link (written to EXPORT.xces.join). Also the page's
// render time in milliseconds.
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

(async () => {
  const [page_path, shot, exported, row, join_row] = process.argv.slice(2);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'unpara-review-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
    userDataDir: profile,
  });
  try {
    const page = await browser.newPage();
    const requests = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setViewport({ width: 1280, height: 900 });
    const t0 = Date.now();
    await page.goto('file://' + path.resolve(page_path), { waitUntil: 'load' });
    const render_ms = Date.now() - t0;
    await page.screenshot({ path: shot });
    const rows = await page.$$eval('section.row', (r) => r.length);
    const flagged = await page.$$eval('section.row.flagged', (r) => r.map((x) => Number(x.dataset.row)));
    // Hover the first side-a sentence that has a two-sided link.
    const probe = await page.evaluate(() => {
      for (const s of document.querySelectorAll('.cell[data-side="0"] .s[data-link]')) {
        const n = s.dataset.link;
        const partners = document.querySelectorAll('.cell[data-side="1"] .s[data-link="' + n + '"]');
        if (partners.length) { return { sid: s.dataset.sid, link: n, partners: partners.length }; }
      }
      return null;
    });
    await page.hover('.cell[data-side="0"] .s[data-sid="' + probe.sid + '"]');
    const hover = await page.evaluate((n) => {
      const hl = [...document.querySelectorAll('.s.hl')];
      return {
        highlighted_b: hl.filter((s) => s.closest('.cell').dataset.side === '1').map((s) => s.dataset.sid),
        all_same_link: hl.every((s) => s.dataset.link === n),
      };
    }, probe.link);
    // Keyboard: n goes to the first flagged row.
    await page.keyboard.press('n');
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.dataset.row);
    // A correction by clicking: the link of row ROW's first side-a sentence is wrong.
    const target = await page.$eval('#row-' + row + ' .cell[data-side="0"] .s', (s) => s.dataset.sid);
    await page.click('#row-' + row + ' .cell[data-side="0"] .s');
    await page.click('#wrong');
    await page.click('#export-button');
    const xces = await page.$eval('#export', (t) => t.value);
    fs.writeFileSync(exported, xces);
    const joined = await page.$eval('#row-' + join_row + ' .cell[data-side="0"] .s', (s) => s.dataset.sid);
    await page.click('#row-' + join_row + ' .cell[data-side="0"] .s');
    await page.click('#join');
    await page.click('#export-button');
    fs.writeFileSync(exported + '.join', await page.$eval('#export', (t) => t.value));
    console.log(JSON.stringify({
      rows, flagged, probe, hover, focused_row: focused === undefined ? null : Number(focused),
      corrected_sentence: target, joined_sentence: joined, render_ms, external_requests: requests, errors,
    }));
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
})().catch((e) => { console.error(e); process.exit(1); });
