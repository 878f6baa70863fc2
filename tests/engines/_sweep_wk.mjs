import { writeFile } from 'node:fs/promises';
import { startServer, ROUTES } from '../e2e/support.mjs';
import { startXvfb, startDriver, Session, kill } from './webdriver.mjs';
const server = await startServer();
const x = await startXvfb();
const drv = await startDriver('/usr/bin/WebKitWebDriver', { env: { ...process.env, DISPLAY: x.display } });
let s;
function watch() { if (window.__wm) return; const wm = window.__wm = { e: [] }; addEventListener('error', (e) => wm.e.push('error ' + e.message)); addEventListener('unhandledrejection', (e) => wm.e.push('rej ' + e.reason)); const o = console.error, w = console.warn; console.error = (...a) => { wm.e.push('cerr ' + a.join(' ')); o(...a); }; console.warn = (...a) => { wm.e.push('cwarn ' + a.join(' ')); w(...a); }; document.addEventListener('securitypolicyviolation', (e) => wm.e.push('csp ' + e.violatedDirective)); }
try {
  s = await Session.create(drv.url, { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] } } });
  await s.cmd('POST', '/window/rect', { width: 360, height: 740 }).catch((e) => console.log('rect', e.message));
  console.log(await s.execute(() => [innerWidth, innerHeight]));
  for (const r of ROUTES) {
    await s.navigate(server.url + r);
    try { await s.waitFor(() => !!document.querySelector('[data-app-ready]'), { timeout: 15000 }); } catch { console.log(r, 'NOT READY', await s.execute(() => document.body.innerText.slice(0, 300))); continue; }
    await s.execute(watch);
    await new Promise((res) => setTimeout(res, 300));
    const info = await s.execute(() => ({ h1: document.querySelector('main h1')?.textContent.trim(), hscroll: document.documentElement.scrollWidth > innerWidth ? document.documentElement.scrollWidth : false, e: window.__wm.e }));
    console.log(r, JSON.stringify(info));
    if (['/', '/journal/new', '/insights', '/tools/craving', '/settings', '/guide/3'].includes(r)) {
      const png = await s.cmd('GET', '/screenshot');
      await writeFile(`/tmp/wk${r.replaceAll('/', '_')}.png`, Buffer.from(png, 'base64'));
    }
  }
} catch (e) { console.log('ERR', e.message); }
finally { if (s) await s.quit(); await kill(drv.process); await kill(x.process); await server.close(); }
