// The record tools end to end: support network and appointments, meetings
// and attendance, people-places-situations, coping toolbox and exercise log.
// Records survive a reload, bad input is refused next to its field without
// saving or losing anything, and an appointment exports as a calendar file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startServer, launch, openApp } from './support.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

/** A local date as a date input's value, `days` from today. */
function isoDay(days = 0) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Runs `fn(page)` in a fresh browser profile, failing on any page error. */
async function withPage(fn) {
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await fn(page);
    assert.deepEqual(errors, [], 'no uncaught errors in the page');
  } finally { await close(); }
}

async function addContact(page) {
  const form = page.getByRole('region', { name: 'Add a person' });
  await form.getByLabel('Name', { exact: true }).fill('Sam Rivera');
  await form.getByLabel('Who they are to you').selectOption('sponsor');
  await form.getByLabel('Phone (optional)').fill(' +1 (555) 123-4567 ');
  await form.getByLabel('Show first on the crisis screen').check();
  await form.getByRole('button', { name: 'Save person' }).click();
  await form.getByText('Saved.').waitFor();
}

async function addAppointment(page, date) {
  const form = page.getByRole('region', { name: 'Add an appointment' });
  await form.getByLabel('Who is it with?').fill('Dr Lee');
  await form.getByLabel('Date', { exact: true }).fill(date);
  await form.getByLabel('Time (optional)').fill('09:30');
  await form.getByLabel('Place (optional)').fill('Health Centre, Room 4');
  await form.getByLabel('Questions to ask (optional)').fill('Can we talk about take-home doses?\nWhat if I miss one?');
  await form.getByRole('button', { name: 'Save appointment' }).click();
  await form.getByText('Saved.').waitFor();
}

test('records added on every tool screen are all there after a reload', async () => {
  await withPage(async (page) => {
    const nextWeek = isoDay(7);

    // Support network and an appointment.
    await openApp(page, server.url, '/tools/people');
    await addContact(page);
    await addAppointment(page, nextWeek);

    // A meeting, "I went today", and a meeting added by hand for a past day.
    await openApp(page, server.url, '/tools/meetings');
    const meetingForm = page.getByRole('region', { name: 'Add a meeting', exact: true });
    await meetingForm.getByLabel('Name of the meeting').fill('Tuesday evening group');
    await meetingForm.getByLabel('Day of the week').selectOption({ label: 'Tuesday' });
    await meetingForm.getByLabel('Start time').fill('19:00');
    await meetingForm.getByLabel('Place (optional)').fill('Church hall');
    await meetingForm.getByRole('button', { name: 'Save meeting' }).click();
    await page.getByRole('button', { name: 'I went today' }).click();
    await page.getByText('You went today.').waitFor();
    const logForm = page.getByRole('region', { name: 'Add a meeting you went to' });
    await logForm.getByLabel('Name of the meeting').fill('Online Saturday meeting');
    await logForm.getByLabel('Date you went').fill('2025-01-18');
    await logForm.getByRole('button', { name: 'Save to the log' }).click();
    await page.getByText('January 2025: 1 meeting').waitFor();

    // A risky place with a plan.
    await openApp(page, server.url, '/tools/places');
    await page.getByRole('radio', { name: 'Person' }).check();
    await page.getByLabel('Name or a few words').fill('Jay from the old crowd');
    await page.getByRole('radio', { name: 'Risky for me' }).check();
    await page.getByRole('radio', { name: 'Stay away' }).check();
    await page.getByLabel('More about your plan (optional)').fill('Block his number.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();

    // A starter idea and an own idea, both rated.
    await openApp(page, server.url, '/tools/coping');
    await page.getByRole('button', { name: 'Add Yoga' }).click();
    await page.getByLabel('Your idea').fill('Cook a meal');
    await page.getByLabel('How to do it (optional)').fill('Something simple, with music on.');
    await page.getByRole('button', { name: 'Save idea' }).click();
    const toolbox = page.getByRole('region', { name: 'Your toolbox' });
    await toolbox.getByRole('listitem').filter({ hasText: 'Yoga' })
      .getByRole('radio', { name: '3' }).check();
    await toolbox.getByRole('listitem').filter({ hasText: 'Cook a meal' })
      .getByRole('radio', { name: '5 A lot' }).check();

    // An exercise session.
    await openApp(page, server.url, '/tools/exercise');
    await page.getByLabel('What did you do?').fill('Walk');
    await page.getByLabel('Minutes').fill('30');
    await page.getByRole('radiogroup', { name: 'Mood before' }).getByRole('radio', { name: '2 Low' }).check();
    await page.getByRole('radiogroup', { name: 'Mood after' }).getByRole('radio', { name: '4 Good' }).check();
    await page.getByRole('button', { name: 'Save exercise' }).click();
    await page.getByText('Saved.').waitFor();

    // Every screen again, after a reload.
    await openApp(page, server.url, '/tools/people');
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.waitForSelector('main h1'); // the screen may come in a lazy module
    const sam = page.getByRole('listitem').filter({ hasText: 'Sam Rivera' });
    await sam.getByText('Sponsor · Shown first on the crisis screen').waitFor();
    const dr = page.getByRole('listitem').filter({ hasText: 'Dr Lee' });
    await dr.getByText('Health Centre, Room 4').waitFor();
    await dr.getByText(/^\w+, \w+ \d+, \d{4} at 9:30 AM$/).waitFor();
    await dr.getByText('What if I miss one?', { exact: false }).waitFor();
    assert.ok(await page.getByRole('heading', { name: 'Coming up' }).isVisible());

    await openApp(page, server.url, '/tools/meetings');
    const meeting = page.getByRole('listitem').filter({ hasText: 'Tuesday evening group' });
    await meeting.getByText('Every Tuesday at 7:00 PM').waitFor();
    await meeting.getByText('You went today.').waitFor();
    await page.getByText('This month: 1 meeting').waitFor();
    await page.getByText('January 2025: 1 meeting').waitFor();

    await openApp(page, server.url, '/tools/places');
    const jay = page.getByRole('listitem').filter({ hasText: 'Jay from the old crowd' });
    await jay.getByText('I stay away.').waitFor();
    await jay.getByText('Block his number.').waitFor();
    assert.ok(await page.getByRole('heading', { name: 'Risky for me' }).isVisible());

    await openApp(page, server.url, '/tools/coping');
    const titles = await page.getByRole('region', { name: 'Your toolbox' })
      .locator('.record-row__title').allTextContents();
    assert.deepEqual(titles.map((t) => t.replace('Starter idea', '').trim()), ['Cook a meal', 'Yoga'],
      'the idea that helps most is listed first');
    assert.ok(await page.getByRole('listitem').filter({ hasText: 'Cook a meal' })
      .getByRole('radio', { name: '5 A lot' }).isChecked());
    assert.ok(await page.getByRole('listitem').filter({ hasText: 'Yoga' })
      .getByText('Starter idea').isVisible());
    assert.equal(await page.getByRole('button', { name: 'Add Yoga' }).count(), 0,
      'an added starter idea leaves the ideas to try');

    await openApp(page, server.url, '/tools/exercise');
    await page.getByText('This week: 30 minutes').waitFor();
    await page.getByText('Your mood went up, from low to good.').waitFor();
  });
});

test('a risky place without a plan shows the error by the plan and saves nothing', async () => {
  await withPage(async (page) => {
    await openApp(page, server.url, '/tools/places');
    await page.getByLabel('Name or a few words').fill('Payday');
    await page.getByRole('radio', { name: 'Risky for me' }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    const plan = page.getByRole('radiogroup', { name: 'Your plan when it comes up' });
    await plan.getByText('Pick a plan for this one').waitFor();
    const describedBy = await plan.getAttribute('aria-describedby');
    assert.ok(describedBy && describedBy.includes('place-plan-error'), 'the error is linked to the plan');
    assert.equal(await page.getByLabel('Name or a few words').inputValue(), 'Payday', 'what was typed stays');
    await page.getByText('Not saved yet.').waitFor();
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => /^wm:p:/.test(k)));
    assert.deepEqual(stored, [], 'no inventory record was written');

    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.waitForSelector('main h1'); // the screen may come in a lazy module
    await page.getByText('Nothing here yet.').waitFor();
    // The draft is kept, so nothing typed is lost.
    assert.equal(await page.getByLabel('Name or a few words').inputValue(), 'Payday');
  });
});

test('an appointment downloads as a valid calendar file', async () => {
  await withPage(async (page) => {
    const day = isoDay(10);
    await openApp(page, server.url, '/tools/people');
    await addAppointment(page, day);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Add to calendar/ }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `appointment-${day}.ics`);
    const text = await readFile(await download.path(), 'utf8');
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'), 'starts with BEGIN:VCALENDAR');
    assert.ok(text.endsWith('END:VCALENDAR\r\n'), 'ends with END:VCALENDAR');
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare line feeds');
    assert.equal(text.replace(/\r\n/g, '').includes('\r'), false, 'no bare carriage returns');
    for (const line of text.split('\r\n')) {
      assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line is folded: ${line}`);
    }
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    assert.match(unfolded, new RegExp(`\r\nDTSTART:${day.replace(/-/g, '')}T093000\r\n`));
    assert.match(unfolded, /\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    assert.match(unfolded, /\r\nSUMMARY:Appointment with Dr Lee\r\n/);
    assert.match(unfolded, /\r\nLOCATION:Health Centre\\, Room 4\r\n/);
  });
});

test('a contact can be called or texted in one tap at the number typed', async () => {
  await withPage(async (page) => {
    await openApp(page, server.url, '/tools/people');
    await addContact(page);
    const call = page.getByRole('link', { name: 'Call Sam Rivera' });
    assert.equal(await call.getAttribute('href'), 'tel:+15551234567');
    const text = page.getByRole('link', { name: 'Text Sam Rivera' });
    assert.equal(await text.getAttribute('href'), 'sms:+15551234567');
  });
});

test('a bad phone number is refused next to its field and keeps everything typed', async () => {
  await withPage(async (page) => {
    await openApp(page, server.url, '/tools/people');
    const form = page.getByRole('region', { name: 'Add a person' });
    await form.getByLabel('Name', { exact: true }).fill('Alex');
    await form.getByLabel('Phone (optional)').fill('555-CALL-NOW');
    await form.getByLabel('Notes (optional)').fill('Evenings are best.');
    await form.getByRole('button', { name: 'Save person' }).click();
    const phone = form.getByLabel('Phone (optional)');
    await form.getByText('A phone number can only have digits').waitFor();
    assert.equal(await phone.getAttribute('aria-invalid'), 'true');
    assert.match(await phone.getAttribute('aria-describedby'), /contact-phone-error/);
    assert.ok(await phone.evaluate((el) => el === document.activeElement), 'focus moves to the field');
    assert.equal(await form.getByLabel('Notes (optional)').inputValue(), 'Evenings are best.');
    assert.equal(await page.getByRole('link', { name: /Call Alex/ }).count(), 0, 'nothing was saved');
  });
});

test('a deleted contact comes back with Undo', async () => {
  await withPage(async (page) => {
    await openApp(page, server.url, '/tools/people');
    await addContact(page);
    await page.getByRole('button', { name: 'Delete Sam Rivera' }).click();
    assert.equal(await page.getByRole('link', { name: 'Call Sam Rivera' }).count(), 0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('link', { name: 'Call Sam Rivera' }).waitFor();
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.waitForSelector('main h1'); // the screen may come in a lazy module
    await page.getByRole('link', { name: 'Call Sam Rivera' }).waitFor();
  });
});

test('an exercise with minutes that are not a number is not saved, and the words stay', async () => {
  await withPage(async (page) => {
    await openApp(page, server.url, '/tools/exercise');
    await page.getByLabel('What did you do?').fill('Swim');
    await page.getByLabel('Minutes').fill('half an hour');
    await page.getByRole('button', { name: 'Save exercise' }).click();
    await page.getByText('Enter how many minutes').waitFor();
    await page.getByRole('radiogroup', { name: 'Mood before' }).getByText('Pick a number from 1 to 5.').waitFor();
    assert.equal(await page.getByLabel('Minutes').inputValue(), 'half an hour');
    await page.getByText('This week: 0 minutes').waitFor();
  });
});

test('each tool screen has one heading and links to the guide steps it serves', async () => {
  await withPage(async (page) => {
    const expected = {
      '/tools/people': ['Step 2', 'Step 7'],
      '/tools/meetings': ['Step 4'],
      '/tools/places': ['Step 5', 'Step 6'],
      '/tools/coping': ['Step 8'],
      '/tools/exercise': ['Step 9'],
    };
    for (const [route, steps] of Object.entries(expected)) {
      await openApp(page, server.url, route);
      assert.equal(await page.locator('main h1').count(), 1, `${route} has one h1`);
      for (const step of steps) {
        const link = page.getByRole('link', { name: new RegExp(`This tool helps with ${step}:`) });
        assert.equal(await link.getAttribute('href'), `/guide/${step.split(' ')[1]}`, `${route} links ${step}`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false, `${route} has no sideways scroll at 360 px`);
    }
  });
});

test('editing a meeting changes it in place instead of adding another', async () => {
  await withPage(async (page) => {
    await openApp(page, server.url, '/tools/meetings');
    const form = page.getByRole('region', { name: 'Add a meeting', exact: true });
    await form.getByLabel('Name of the meeting').fill('Friday group');
    await form.getByLabel('Start time').fill('18:00');
    await form.getByRole('button', { name: 'Save meeting' }).click();
    await page.getByRole('button', { name: 'Edit Friday group' }).click();
    const edit = page.getByRole('region', { name: 'Change this meeting' });
    assert.equal(await edit.getByLabel('Name of the meeting').inputValue(), 'Friday group');
    await edit.getByLabel('Name of the meeting').fill('Friday night group');
    await edit.getByLabel('Start time').fill('18:30');
    await edit.getByRole('button', { name: 'Save meeting' }).click();
    await page.getByRole('heading', { name: 'Friday night group' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Friday group', exact: true }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /I went today/ }).count(), 1, 'still one meeting');
    await page.getByText(/at 6:30 PM$/).waitFor();
  });
});
