import puppeteer from 'puppeteer-core';
import { startServer } from '../e2e/support.mjs';
const server = await startServer();
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, protocol: 'webDriverBiDi', env: { ...process.env, MOZ_DISABLE_CONTENT_SANDBOX: '1' } });
const page = await browser.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(`pageerror: ${e?.message ?? e}`));
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warn' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`); });
const ready = () => page.waitForSelector('[data-app-ready]', { timeout: 15000 });
try {
  await page.goto(server.url + '/settings'); await ready();
  await page.locator('::-p-aria([name="Dark"][role="radio"])').click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark', { timeout: 5000 });
  await page.reload(); await ready();
  console.log('theme after reload', await page.evaluate(() => document.documentElement.dataset.theme));
  await page.goto(server.url + '/journal/new'); await ready();
  await page.locator('::-p-aria([name="Note"][role="textbox"])').fill('draft text ff');
  await page.reload(); await ready();
  await new Promise(r => setTimeout(r, 500));
  console.log('draft after reload', await page.$eval('#checkin-note', (t) => t.value), await page.evaluate(() => document.body.innerText.includes('We kept your unsaved check-in')));
  // craving tool
  await page.goto(server.url + '/tools/craving'); await ready();
  console.log(await page.evaluate(() => [...document.querySelectorAll('main button')].map(b => b.textContent.trim())));
  await page.screenshot({ path: '/tmp/ff_dark_craving.png' });
  // delete-everything page check of caches
  console.log('errors', errors);
} catch (e) { console.log('ERR', e); }
await browser.close(); await server.close();
