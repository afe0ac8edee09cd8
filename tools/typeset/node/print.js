// node print.js JOBS.json PROFILE_DIR [CHROMIUM] [WORKERS]
// JOBS: [[html, pdf], ...]. Prints each page with puppeteer-core once Paged.js (loaded by
// the page itself) has laid out the whole document and set window.__pagedDone.
const puppeteer = require('puppeteer-core');
const fs = require('fs');
(async () => {
  const jobs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const browser = await puppeteer.launch({
    executablePath: process.argv[4] || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--allow-file-access-from-files'],
    userDataDir: process.argv[3],
  });
  let next = 0;
  async function worker() {
    while (next < jobs.length) {
      const [html, pdf] = jobs[next++];
      const page = await browser.newPage();
      await page.goto('file://' + html, { waitUntil: 'load', timeout: 240000 });
      await page.waitForFunction('window.__pagedDone === true', { timeout: 240000, polling: 200 });
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      await page.close();
      console.error('printed ' + pdf);
    }
  }
  const n = Math.max(1, parseInt(process.argv[5] || '2', 10));
  await Promise.all(Array.from({ length: n }, worker));
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
