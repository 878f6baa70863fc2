import { writeFile } from 'node:fs/promises';
import { startServer } from '../e2e/support.mjs';
import { startXvfb, startDriver, Session, kill } from './webdriver.mjs';
const server = await startServer();
const x = await startXvfb();
const drv = await startDriver('/usr/bin/WebKitWebDriver', { env: { ...process.env, DISPLAY: x.display } });
let s;
const ready = () => s.waitFor(() => !!document.querySelector('[data-app-ready]'), { timeout: 15000 });
function watch() { if (window.__wm) return; const wm = window.__wm = { e: [] }; addEventListener('error', (e) => wm.e.push('error ' + e.message)); addEventListener('unhandledrejection', (e) => wm.e.push('rej ' + e.reason)); const o = console.error, w = console.warn; console.error = (...a) => { wm.e.push('cerr ' + a.join(' ')); o(...a); }; console.warn = (...a) => { wm.e.push('cwarn ' + a.join(' ')); w(...a); }; }
try {
  s = await Session.create(drv.url, { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] } } });
  await s.navigate(server.url + '/settings'); await ready(); await s.execute(watch);
  const dark = await s.elementFrom(() => [...document.querySelectorAll('label')].find(l => l.textContent.trim() === 'Dark')?.control);
  await s.click(dark);
  await s.waitFor(() => document.documentElement.dataset.theme === 'dark', { timeout: 5000 });
  console.log('errs', await s.execute(() => window.__wm.e));
  await s.refresh(); await ready();
  console.log('theme after reload', await s.execute(() => document.documentElement.dataset.theme));
  await s.navigate(server.url + '/journal/new'); await ready(); await s.execute(watch);
  const note = await s.css('#checkin-note');
  await s.sendKeys(note, 'draft text wk');
  console.log('errs', await s.execute(() => window.__wm.e));
  await s.refresh(); await ready();
  await new Promise(r => setTimeout(r, 500));
  console.log('draft after reload', await s.execute(() => [document.querySelector('#checkin-note').value, document.body.innerText.includes('We kept your unsaved check-in')]));
  await s.navigate(server.url + '/tools/craving'); await ready(); await s.execute(watch);
  const b = await s.elementFrom(() => [...document.querySelectorAll('main button')][0]);
  await s.click(b);
  await new Promise(r => setTimeout(r, 2500));
  const png = await s.cmd('GET', '/screenshot'); await writeFile('/tmp/wk_dark_craving.png', Buffer.from(png, 'base64'));
  console.log('errs', await s.execute(() => window.__wm.e));
  // Settings: storage, download backup
  await s.navigate(server.url + '/settings'); await ready(); await s.execute(watch);
  console.log(await s.execute(() => [...document.querySelectorAll('main button')].map(b => b.textContent.trim())));
  console.log(await s.executeAsync(async () => ({ persisted: navigator.storage && await navigator.storage.persisted?.(), est: navigator.storage && !!navigator.storage.estimate })));
} catch (e) { console.log('ERR', e.message); }
finally { if (s) await s.quit(); await kill(drv.process); await kill(x.process); await server.close(); }
