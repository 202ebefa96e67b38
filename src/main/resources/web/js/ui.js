// Small helpers every page shares: building elements without innerHTML (no text is ever read as markup), the
// error banner, the live alert stream, and time left as people read it.
import { t } from './i18n.js';

/** An element with attributes and children; strings become text nodes. */
export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function banner(error) {
  const box = document.getElementById('banner');
  if (!error) { box.hidden = true; return; }
  box.textContent = error.status === 503 ? t('storeDown') : error.status === 0 ? t('offline') : error.message;
  box.hidden = false;
}

export function typing(event) {
  const tag = event.target && event.target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (event.target && event.target.isContentEditable);
}

const CASE_EVENTS = ['case.opened', 'case.joined', 'case.reopened', 'case.assigned', 'case.escalated',
  'case.resolved', 'case.dismissed', 'sla.breached'];

/**
 * Follows the alert stream (the session cookie signs it in); calls onAlert(type, alert) for every case alert. The
 * browser reconnects by itself with the last id it saw, so nothing is missed. Returns a function that stops it.
 */
export function follow(onAlert) {
  const source = new EventSource('/api/v1/alerts/stream');
  CASE_EVENTS.forEach(type => source.addEventListener(type, e => {
    try { onAlert(type, JSON.parse(e.data)); } catch (error) { /* an alert we cannot read is skipped */ }
  }));
  return () => source.close();
}

/** "12 min", "3 h 5 min", "2 d"; late ones say so. */
export function timeLeft(seconds) {
  const late = seconds < 0;
  let s = Math.abs(seconds);
  const d = Math.floor(s / 86400); s -= d * 86400;
  const hours = Math.floor(s / 3600); s -= hours * 3600;
  const m = Math.max(0, Math.floor(s / 60));
  const text = d > 0 ? d + ' d ' + hours + ' h' : hours > 0 ? hours + ' h ' + m + ' min' : m + ' min';
  return late ? text + ' ' + t('late') : text;
}

/** ok, amber (under half an hour) or red (late): the colour of an SLA clock. */
export function urgencyClass(seconds) {
  if (seconds === undefined || seconds === null) return '';
  return seconds < 0 ? 'sla-red' : seconds < 1800 ? 'sla-amber' : 'sla-ok';
}

/** The SLA clock that runs now on a case: its next reply, else its first response, else its resolution. */
export function slaSeconds(c) {
  const sla = c.sla || {};
  const left = sla.nextReplyLeftSeconds ?? sla.firstResponseLeftSeconds ?? sla.resolutionLeftSeconds;
  if (left !== undefined) return left;
  // a worklist row carries the due times only (a row kept in the server's page cache must not age): the clock
  // that runs is picked here by the rules the case page's figures follow
  const closed = c.state === 'resolved' || c.state === 'dismissed';
  const due = closed ? null
    : sla.nextReplyDue && c.state !== 'waiting' ? sla.nextReplyDue
    : sla.firstResponseDue && !c.firstResponseAt ? sla.firstResponseDue
    : sla.resolutionDue || null;
  return due ? Math.round((Date.parse(due) - Date.now()) / 1000) : null;
}

let teamZone = 'Europe/Amsterdam';

/** The team's time zone (worklist.timezone), as the session names it. */
export function useZone(zone) {
  if (zone) teamZone = zone;
}

/** The date (yyyy-mm-dd) of an instant in the team's zone: the day the API's date parameters mean. */
export function localDate(at) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: teamZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(at);
}

/** A date-time in the team's zone, as the browser's language writes it. */
export function when(iso, zone) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(document.documentElement.lang === 'nl' ? 'nl-NL' : 'en-GB',
    { timeZone: zone || teamZone, dateStyle: 'medium', timeStyle: 'short' });
}
