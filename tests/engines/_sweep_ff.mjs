import puppeteer from 'puppeteer-core';
import { startServer, ROUTES } from '../e2e/support.mjs';
const server = await startServer();
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, protocol: 'webDriverBiDi', env: { ...process.env, MOZ_DISABLE_CONTENT_SANDBOX: '1' } });
const page = await browser.newPage();
await page.setViewport({ width: 360, height: 740 });
const errors = [];
page.on('pageerror', (e) => errors.push(`pageerror: ${e?.message ?? e}`));
page.on('console', (m) => { if (m.type() !== 'log' && m.type() !== 'debug' && m.type() !== 'info') errors.push(`console ${m.type()}: ${m.text()}`); });
await page.evaluateOnNewDocument(() => { window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`)); });
for (const r of ROUTES) {
  errors.length = 0;
  await page.goto(server.url + r);
  try { await page.waitForSelector('[data-app-ready]', { timeout: 15000 }); } catch { console.log(r, 'NOT READY'); }
  const info = await page.evaluate(() => ({ h1: document.querySelector('main h1')?.textContent.trim(), csp: window.__csp, hscroll: document.documentElement.scrollWidth > innerWidth }));
  console.log(r, JSON.stringify(info), errors.join(' | '));
  if (['/', '/journal/new', '/insights', '/tools/craving'].includes(r)) await page.screenshot({ path: `/tmp/ff${r.replaceAll('/', '_')}.png`, fullPage: false });
}
await browser.close(); await server.close();
