// Reminders with no server (issue 13, part 1): the daily check-in reminder
// (Settings › Reminders) and a saved meeting's weekly reminder are calendar
// files. Each is downloaded as a person would, then read with a real
// iCalendar parser (ical.js): the repeat rule, the alarm, a UID that stays
// the same across downloads (so the calendar updates the event instead of
// adding a second one), and discreet mode's neutral title with no recovery
// words anywhere in the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { startServer, withPage, openApp } from './support.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

/** Clicks `button` and returns the file the page saved. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const text = await readFile(await file.path(), 'utf8');
  return { name: file.suggestedFilename(), text };
}

/** The file's line structure as RFC 5545 has it: CRLF only, folded at 75 octets. */
function assertWellFormed(text) {
  assert.ok(text.endsWith('\r\n'), 'the last line ends in CRLF');
  assert.doesNotMatch(text, /[^\r]\n|\r[^\n]/, 'every line break is CRLF');
  for (const line of text.split('\r\n')) {
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line over 75 octets: ${line}`);
  }
}

/** Parses a reminder file with ical.js: its one event, rule and alarm. */
function parse(text) {
  assertWellFormed(text);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  assert.equal(events.length, 1, 'one event');
  const vevent = events[0];
  const event = new ICAL.Event(vevent);
  const alarms = vevent.getAllSubcomponents('valarm');
  assert.equal(alarms.length, 1, 'one alarm');
  const alarm = alarms[0];
  return {
    calendar,
    vevent,
    event,
    rrule: vevent.getFirstPropertyValue('rrule'),
    action: alarm.getFirstPropertyValue('action'),
    trigger: alarm.getFirstPropertyValue('trigger'),
    alarmText: alarm.getFirstPropertyValue('description'),
    sequence: vevent.getFirstPropertyValue('sequence'),
  };
}

/** Floating local time: no TZID and no Z, so it rings at the phone's own clock time. */
function assertFloating(vevent, hour, minute) {
  const start = vevent.getFirstPropertyValue('dtstart');
  assert.equal(vevent.getFirstProperty('dtstart').getParameter('tzid'), undefined);
  assert.equal(start.zone?.tzid, 'floating');
  assert.equal(start.hour, hour);
  assert.equal(start.minute, minute);
}

/** Waits until an input shows `value` (the stored one, drawn after load). */
async function waitForValue(input, value, timeout = 5000) {
  const deadline = Date.now() + timeout;
  while ((await input.inputValue()) !== value) {
    if (Date.now() > deadline) assert.equal(await input.inputValue(), value);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const RECOVERY_WORDS = /waymark|recovery|check-?in|meeting|opioid|craving|clean|sober|lapse|narcotic|heroin|\bna\b|hope|church|zoom/i;

test('the daily reminder repeats every day with an alarm, keeps one UID, and is neutral in discreet mode', async () => {
  await withPage(async (page) => {
    await openApp(page, server.url, '/settings');
    const section = page.getByRole('region', { name: 'Reminders', exact: true });
    await section.getByText(/Waymark has no server/).waitFor();
    await section.getByText(/delete the event “Waymark: how are you today\?”/).waitFor();

    const time = section.getByLabel('Remind me every day at');
    const button = section.getByRole('button', { name: 'Download the daily reminder' });
    await time.fill('07:30');
    const first = await download(page, button);
    await section.getByRole('status').getByText(/The file is saved/).waitFor();
    assert.match(first.name, /\.ics$/);
    const a = parse(first.text);
    assert.equal(a.rrule.freq, 'DAILY');
    assert.equal(a.action, 'DISPLAY');
    assert.equal(a.trigger.toSeconds(), 0, 'rings when the event starts');
    assert.equal(a.event.summary, 'Waymark: how are you today?');
    assertFloating(a.vevent, 7, 30);
    assert.match(a.event.uid, /^daily-[a-z0-9]+$/);

    // A new time is the same event, in a newer revision.
    await time.fill('21:05');
    const b = parse((await download(page, button)).text);
    assert.equal(b.event.uid, a.event.uid, 'downloading again gives the same UID');
    assertFloating(b.vevent, 21, 5);
    assert.ok(b.sequence >= a.sequence, 'the SEQUENCE never goes back');
    assert.ok(b.vevent.getFirstPropertyValue('dtstamp').compare(a.vevent.getFirstPropertyValue('dtstamp')) >= 0);

    // After a reload the time and the UID are kept.
    await openApp(page, server.url, '/settings');
    await waitForValue(time, '21:05');
    await section.getByText(/Your last daily reminder file was for 9:05\s?PM/).waitFor();
    const c = parse((await download(page, button)).text);
    assert.equal(c.event.uid, a.event.uid);

    // Discreet mode: a neutral title, and no word of recovery or of the app.
    await page.getByRole('checkbox', { name: /Discreet mode/ }).check();
    await section.getByText('Discreet mode is on: the event is called “Daily note” and holds no other words.').waitFor();
    const quiet = await download(page, button);
    const d = parse(quiet.text);
    assert.equal(d.event.summary, 'Daily note');
    assert.equal(d.alarmText, 'Daily note');
    assert.equal(d.event.uid, a.event.uid, 'the same event, renamed');
    assert.equal(d.rrule.freq, 'DAILY');
    assert.equal(d.event.description, null);
    assert.equal(d.vevent.getFirstPropertyValue('url'), null);
    assert.doesNotMatch(quiet.text, RECOVERY_WORDS);
    assert.doesNotMatch(quiet.name, RECOVERY_WORDS);
  });
});

test('a saved meeting has a weekly reminder minutes before it, with one UID, neutral in discreet mode', async () => {
  await withPage(async (page) => {
    const name = 'Thursday "Hope" group; room 3, floor 2 \\ back door, NA open to all, coffee after 🙂 日本語のテキスト';
    const place = 'Church hall; Calle Mayor 5, 2º';
    await openApp(page, server.url, '/tools/meetings');
    const form = page.getByRole('region', { name: 'Add a meeting', exact: true });
    await form.getByLabel('Name of the meeting').fill(name);
    await form.getByLabel('Day of the week').selectOption({ label: 'Thursday' });
    await form.getByLabel('Start time').fill('19:00');
    await form.getByLabel('Place (optional)').fill(place);
    await form.getByLabel('Online link (optional)').fill('zoom.us/j/123');
    await form.getByRole('button', { name: 'Save meeting' }).click();

    const row = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
    await row.getByText('Weekly reminder').click();
    await row.getByText(/Waymark has no server, so your phone's calendar does the ringing/).waitFor();
    await row.getByText(/To stop it, delete the event/).waitFor();
    await row.getByLabel('Remind me').selectOption({ label: '30 minutes before' });
    const button = row.getByRole('button', { name: /^Download the reminder/ });
    const first = await download(page, button);
    await row.getByRole('status').getByText(/The file is saved/).waitFor();
    const a = parse(first.text);
    assert.equal(a.rrule.freq, 'WEEKLY');
    assert.deepEqual(a.rrule.parts.BYDAY, ['TH']);
    assert.equal(a.action, 'DISPLAY');
    assert.equal(a.trigger.toSeconds(), -30 * 60, '30 minutes before');
    assert.equal(a.event.summary, name, 'the name survives escaping and folding');
    assert.equal(a.event.location, place);
    assert.equal(a.alarmText, `${name} starts in 30 minutes`);
    assertFloating(a.vevent, 19, 0);
    assert.equal(a.event.startDate.dayOfWeek(), ICAL.Time.THURSDAY);
    assert.equal(a.event.iterator().next().dayOfWeek(), ICAL.Time.THURSDAY, 'the first one is a Thursday');
    assert.equal(a.vevent.getFirstPropertyValue('url'), 'https://zoom.us/j/123');
    assert.match(a.event.uid, /^weekly-[a-z0-9]+$/);

    // Another lead is the same event.
    await row.getByLabel('Remind me').selectOption({ label: '60 minutes before' });
    const b = parse((await download(page, button)).text);
    assert.equal(b.event.uid, a.event.uid, 'downloading again gives the same UID');
    assert.equal(b.trigger.toSeconds(), -60 * 60);

    // Discreet mode: "Weekly note", and nothing of the meeting.
    await openApp(page, server.url, '/settings');
    await page.getByRole('checkbox', { name: /Discreet mode/ }).check();
    await openApp(page, server.url, '/tools/meetings');
    await row.getByText('Weekly reminder').click();
    await row.getByText('Discreet mode is on: the event is called “Weekly note” and holds no other words.').waitFor();
    const quiet = await download(page, button);
    const c = parse(quiet.text);
    assert.equal(c.event.summary, 'Weekly note');
    assert.equal(c.alarmText, 'Weekly note');
    assert.equal(c.event.uid, a.event.uid, 'the same event, renamed');
    assert.deepEqual(c.rrule.parts.BYDAY, ['TH']);
    assert.equal(c.trigger.toSeconds(), -15 * 60, 'the lead offered first');
    assert.equal(c.event.location, null);
    assert.equal(c.event.description, null);
    for (const part of ['Thursday', 'room', 'Calle', '日本語', 'coffee']) {
      assert.ok(!quiet.text.includes(part), `${part} is in the discreet file`);
    }
    assert.doesNotMatch(quiet.text, RECOVERY_WORDS);
    assert.doesNotMatch(quiet.name, RECOVERY_WORDS);
  });
});
