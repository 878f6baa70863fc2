import { startServer } from '../e2e/support.mjs';
import { startXvfb, startDriver, Session, kill } from './webdriver.mjs';
const server = await startServer();
const t0 = Date.now();
const x = await startXvfb();
console.log('xvfb', x.display, Date.now() - t0);
const drv = await startDriver('/usr/bin/WebKitWebDriver', { env: { ...process.env, DISPLAY: x.display } });
console.log('driver', drv.url, Date.now() - t0);
let s;
try {
  s = await Session.create(drv.url, { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] } } });
  console.log('session', s.id, JSON.stringify(s.capabilities), Date.now() - t0);
  await s.navigate(server.url + '/');
  console.log('nav', Date.now() - t0);
  await s.waitFor(() => !!document.querySelector('[data-app-ready]'), { message: 'ready' }).catch(async (e) => { console.log(e.message, await s.execute(() => document.body.innerHTML.slice(0, 500))); });
  console.log('ready', Date.now() - t0, await s.execute(() => document.querySelector('h1')?.textContent));
  console.log(await s.execute(() => ({ sw: 'serviceWorker' in navigator, ua: navigator.userAgent, secure: isSecureContext })));
  console.log(await s.executeAsync(async () => { if (!('serviceWorker' in navigator)) return 'none'; const r = await Promise.race([navigator.serviceWorker.ready, new Promise(r => setTimeout(r, 5000))]); return r ? r.active.state : 'timeout'; }));
} catch (e) { console.log('ERR', e.message, drv.log()); }
finally {
  if (s) await s.quit();
  await kill(drv.process); await kill(x.process); await server.close();
  console.log('done', Date.now() - t0);
}
