import fs from 'fs';
import ICAL from './lib/ical/module.js';

const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(0, 'utf8')));
for (const zone of calendar.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(zone);
}
for (const component of calendar.getAllSubcomponents('vevent')) {
  const event = new ICAL.Event(component);
  console.log(`${event.uid} ${event.startDate.toUnixTime()}`);
}
