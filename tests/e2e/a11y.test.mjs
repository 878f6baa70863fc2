// Accessibility and phone fit on every route: axe-core finds no violations in
// light and dark; nothing scrolls sideways at 360 px, even with text zoomed to
// 200%; the Help button is the first thing the keyboard reaches; focus is
// visible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { startServer, launch, openApp, ROUTES } from './support.mjs';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

async function axe(page) {
  // Injected through the DevTools protocol, so the page's CSP does not apply.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
}

for (const scheme of ['light', 'dark']) {
  test(`axe finds no violations on any route in ${scheme} mode`, async () => {
    const { context, close } = await launch({ colorScheme: scheme });
    try {
      const page = await context.newPage();
      const problems = [];
      for (const route of ROUTES) {
        await openApp(page, server.url, route);
        await page.waitForTimeout(100);
        for (const v of await axe(page)) problems.push(`${route} ${v}`);
      }
      assert.deepEqual(problems, []);
    } finally { await close(); }
  });
}

test('no route scrolls sideways at 360 px, at normal size and with text at 200%', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    const wide = [];
    for (const route of ROUTES) {
      await openApp(page, server.url, route);
      for (const zoom of ['100%', '200%']) {
        await page.evaluate((z) => { document.documentElement.style.fontSize = z; }, zoom);
        await page.waitForTimeout(50);
        const { sw, cw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
        if (sw > cw + 1) wide.push(`${route} at ${zoom}: ${sw}px wide in ${cw}px`);
      }
    }
    assert.deepEqual(wide, []);
  } finally { await close(); }
});

test('the Help button is the first control the keyboard reaches, after the skip link', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    for (const route of ['/', '/journal', '/guide/4', '/settings']) {
      await openApp(page, server.url, route);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Skip to content', route);
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => document.activeElement.getAttribute('aria-label') || document.activeElement.textContent);
      assert.match(name, /help/i, `Help comes first on ${route}`);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/help$/);
    }
  } finally { await close(); }
});

test('focus is visible on every kind of control', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await openApp(page, server.url, '/journal/new');
    const missing = [];
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      // Let the browser apply focus styles before reading them.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
        return { tag: el.tagName, name: el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30) || el.id, visible };
      });
      if (info && !info.visible) missing.push(`${info.tag} ${info.name}`);
    }
    assert.deepEqual(missing, []);
  } finally { await close(); }
});

test('the app works from the keyboard alone: a check-in can be written and saved', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await openApp(page, server.url, '/journal/new');
    await page.getByRole('radio', { name: /good/i }).first().focus();
    await page.keyboard.press('Space');
    await page.getByRole('textbox', { name: /note/i }).focus();
    await page.keyboard.type('Typed with the keyboard only');
    // Tab forward to the save button and press it.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const text = await page.evaluate(() => document.activeElement.textContent.trim());
      if (/^save/i.test(text)) break;
    }
    assert.match(await page.evaluate(() => document.activeElement.textContent.trim()), /^save/i);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/journal$/);
    await page.getByText('Typed with the keyboard only').first().waitFor();
  } finally { await close(); }
});

test('the lock screen and the lock settings have no axe violations, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    const { context, close } = await launch({ colorScheme: scheme });
    try {
      const page = await context.newPage();
      await openApp(page, server.url, '/settings');
      const section = page.getByRole('region', { name: 'Passphrase lock' });
      await section.getByLabel('New passphrase').fill('accessible passphrase');
      await section.getByLabel('Type it again').fill('accessible passphrase');
      await section.getByRole('button', { name: 'Turn on the lock' }).click();
      await section.getByText('The lock is on.').waitFor({ timeout: 20000 });
      const problems = (await axe(page)).map((v) => `settings (lock on) ${v}`);
      await page.reload();
      await page.getByRole('heading', { name: 'Waymark is locked' }).waitFor();
      // The passphrase field has focus, so typing starts at once.
      await page.waitForFunction(() => document.activeElement?.id === 'lock-passphrase');
      await page.getByText('I forgot my passphrase').click();
      for (const v of await axe(page)) problems.push(`lock screen ${v}`);
      assert.deepEqual(problems, [], scheme);
    } finally { await close(); }
  }
});
