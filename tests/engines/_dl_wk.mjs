import { startServer } from '../e2e/support.mjs';
import { startXvfb, startDriver, Session, kill } from './webdriver.mjs';
const server = await startServer();
const x = await startXvfb();
const drv = await startDriver('/usr/bin/WebKitWebDriver', { env: { ...process.env, DISPLAY: x.display } });
let s;
const ready = () => s.waitFor(() => !!document.querySelector('[data-app-ready]'), { timeout: 15000 });
function watch() { if (window.__wm) return; const wm = window.__wm = { e: [] }; addEventListener('error', (e) => wm.e.push('error ' + e.message)); addEventListener('unhandledrejection', (e) => wm.e.push('rej ' + e.reason)); const o = console.error; console.error = (...a) => { wm.e.push('cerr ' + a.join(' ')); o(...a); }; }
try {
  s = await Session.create(drv.url, { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] } } });
  await s.navigate(server.url + '/settings'); await ready(); await s.execute(watch);
  const b = await s.elementFrom(() => [...document.querySelectorAll('main button')].find(b => b.textContent.trim() === 'Download a backup'));
  await s.click(b);
  await new Promise(r => setTimeout(r, 1500));
  console.log(await s.execute(() => [location.href, window.__wm?.e, [...document.querySelectorAll('[role=status],[role=alert],.notice')].map(n => n.textContent.trim()).filter(Boolean)]));
  const h = await s.cmd('GET', '/window/handles'); console.log('handles', h);
} catch (e) { console.log('ERR', e.message); }
finally { if (s) await s.quit(); await kill(drv.process); await kill(x.process); await server.close(); }
