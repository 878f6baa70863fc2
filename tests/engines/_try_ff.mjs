import puppeteer from 'puppeteer-core';
import { startServer } from '/work/main/tests/e2e/support.mjs';
const server = await startServer();
const t0 = Date.now();
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, protocol: 'webDriverBiDi',
  env: { ...process.env, MOZ_DISABLE_CONTENT_SANDBOX: '1' }, dumpio: false,
  extraPrefsFirefox: { 'app.update.enabled': false } });
console.log('launched', Date.now() - t0, await browser.version());
const page = await browser.newPage();
page.on('pageerror', (e) => console.log('PAGEERROR', e));
page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
await page.goto(server.url + '/');
await page.waitForSelector('[data-app-ready]', { timeout: 20000 });
console.log('ready', Date.now() - t0, await page.$eval('h1', (e) => e.textContent));
const note = await page.locator('::-p-aria(How are you today?)').waitHandle().catch((e) => String(e));
console.log('aria', note);
console.log(await page.evaluate(async () => { const r = await navigator.serviceWorker.getRegistration(); return r && r.active && r.active.state; }));
await browser.close(); await server.close();
