// The crisis screen and the tools that serve it, end to end in Chromium:
// Help is one tap from every screen (online and offline), the crisis lines
// are one-tap links, a craving session lands in the journal, the treatment
// diary keeps doses and withdrawal checks, and the plan prints on one page.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, waitForServiceWorker, goOffline } from './support.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });
// A test that went offline leaves the server reachable for the next one.
afterEach(() => { server.setOffline(false); });

/** The Help button in the header (the banner), on any screen. */
const helpButton = (page) => page.getByRole('banner').getByRole('link', { name: /help/i });

/** The SOWS items, in the instrument's wording. */
const SOWS_ITEMS = [
  'I feel anxious', 'I feel like yawning', "I'm perspiring", 'My eyes are tearing',
  'My nose is running', 'I have goose flesh', 'I am shaking', 'I have hot flashes',
  'I have cold flashes', 'My bones and muscles ache', 'I feel restless', 'I feel nauseous',
  'I feel like vomiting', 'My muscles twitch', 'I have cramps in my stomach', 'I feel like using now',
];

/** Every stored record of a kind, as { key, value } (values unwrapped from their envelope). */
async function records(page, kind) {
  return page.evaluate((kind) => {
    const out = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key.startsWith(`wm:${kind}:`)) out.push({ key, value: JSON.parse(localStorage.getItem(key)).x });
    }
    return out;
  }, kind);
}

/** Stores contacts as the app would, then reloads so the app reads them. */
async function seedContacts(page, contacts) {
  await page.evaluate((contacts) => {
    const now = Date.now();
    for (const c of contacts) {
      localStorage.setItem(`wm:c:${c.i}`, JSON.stringify({ v: 1, r: 1, t: now, x: { u: now, ...c } }));
    }
  }, contacts);
  await page.reload();
  await page.waitForSelector('[data-app-ready]');
  await page.waitForSelector('main h1'); // the screen may come in a lazy module
}

async function expectHelpScreen(page, from) {
  await page.getByRole('heading', { level: 1, name: 'Help now' }).waitFor({ timeout: 5000 });
  assert.equal(new URL(page.url()).pathname, '/help', `Help opens /help from ${from}`);
}

test('the crisis screen opens with one tap on the Help button from every kind of screen', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    for (const route of ['/', '/guide/3', '/journal', '/tools', '/tools/craving', '/tools/treatment', '/tools/plan', '/settings']) {
      await openApp(page, server.url, route);
      await helpButton(page).click();
      await expectHelpScreen(page, route);
    }
  } finally { await close(); }
});

test('offline, after the service worker is active, Help still opens in one tap with its numbers', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await openApp(page, server.url, '/');
    await waitForServiceWorker(page);
    await goOffline(context, server);
    await openApp(page, server.url, '/tools/treatment');
    await helpButton(page).click();
    await expectHelpScreen(page, '/tools/treatment (offline)');
    const samhsa = page.getByRole('link', { name: 'Call SAMHSA National Helpline, 1-800-662-4357' });
    assert.equal(await samhsa.getAttribute('href'), 'tel:18006624357');
  } finally { await close(); }
});

test('in the US the crisis screen has one-tap links for 911, SAMHSA, 988 and a way to change region', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await openApp(page, server.url, '/help');
    const call911 = page.getByRole('link', { name: /^Call 911/ });
    assert.equal(await call911.getAttribute('href'), 'tel:911');
    const samhsa = page.getByRole('link', { name: 'Call SAMHSA National Helpline, 1-800-662-4357' });
    assert.equal(await samhsa.getAttribute('href'), 'tel:18006624357');
    const lifeline = page.getByRole('link', { name: /^Call 988 Suicide & Crisis Lifeline/ });
    assert.equal(await lifeline.getAttribute('href'), 'tel:988');
    const text = page.getByRole('link', { name: /^Text SAMHSA National Helpline/ });
    assert.equal(await text.getAttribute('href'), 'sms:435748');
    assert.ok(await page.getByText('Number last checked: November 2026').first().isVisible());
    for (const title of ['Signs of an overdose', 'How to give naloxone nasal spray', 'After a break, a smaller amount can kill']) {
      assert.ok(await page.getByRole('heading', { name: title }).isVisible(), title);
    }
    assert.equal(await page.getByRole('link', { name: 'Change your region' }).getAttribute('href'), '/settings#region');
  } finally { await close(); }
});

test('the users own emergency contacts come first on the crisis screen, with call and text links', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await openApp(page, server.url, '/help');
    await seedContacts(page, [
      { i: 'e2eana0000001', n: 'Ana', r: 'friend', ph: '555 0199' },
      { i: 'e2esam0000001', n: 'Sam', r: 'sponsor', ph: '+1 (555) 010-0100', em: true },
    ]);
    const callSam = page.getByRole('link', { name: 'Call Sam', exact: true });
    assert.equal(await callSam.getAttribute('href'), 'tel:+15550100100');
    assert.equal(await page.getByRole('link', { name: 'Text Sam', exact: true }).getAttribute('href'), 'sms:+15550100100');
    assert.equal(await page.getByRole('link', { name: 'Call Ana', exact: true }).count(), 0, 'only emergency contacts are listed');
    const samY = (await callSam.boundingBox()).y;
    const emergencyY = (await page.getByRole('link', { name: /^Call 911/ }).boundingBox()).y;
    assert.ok(samY < emergencyY, 'the users own person comes before the emergency number');
  } finally { await close(); }
});

test('the tools screen lists every tool under the step it serves', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await openApp(page, server.url, '/tools');
    for (const [name, href] of [['Journal', '/journal'], ['Craving tools', '/tools/craving'], ['Treatment and withdrawal', '/tools/treatment'],
      ['My recovery plan', '/tools/plan'], ['Insights', '/insights'], ['Get help now', '/help'], ['Exercise log', '/tools/exercise']]) {
      assert.equal(await page.getByRole('main').getByRole('link', { name, exact: true }).getAttribute('href'), href, name);
    }
    assert.ok(await page.getByRole('heading', { name: /^Step 1:/ }).isVisible());
  } finally { await close(); }
});

test('an urge-surfing session saves the session and a check-in with the craving after it', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await openApp(page, server.url, '/tools/craving');
    // Starting without a rating says what is missing, next to the scale.
    await page.getByRole('button', { name: 'Start urge surfing' }).click();
    assert.ok(await page.getByText('Pick a number from 0 to 10 first.').isVisible());
    await page.getByRole('group', { name: 'How strong is the craving right now?' }).getByRole('radio', { name: '8', exact: true }).check();
    await page.getByRole('button', { name: 'Start urge surfing' }).click();
    assert.ok(await page.getByRole('timer').isVisible());
    assert.ok(await page.getByRole('button', { name: 'Pause timer' }).isVisible(), 'the timer runs');
    await page.getByRole('checkbox', { name: /Hungry/ }).check();
    await page.getByRole('button', { name: "I'm done", exact: true }).click();
    await page.getByRole('group', { name: 'How strong is it now?' }).getByRole('radio', { name: '3', exact: true }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/Your craving went from 8 to 3/).waitFor();
    assert.ok(await page.getByText(/craving of 3 out of 10/).isVisible(), 'says what was logged');

    const urges = await records(page, 'u');
    assert.equal(urges.length, 1);
    assert.equal(urges[0].value.b, 8);
    assert.equal(urges[0].value.a, 3);
    assert.equal(urges[0].value.h, 'H');
    const checkins = await records(page, 'j');
    assert.equal(checkins.length, 1);
    const c = checkins[0].value;
    assert.equal(c.c, 3, 'the check-in craving is the craving after');
    assert.equal(c.m, 3, 'mood is neutral when not picked');
    assert.ok(!c.u, 'not a use');
    assert.match(c.n, /^Your craving went from 8 to 3 .*You were hungry\./);
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    assert.equal(c.d, today);

    // The journal shows it.
    await page.getByRole('link', { name: 'See it in your journal' }).click();
    await page.waitForURL(/\/journal\//);
    await openApp(page, server.url, '/journal');
    await page.getByText(/from 8 to 3/).first().waitFor({ timeout: 5000 });
  } finally { await close(); }
});

test('a craving session left mid-way is still there when the user comes back', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await openApp(page, server.url, '/tools/craving');
    await page.getByRole('group', { name: 'How strong is the craving right now?' }).getByRole('radio', { name: '7', exact: true }).check();
    await page.getByRole('button', { name: 'Start urge surfing' }).click();
    await page.getByRole('checkbox', { name: /Tired/ }).check();
    await page.waitForTimeout(600);
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.waitForSelector('main h1'); // the screen may come in a lazy module
    assert.ok(await page.getByText('We kept the session you started earlier.').isVisible());
    assert.ok(await page.getByRole('checkbox', { name: /Tired/ }).isChecked());
    await page.getByRole('button', { name: "I'm done", exact: true }).click();
    assert.ok(await page.getByText('At the start, it was 7 out of 10.').isVisible());
    // Saving without the after rating is refused next to the scale.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    assert.ok(await page.getByText(/Pick a number from 0 to 10, so you can see/).isVisible());
    assert.equal((await records(page, 'j')).length, 0, 'nothing saved half-way');
  } finally { await close(); }
});

test('a dose and a withdrawal check are kept after a reload, and the total counts live', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await openApp(page, server.url, '/tools/treatment');
    // A dose needs an answer to "Did you take it?".
    await page.getByLabel('Amount, as your clinician set it').fill('60 mg');
    await page.getByRole('button', { name: 'Save dose' }).click();
    assert.ok(await page.getByText('Choose whether you took it on this day.').isVisible());
    assert.equal((await records(page, 'd')).length, 0);
    await page.getByRole('radio', { name: 'Yes, I took it' }).check();
    await page.getByRole('button', { name: 'Save dose' }).click();
    await page.getByText(/Saved the dose for/).waitFor();

    // SOWS: saving with lines missing is refused; the total counts as you go.
    await page.getByRole('group', { name: /I feel anxious/ }).getByRole('radio', { name: /Extremely/ }).check();
    assert.ok(await page.getByText('Total: 4 of 64').isVisible());
    await page.getByRole('button', { name: 'Save withdrawal check' }).click();
    assert.ok(await page.getByText('15 lines have no answer yet.', { exact: false }).isVisible());
    for (const item of SOWS_ITEMS) {
      await page.getByRole('group', { name: item, exact: false }).getByRole('radio', { name: /Moderately/ }).check();
    }
    assert.ok(await page.getByText('Total: 32 of 64').isVisible());
    await page.getByRole('button', { name: 'Save withdrawal check' }).click();
    await page.getByText('Saved. Your total today is 32 of 64.').waitFor();

    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.waitForSelector('main h1'); // the screen may come in a lazy module
    assert.ok(await page.getByText(/60 mg · Taken/).isVisible(), 'the dose is listed');
    const row = page.getByRole('table').getByRole('row').nth(1);
    assert.match(await row.textContent(), /32/);
    assert.ok(await page.getByText('Total: 0 of 64').isVisible(), 'the form starts empty again');
  } finally { await close(); }
});

test('the plan gathers the users own words, edits inline, and prints on one A4 page', async () => {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    await openApp(page, server.url, '/tools/craving');
    await page.getByRole('group', { name: 'How strong is the craving right now?' }).getByRole('radio', { name: '5', exact: true }).check();
    await page.getByRole('button', { name: 'Start urge surfing' }).click();
    await page.getByLabel('Add a reason').fill('My daughter');
    await page.getByRole('button', { name: 'Add reason' }).click();
    await page.getByText('My daughter').first().waitFor();
    await seedContacts(page, [
      { i: 'e2ek00000001', n: 'Sam', r: 'sponsor', ph: '555 0100', em: true },
      { i: 'e2ek00000002', n: 'Ana', r: 'friend', ph: '555 0101' },
      { i: 'e2ek00000003', n: 'Dr Lee', r: 'doctor', ph: '555 0102' },
    ]);

    await openApp(page, server.url, '/tools/plan');
    assert.ok(await page.getByRole('region', { name: 'My reasons' }).getByText('My daughter').isVisible());
    assert.ok(await page.getByText('Sam (sponsor): 555 0100').isVisible());
    assert.ok(await page.getByText('SAMHSA National Helpline: 1-800-662-4357').isVisible());

    // Blank lines are refused next to the field.
    await page.getByRole('button', { name: 'Add sign' }).click();
    assert.ok(await page.getByText('Type a few words first.').isVisible());
    const lines = [
      ['Add a warning sign', 'Add sign', ['Skipping meetings', 'Not sleeping', 'Keeping secrets']],
      ['Add a feeling or thought', 'Add trigger', ['Boredom', 'Feeling I do not deserve this']],
      ['Add a step for after a lapse', 'Add step', ['Tell my counsellor the same day', 'Go to a meeting that night']],
    ];
    for (const [label, button, items] of lines) {
      for (const item of items) {
        await page.getByLabel(label).fill(item);
        await page.getByRole('button', { name: button }).click();
        await page.getByText(item, { exact: true }).waitFor();
      }
    }
    await page.getByRole('button', { name: 'Remove "Keeping secrets"' }).click();
    await page.getByText('Keeping secrets', { exact: true }).waitFor({ state: 'detached' });
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.waitForSelector('main h1'); // the screen may come in a lazy module
    assert.ok(await page.getByText('Not sleeping', { exact: true }).isVisible(), 'saved across a reload');
    assert.equal(await page.getByText('Keeping secrets', { exact: true }).count(), 0);

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Print my plan' }).isVisible(), false, 'buttons are not printed');
    assert.equal(await helpButton(page).isVisible(), false, 'the app header is not printed');
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
    assert.equal(pages, 1, 'the plan fits on one page');
  } finally { await close(); }
});
