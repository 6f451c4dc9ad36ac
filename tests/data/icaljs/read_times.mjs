// Prints each event's UID, start and end (Unix seconds) as ical.js reads them,
// zones from the file's own VTIMEZONE blocks; the calendars are the files named as arguments,
// or standard input.
import fs from 'fs';
import ICAL from './lib/ical/module.js';

const seconds = (time) => (time ? String(time.toUnixTime()) : '-');

function printTimes(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    console.log(`${event.uid} ${seconds(event.startDate)} ${seconds(event.endDate)}`);
  }
  ICAL.TimezoneService.reset();
}

const named = process.argv.slice(2).map((file) => fs.readFileSync(file, 'utf8'));
for (const text of named.length ? named : [fs.readFileSync(0, 'utf8')]) {
  printTimes(text);
}
