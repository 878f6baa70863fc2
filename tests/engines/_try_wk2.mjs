import { startServer } from '../e2e/support.mjs';
import { startXvfb, startDriver, Session, kill } from './webdriver.mjs';
const server = await startServer();
const x = await startXvfb();
const drv = await startDriver('/usr/bin/WebKitWebDriver', { env: { ...process.env, DISPLAY: x.display } });
let s;
try {
  s = await Session.create(drv.url, { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] } } });
  await s.navigate(server.url + '/');
  await s.waitFor(() => !!document.querySelector('[data-app-ready]'));
  console.log(JSON.stringify(await s.execute(() => document.querySelector('header a'))));
  console.log(JSON.stringify(await s.execute(() => [...document.querySelectorAll('a')].map(a => [a.getAttribute('aria-label'), a.textContent]))));
} catch (e) { console.log('ERR', e.message); }
finally { if (s) await s.quit(); await kill(drv.process); await kill(x.process); await server.close(); }
