// A tiny W3C WebDriver client over plain fetch(), enough to drive WebKitGTK's
// MiniBrowser through WebKitWebDriver (no Playwright WebKit build is ever
// downloaded). It also starts and stops the X server and the driver, and
// always kills what it started.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { access, constants } from 'node:fs/promises';

/** The W3C key for an element reference in JSON. */
export const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** True when `path` exists and can be executed. */
export async function isExecutable(path) {
  try { await access(path, constants.X_OK); return true; } catch { return false; }
}

/** The first executable of `paths`, or null. */
export async function firstExecutable(paths) {
  for (const p of paths) if (p && await isExecutable(p)) return p;
  return null;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Kills a child process we started (and its process group), politely then firmly. */
export async function kill(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  const signal = (sig) => {
    try { process.kill(-child.pid, sig); } catch { try { child.kill(sig); } catch { /* already gone */ } }
  };
  signal('SIGTERM');
  const timedOut = await Promise.race([gone.then(() => false), sleep(3000).then(() => true)]);
  if (timedOut) { signal('SIGKILL'); await Promise.race([gone, sleep(2000)]); }
}

/**
 * Starts Xvfb on a free display (it picks the number itself and writes it to
 * fd 3). Returns { display: ':N', process }.
 */
export async function startXvfb(binary = '/usr/bin/Xvfb') {
  const child = spawn(binary, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start in 15 s: ${stderr}`)), 15000);
    child.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) { clearTimeout(timer); resolve(`:${out.trim()}`); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited (${code}): ${stderr}`)); });
  });
  return { display, process: child };
}

/**
 * Starts a WebDriver server binary (e.g. WebKitWebDriver) on a free port and
 * waits until /status says it is ready. Returns { url, process }.
 */
export async function startDriver(binary, { env = process.env, args = [] } = {}) {
  const port = await freePort();
  const child = spawn(binary, [`--port=${port}`, ...args], {
    env, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${binary} exited (${child.exitCode}): ${log}`);
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await kill(child); throw new Error(`${binary} did not start in 15 s: ${log}`); }
    await sleep(100);
  }
  return { url, process: child, log: () => log };
}

/** A WebDriver error with the server's error code and message. */
export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    super(`${method} ${path} -> ${status} ${value?.error ?? ''}: ${value?.message ?? JSON.stringify(value)}`);
    this.code = value?.error;
  }
}

/** Sends one WebDriver command and returns its `value`. */
async function command(base, method, path, body, timeoutMs = 60000) {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = { value: { error: 'bad json', message: text } }; }
  if (!res.ok || (json.value && json.value.error)) throw new WebDriverError(method, path, res.status, json.value);
  return json.value;
}

/** One browser session. Elements are plain W3C element references. */
export class Session {
  constructor(driverUrl, id, capabilities) {
    this.driverUrl = driverUrl;
    this.id = id;
    this.capabilities = capabilities;
    this.base = `${driverUrl}/session/${id}`;
  }

  /** POST /session with `capabilities`; returns a Session. */
  static async create(driverUrl, capabilities) {
    const value = await command(driverUrl, 'POST', '/session', { capabilities }, 60000);
    return new Session(driverUrl, value.sessionId, value.capabilities);
  }

  cmd(method, path, body) { return command(this.base, method, path, body); }

  navigate(url) { return this.cmd('POST', '/url', { url }); }
  currentUrl() { return this.cmd('GET', '/url'); }
  refresh() { return this.cmd('POST', '/refresh', {}); }
  setTimeouts(t) { return this.cmd('POST', '/timeouts', t); }

  /** Runs `fn` (a function or a function body string) in the page with `args`. */
  execute(fn, ...args) {
    const script = typeof fn === 'function' ? `return (${fn}).apply(null, arguments);` : fn;
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** Like execute, but awaits a promise the function returns. */
  executeAsync(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((v) => done({ ok: v }), (e) => done({ err: String(e && e.stack || e) }));`;
    return this.cmd('POST', '/execute/async', { script, args }).then((r) => {
      if (r && 'err' in r) throw new Error(r.err);
      return r ? r.ok : r;
    });
  }

  async find(using, value) { return (await this.cmd('POST', '/element', { using, value }))[ELEMENT]; }
  css(selector) { return this.find('css selector', selector); }
  /** A script argument that the page receives as the element `el`. */
  ref(el) { return { [ELEMENT]: el }; }
  /**
   * Clicks `el` like a user would. It is first scrolled to the middle of the
   * view: WebDriver's own scrolling puts it at the bottom edge, under the
   * app's fixed bottom navigation, and the click would hit the navigation.
   */
  async click(el) {
    await this.execute((e) => e.scrollIntoView({ block: 'center', inline: 'center' }), this.ref(el));
    return this.cmd('POST', `/element/${el}/click`, {});
  }
  sendKeys(el, text) { return this.cmd('POST', `/element/${el}/value`, { text }); }
  text(el) { return this.cmd('GET', `/element/${el}/text`); }
  property(el, name) { return this.cmd('GET', `/element/${el}/property/${name}`); }
  /** The element a script returns, as an element id. */
  async elementFrom(fn, ...args) {
    const v = await this.execute(fn, ...args);
    return v && v[ELEMENT];
  }

  /** Polls `fn` in the page until it returns something truthy. */
  async waitFor(fn, { timeout = 20000, interval = 100, message = 'condition' } = {}, ...args) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.execute(fn, ...args);
        if (last) return last;
      } catch (e) { last = e; }
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${message} (last: ${last})`);
      await sleep(interval);
    }
  }

  /** Ends the session (closes the browser). Never throws. */
  async quit() {
    try { await command(this.base, 'DELETE', '', undefined, 10000); } catch { /* the browser may be gone */ }
  }
}
