// Hostile text stays inert everywhere it can be shown. Markup, a script
// that closes a textarea, a javascript: address, a template expression, a
// 20,000-character word, a right-to-left override and zero-width joiners go
// in through the forms and through a crafted backup file; then every screen
// that shows them is visited. No dialog opens, no element is made from the
// text, the page reports no CSP violation, nothing scrolls sideways at
// 360 px, and the text comes back exactly as it went in: on screen, in the
// exported backup and in the calendar file. Call and text links hold only a
// phone number's characters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, launch, openApp, ROOT } from './support.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '</textarea><script>alert(2)</script>';
const JS = 'javascript:alert(3)';
const TEMPLATE = '{{7*7}}';
/** One word of 20,000 characters, no spaces. */
const LONG = 'Unbreakable'.repeat(1819).slice(0, 20000);
/** A right-to-left override left open, as in a disguised file name. */
const RLO = 'invoice\u202Eexe.pdf';
/** Zero-width joiners inside a word and inside an emoji family. */
const ZWJ = 'fam\u200Dily \u{1F469}\u200D\u{1F469}\u200D\u{1F467}';

const guide = JSON.parse(await readFile(join(ROOT, 'src', 'content', 'en', 'guide.json'), 'utf8'));
const QUESTION = guide.steps.find((s) => s.n === 1).reflections[0];

assert.equal(LONG.length, 20000);
assert.ok(!/\s/.test(LONG));

/** A local date as YYYY-MM-DD, `days` from today. */
function isoDay(days = 0) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** What the journal list shows of a note (src/app/components/journal_entry.rs). */
function notePreview(note) {
  const lines = note.split(/\r?\n/);
  const first = lines[0].trim();
  const chars = [...first];
  let out = chars.slice(0, 120).join('');
  if (chars.length > 120 || lines.length > 1) out += '…';
  return out;
}

/**
 * A fresh profile that records every dialog and every element the page
 * makes that could run script: an `<img src=x>`, a `<script>` with an alert
 * in it, anything with an inline `on…` handler, or a frame or plugin.
 */
async function withGuardedPage(fn) {
  const { context, close } = await launch();
  try {
    await context.addInitScript(() => {
      window.__injected = [];
      const check = (node) => {
        if (node.nodeType !== 1) return;
        for (const el of [node, ...node.querySelectorAll('*')]) {
          const tag = el.tagName.toLowerCase();
          const handlers = [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name);
          if ((tag === 'img' && el.getAttribute('src') === 'x')
            || (tag === 'script' && /alert/.test(el.textContent))
            || handlers.length || ['iframe', 'object', 'embed', 'frame'].includes(tag)) {
            window.__injected.push(`<${tag} ${handlers.join(' ')}>`);
          }
        }
      };
      new MutationObserver((list) => { for (const m of list) m.addedNodes.forEach(check); })
        .observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    const dialogs = [];
    const errors = [];
    page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await fn(page, dialogs);
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.deepEqual(errors, [], 'no uncaught errors');
  } finally { await close(); }
}

/** Everything a screen shows as text: the page's text and every field's value. */
const shownText = (page) => page.evaluate(() => [
  document.body.textContent,
  ...[...document.querySelectorAll('input, textarea, select')].map((e) => e.value),
].join('\n'));

/**
 * Checks the screen on show: every string in `expected` is shown exactly,
 * and nothing ran, was made from the text, broke the CSP or scrolls
 * sideways at 360 px.
 */
async function inspect(page, screen, expected = []) {
  const deadline = Date.now() + 15000;
  let missing = expected;
  for (;;) {
    const text = await shownText(page);
    missing = expected.filter((s) => !text.includes(s));
    if (!missing.length || Date.now() > deadline) break;
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(100); // let a late image error or handler fire
  const found = await page.evaluate(() => ({
    injected: window.__injected,
    imgs: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => /alert/.test(s.textContent)).length,
    csp: window.__cspViolations,
    width: document.documentElement.scrollWidth,
    badLinks: [...document.querySelectorAll('a[href], [src], [action], [formaction]')]
      .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? e.getAttribute('formaction'))
      .filter((h) => /^\s*(javascript|data|vbscript):/i.test(h) || /[<>"{}]/.test(h)),
    wide: [...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > 361 && e.getClientRects().length)
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
  }));
  const problems = [];
  if (missing.length) problems.push(`not shown as typed: ${missing.map((s) => JSON.stringify(s.slice(0, 60))).join(', ')}`);
  if (found.injected.length) problems.push(`elements made from the text: ${found.injected.join(', ')}`);
  if (found.imgs || found.scripts) problems.push(`${found.imgs} img[src=x], ${found.scripts} scripts with alert`);
  if (found.csp.length) problems.push(`CSP violations: ${found.csp.join(', ')}`);
  if (found.width > 360) problems.push(`scrolls sideways: ${found.width}px wide at 360 (${found.wide.join(', ')})`);
  if (found.badLinks.length) problems.push(`unsafe links: ${found.badLinks.map((h) => h.slice(0, 60)).join(', ')}`);
  assert.deepEqual(problems, [], `${screen}: ${problems.join('; ')}`);
}

/** Opens a screen; the craving screen shows its people and reasons once surfing starts. */
async function visit(page, path) {
  await openApp(page, server.url, path);
  if (path !== '/tools/craving') return;
  const start = page.getByRole('button', { name: 'Start urge surfing' });
  if (await start.count()) {
    await page.getByRole('group', { name: 'How strong is the craving right now?' })
      .getByRole('radio', { name: '8', exact: true }).check();
    await start.click();
  }
  await page.getByRole('heading', { name: 'People you can call' }).waitFor();
}

/** Every call and text link on the screen. */
const callLinks = (page) => page.evaluate(() => [...document.querySelectorAll('a[href^="tel:"], a[href^="sms:"]')]
  .map((a) => a.getAttribute('href')));

/**
 * Undoes RFC 5545 folding and TEXT escaping, as a calendar app does. A bare
 * CR or LF counts as a line break, as many calendar apps read it.
 */
function icsValues(ics) {
  const lines = ics.replace(/\r\n[ \t]/g, '').split(/\r\n|\r|\n/).filter(Boolean);
  const unescape = (s) => s.replace(/\\([\\;,nN])/g, (_, c) => (c === 'n' || c === 'N' ? '\n' : c));
  const out = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    out[line.slice(0, i).split(';')[0]] = unescape(line.slice(i + 1));
  }
  return { out, lines };
}

async function exportBackup(page) {
  await openApp(page, server.url, '/settings');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup', exact: true }).click(),
  ]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

async function saveCheckIn(page, { date, mood, note, addTriggers = [] }) {
  await openApp(page, server.url, '/journal/new');
  await page.getByLabel('Date').fill(date);
  await page.getByRole('radio', { name: mood, exact: true }).check();
  for (const t of addTriggers) {
    await page.getByRole('textbox', { name: 'Add a trigger' }).fill(t);
    await page.getByRole('button', { name: 'Add trigger' }).click();
    await page.getByRole('checkbox', { name: t, exact: true }).waitFor();
  }
  await page.getByRole('textbox', { name: /note/i }).fill(note);
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.waitForURL(/\/journal$/);
  await page.getByText('Your check-in is saved.').waitFor();
}

const CHECKINS = [
  { date: isoDay(0), mood: 'Low', note: `${IMG}\n${SCRIPT}`, addTriggers: [IMG, TEMPLATE] },
  { date: isoDay(-1), mood: 'Good', note: `${JS} ${TEMPLATE} ${RLO} ${ZWJ}` },
  // The note limit is 10,000 characters: the longest word it takes.
  { date: isoDay(-2), mood: 'Okay', note: LONG.slice(0, 10000) },
];
const CONTACT = { name: IMG, phone: '+1 (555) 010-4477', notes: `${SCRIPT}\n${RLO}\n${ZWJ}` };
const APPOINTMENT = { who: TEMPLATE, place: IMG, questions: `${SCRIPT}\n${JS}, then; a\\b\n${LONG.slice(0, 4000)}` };
const PLACE = { name: SCRIPT, note: `${JS}\n${LONG.slice(0, 4000)}` };
const PLAN = { sign: IMG, long: LONG.slice(0, 500), inner: TEMPLATE, lapse: RLO, notes: `${SCRIPT}\n${ZWJ}` };
const ANSWER = `${IMG}${SCRIPT}${LONG}`;

test('hostile text typed into the forms shows as plain text on every screen, exactly as typed, and never runs', async () => {
  await withGuardedPage(async (page) => {
    // A note over the limit is refused next to the field and kept on screen.
    await openApp(page, server.url, '/journal/new');
    await page.getByRole('radio', { name: 'Okay', exact: true }).check();
    await page.getByRole('textbox', { name: /note/i }).fill(LONG);
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.getByText(/The limit is 10,000/).first().waitFor();
    assert.equal(await page.getByRole('textbox', { name: /note/i }).inputValue(), LONG);
    await inspect(page, 'a refused 20,000-character note');

    for (const c of CHECKINS) await saveCheckIn(page, c);
    await inspect(page, 'the journal', [
      ...CHECKINS.map((c) => notePreview(c.note)), `Triggers: ${IMG}, ${TEMPLATE}`,
    ]);
    const hrefs = await page.evaluate(() => [...document.querySelectorAll('main a[href^="/journal/"]')]
      .map((a) => a.getAttribute('href')).filter((h) => h !== '/journal/new'));
    assert.equal(hrefs.length, CHECKINS.length);
    for (const href of hrefs) {
      await openApp(page, server.url, href);
      const note = await page.getByRole('textbox', { name: /note/i }).inputValue();
      assert.ok(CHECKINS.some((c) => c.note === note), `the form shows the note exactly: ${JSON.stringify(note.slice(0, 60))}`);
      await inspect(page, `the check-in form (${href})`);
    }

    await openApp(page, server.url, '/tools/people');
    const person = page.getByRole('region', { name: 'Add a person' });
    await person.getByLabel('Name', { exact: true }).fill(CONTACT.name);
    await person.getByLabel('Phone (optional)').fill(CONTACT.phone);
    await person.getByLabel('Notes (optional)').fill(CONTACT.notes);
    await person.getByLabel('Show first on the crisis screen').check();
    await person.getByRole('button', { name: 'Save person' }).click();
    await person.getByText('Saved.').waitFor();
    const appt = page.getByRole('region', { name: 'Add an appointment' });
    await appt.getByLabel('Who is it with?').fill(APPOINTMENT.who);
    await appt.getByLabel('Date', { exact: true }).fill(isoDay(7));
    await appt.getByLabel('Time (optional)').fill('09:30');
    await appt.getByLabel('Place (optional)').fill(APPOINTMENT.place);
    await appt.getByLabel('Questions to ask (optional)').fill(APPOINTMENT.questions);
    await appt.getByRole('button', { name: 'Save appointment' }).click();
    await appt.getByText('Saved.').waitFor();
    await openApp(page, server.url, '/tools/people');
    await inspect(page, 'people', [CONTACT.name, CONTACT.notes, APPOINTMENT.who, APPOINTMENT.place, APPOINTMENT.questions]);
    assert.deepEqual(await callLinks(page), ['tel:+15550104477', 'sms:+15550104477']);
    assert.equal(await page.getByRole('link', { name: `Call ${IMG}` }).getAttribute('href'), 'tel:+15550104477');

    // The calendar file holds the text exactly, escaped as RFC 5545 says.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Add to calendar/ }).click(),
    ]);
    const ics = await readFile(await download.path(), 'utf8');
    const { out, lines } = icsValues(ics);
    assert.equal(out.SUMMARY, `Appointment with ${APPOINTMENT.who}`);
    assert.equal(out.LOCATION, APPOINTMENT.place);
    assert.equal(out.DESCRIPTION, `Questions to ask:\n${APPOINTMENT.questions}`);
    assert.doesNotMatch(ics, /\r(?!\n)|(?<!\r)\n/, 'every line ends in CRLF: the text put no bare line break in');
    for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, 'folded at 75 octets');
    // The text broke no line: every unfolded line is one property.
    for (const line of lines) assert.match(line, /^[A-Z-]+[;:]/, JSON.stringify(line.slice(0, 60)));
    assert.deepEqual(lines.filter((l) => /^(BEGIN|END):/.test(l)),
      ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'END:VEVENT', 'END:VCALENDAR']);

    await openApp(page, server.url, '/tools/places');
    await page.getByLabel('Name or a few words').fill(PLACE.name);
    await page.getByRole('radio', { name: 'Risky for me' }).check();
    await page.getByRole('radio', { name: 'Stay away' }).check();
    await page.getByLabel('More about your plan (optional)').fill(PLACE.note);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    await inspect(page, 'places', [PLACE.name, PLACE.note]);

    await openApp(page, server.url, '/tools/plan');
    for (const [label, button, text] of [
      ['Add a warning sign', 'Add sign', PLAN.sign],
      ['Add a warning sign', 'Add sign', PLAN.long],
      ['Add a feeling or thought', 'Add trigger', PLAN.inner],
      ['Add a step for after a lapse', 'Add step', PLAN.lapse],
    ]) {
      await page.getByLabel(label).fill(text);
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.getByRole('button', { name: `Remove "${text}"` }).waitFor();
    }
    await page.getByRole('textbox', { name: 'Notes', exact: true }).fill(PLAN.notes);
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.getByText('Notes saved.').waitFor();
    await openApp(page, server.url, '/tools/plan');
    await inspect(page, 'the plan', [PLAN.sign, PLAN.long, PLAN.inner, PLAN.lapse, PLAN.notes, CONTACT.name, PLACE.name]);

    await openApp(page, server.url, '/guide/1');
    const answer = page.getByRole('textbox', { name: QUESTION.text, exact: true });
    await answer.fill(ANSWER);
    await answer.blur();
    await page.getByText(/^Saved on /).first().waitFor();
    await openApp(page, server.url, '/guide/1');
    assert.equal(await page.getByRole('textbox', { name: QUESTION.text, exact: true }).inputValue(), ANSWER);
    await inspect(page, 'guide step 1');

    await openApp(page, server.url, '/insights');
    await page.getByRole('checkbox', { name: 'Notes (your own words)' }).check();
    await inspect(page, 'insights and the printable summary', [IMG, TEMPLATE, ...CHECKINS.map((c) => c.note)]);

    for (const [path, expected] of [['/', []], ['/help', [CONTACT.name]], ['/tools/craving', [CONTACT.name]], ['/settings', []]]) {
      await visit(page, path);
      await inspect(page, path, expected);
    }
    await openApp(page, server.url, '/help');
    assert.equal(await page.getByRole('link', { name: `Call ${IMG}` }).getAttribute('href'), 'tel:+15550104477');
    assert.equal(await page.getByRole('link', { name: `Text ${IMG}` }).getAttribute('href'), 'sms:+15550104477');

    // The exported backup holds every word exactly as typed.
    const backup = await exportBackup(page);
    await inspect(page, 'settings after the export');
    const values = Object.values(backup.records).map((r) => r.x);
    const find = (pred) => values.filter(pred);
    for (const c of CHECKINS) assert.equal(find((x) => x.n === c.note && x.d === c.date).length, 1, `the backup holds the note of ${c.date}`);
    assert.equal(find((x) => x.n === CONTACT.name && x.ph === CONTACT.phone && x.no === CONTACT.notes).length, 1);
    assert.equal(find((x) => x.w === APPOINTMENT.who && x.pl === APPOINTMENT.place && x.q === APPOINTMENT.questions).length, 1);
    assert.equal(find((x) => x.n === PLACE.name && x.pn === PLACE.note).length, 1);
    const plan = backup.records['wm:plan'].x;
    assert.deepEqual([plan.ws, plan.it, plan.al, plan.no], [[PLAN.sign, PLAN.long], [PLAN.inner], [PLAN.lapse], PLAN.notes]);
    assert.equal(backup.records['wm:guide'].x.s['1'].r[QUESTION.id].x, ANSWER);
    assert.ok([IMG, TEMPLATE].every((t) => backup.records['wm:settings'].x.tr.includes(t)));
  });
});

// A backup in the exact format of src/data/backup.rs, with hostile text in
// every field a screen shows, and keys that are rejected.
const T = Date.now() - 3 * 86400000;
const env = (x, t = T) => ({ v: 1, r: 1, t, x });
const CRAFTED = {
  'wm:j:0hostile00001': env({ i: '0hostile00001', d: isoDay(-1), m: 2, c: 7, t: [IMG, LONG], hp: [SCRIPT], n: `${LONG}\n${IMG}`, ca: T, ua: T }),
  'wm:j:0hostile00002': env({ i: '0hostile00002', d: isoDay(-3), m: 4, c: 1, t: [TEMPLATE], hp: [JS], n: `${SCRIPT} ${JS} ${TEMPLATE} ${RLO} ${ZWJ}`, ca: T, ua: T }),
  'wm:c:0hostile00003': env({ i: '0hostile00003', n: LONG, r: 'friend', ph: 'javascript:alert(1)', no: IMG, u: T }),
  'wm:c:0hostile00004': env({ i: '0hostile00004', n: SCRIPT, r: 'sponsor', ph: '123<script>', em: true, u: T }),
  'wm:c:0hostile00005': env({ i: '0hostile00005', n: RLO, r: 'family', ph: '+1 (555) 010-2020', em: true, e: `${JS}@x`, u: T }),
  'wm:p:0hostile00006': env({ i: '0hostile00006', k: 'place', n: LONG, r: 'risky', p: 'avoid', pn: `${IMG}\n${ZWJ}`, u: T }),
  'wm:a:0hostile00007': env({ i: '0hostile00007', w: LONG, d: isoDay(10), t: '18:15:00', pl: SCRIPT, q: `${IMG}\n${LONG}`, na: TEMPLATE, u: T }),
  'wm:m:0hostile00008': env({ i: '0hostile00008', n: IMG, wd: 2, t: '19:00:00', pl: LONG, l: JS, no: `${SCRIPT}\n${RLO}`, u: T }),
  'wm:cp:0hostile00009': env({ i: '0hostile00009', n: TEMPLATE, h: `${LONG} ${IMG}`, u: T }),
  'wm:settings': env({ rg: 'us', tr: [IMG, TEMPLATE], hp: [SCRIPT], rn: [LONG, IMG, RLO, ZWJ] }),
  'wm:plan': env({ i: 'plan', ws: [IMG, LONG], it: [TEMPLATE, ZWJ], al: [SCRIPT, RLO], no: `${LONG}\n${JS}`, u: T }),
  'wm:guide': env({ s: { 1: { r: { [QUESTION.id]: { x: `${IMG}\n${LONG}`, d: isoDay(-1), u: T } } } } }),
  'wm:med': env({ i: 'medication', k: 'other', n: IMG, pr: LONG, no: `${SCRIPT}\n${TEMPLATE}`, u: T }),
  // Rejected, and listed by key in the preview.
  [`wm:j:${IMG}`]: env({ i: 'x', d: isoDay(0), m: 3, c: 0 }),
  [`wm:${LONG}`]: env({}),
};
const BACKUP = { app: 'waymark', format: 1, exported_ms: T, schema: 1, records: CRAFTED };
const IMPORTED = Object.fromEntries(Object.entries(CRAFTED).slice(0, -2));

async function importCrafted(page) {
  await openApp(page, server.url, '/settings');
  // The file's bytes go with it: a file picked by path is read only when the
  // app reads it, so deleting it at once made the read fail now and then.
  await page.getByLabel('Choose a backup file').setInputFiles({
    name: `${IMG}.json`.replace(/[<>/]/g, '_'),
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(BACKUP), 'utf8'),
  });
  const preview = page.getByRole('region', { name: 'Before you import' });
  // A file of 20,000-character words: reading and checking it takes a while
  // on a slow, busy machine. This test is about what runs, not how fast.
  await preview.waitFor({ timeout: 60000 });
  await inspect(page, 'the import preview', [`(wm:j:${IMG})`, `(wm:${LONG})`]);
  await preview.getByRole('button', { name: 'Import now' }).click();
  await page.getByRole('region', { name: 'Import finished' }).waitFor({ timeout: 90000 });
  await inspect(page, 'the finished import');
}

test('a crafted backup imports as plain text: every screen shows it exactly, nothing runs, nothing scrolls sideways', async () => {
  await withGuardedPage(async (page) => {
    await importCrafted(page);
    const x = (key) => CRAFTED[key].x;
    const screens = [
      ['/', []],
      ['/journal', [notePreview(x('wm:j:0hostile00001').n), notePreview(x('wm:j:0hostile00002').n), `Triggers: ${IMG}, ${LONG}`]],
      ['/journal/0hostile00001', [x('wm:j:0hostile00001').n, LONG, SCRIPT]],
      ['/journal/0hostile00002', [x('wm:j:0hostile00002').n]],
      ['/tools/people', [LONG, SCRIPT, RLO, IMG, x('wm:a:0hostile00007').q, TEMPLATE]],
      ['/tools/places', [LONG, x('wm:p:0hostile00006').pn]],
      ['/tools/meetings', [IMG, LONG, x('wm:m:0hostile00008').no]],
      ['/tools/coping', [TEMPLATE, x('wm:cp:0hostile00009').h]],
      ['/tools/treatment', [IMG, LONG]],
      ['/tools/plan', [IMG, LONG, TEMPLATE, ZWJ, SCRIPT, RLO, x('wm:plan').no]],
      ['/tools/craving', [LONG, IMG, RLO, ZWJ, SCRIPT]],
      ['/guide/1', [x('wm:guide').s[1].r[QUESTION.id].x]],
      ['/help', [SCRIPT, RLO]],
      ['/insights', [IMG, TEMPLATE, SCRIPT, JS]],
      ['/settings', []],
    ];
    for (const [path, expected] of screens) {
      await visit(page, path);
      if (path === '/insights') {
        await page.getByRole('checkbox', { name: 'Notes (your own words)' }).check();
        expected.push(x('wm:j:0hostile00001').n, x('wm:j:0hostile00002').n);
      }
      await inspect(page, path, expected);
    }
    await openApp(page, server.url, '/journal/0hostile00001');
    assert.equal(await page.getByRole('textbox', { name: /note/i }).inputValue(), x('wm:j:0hostile00001').n);
    await openApp(page, server.url, '/tools/plan');
    assert.equal(await page.getByRole('textbox', { name: 'Notes', exact: true }).inputValue(), x('wm:plan').no);
    // A meeting link that is not a web address is not a link at all.
    await openApp(page, server.url, '/tools/meetings');
    assert.equal(await page.locator('main a[href*="alert"]').count(), 0);

    // Exported again, every imported record comes back exactly.
    const backup = await exportBackup(page);
    for (const [key, value] of Object.entries(IMPORTED)) {
      assert.ok(backup.records[key], `${key.slice(0, 40)} is in the backup`);
      const got = backup.records[key].x;
      if (key === 'wm:settings') {
        for (const f of ['tr', 'hp', 'rn']) assert.deepEqual(got[f].filter((s) => value.x[f].includes(s)), value.x[f], `settings ${f}`);
      } else {
        assert.deepEqual(got, value.x, `${key} round-trips exactly`);
      }
    }
    assert.equal(Object.keys(backup.records).filter((k) => k.includes('<') || k.length > 200).length, 0, 'rejected keys were not imported');
  });
});

test('call and text links built from a saved phone number hold only a phone number', async () => {
  await withGuardedPage(async (page) => {
    await importCrafted(page);
    // Typed through the form, markup in a number is refused next to the field.
    await openApp(page, server.url, '/tools/people');
    await page.getByRole('button', { name: 'Add a person' }).click();
    const person = page.getByRole('region', { name: 'Add a person' });
    await person.getByLabel('Name', { exact: true }).fill('Ana');
    for (const bad of ['javascript:alert(1)', '123<script>', '555"><img src=x>']) {
      await person.getByLabel('Phone (optional)').fill(bad);
      await person.getByRole('button', { name: 'Save person' }).click();
      await person.getByText('A phone number can only have digits, spaces, +, -, and brackets.').waitFor();
    }
    await person.getByLabel('Phone (optional)').fill(' 555-0100 ');
    await person.getByLabel('Show first on the crisis screen').check();
    await person.getByRole('button', { name: 'Save person' }).click();
    await person.getByText('Saved.').waitFor();

    for (const path of ['/tools/people', '/help', '/tools/craving']) {
      await visit(page, path);
      await inspect(page, path);
      const links = await callLinks(page);
      for (const href of links) assert.match(href, /^(tel|sms):\+?[0-9]+$/, `${path}: ${href}`);
      // The numbers with markup or a script address in them make no link.
      for (const name of [LONG, SCRIPT]) {
        assert.equal(await page.getByRole('link', { name: `Call ${name}` }).count(), 0, `${path}: no call link for ${name.slice(0, 20)}`);
        assert.equal(await page.getByRole('link', { name: `Text ${name}` }).count(), 0, `${path}: no text link for ${name.slice(0, 20)}`);
      }
      if (path !== '/tools/people') {
        // The right-to-left override in a name stays inside the name: the
        // number shown after it still reads left to right.
        const leftToRight = await page.evaluate((phone) => {
          const walk = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            const i = n.data.indexOf(phone);
            if (i < 0) continue;
            const left = (k) => { const r = document.createRange(); r.setStart(n, k); r.setEnd(n, k + 1); return r.getBoundingClientRect().left; };
            return left(i) < left(i + 1) && left(i + 1) < left(i + 2);
          }
          return 'not shown';
        }, '+1 (555) 010-2020');
        assert.equal(leftToRight, true, `${path}: the number after ${JSON.stringify(RLO)} reads left to right`);
      }
      for (const [name, tel] of [[RLO, '+15550102020'], ['Ana', '5550100']]) {
        assert.equal(await page.getByRole('link', { name: `Call ${name}` }).getAttribute('href'), `tel:${tel}`, `${path}: ${name}`);
        assert.equal(await page.getByRole('link', { name: `Text ${name}` }).getAttribute('href'), `sms:${tel}`, `${path}: ${name}`);
      }
    }
  });
});
