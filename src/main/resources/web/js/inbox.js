// The agent's inbox: the queue of their teams, most urgent first, filling live from the alert stream; filters;
// each row with channel, author, the first words, urgency, class, SLA time left (amber, red) and who holds it.
// Keyboard: j/k move, Enter opens, c claims.
import { api } from './api.js';
import { t } from './i18n.js';
import { h, banner, follow, typing, timeLeft, urgencyClass, slaSeconds } from './ui.js';

const STATES = ['', 'new', 'assigned', 'escalated', 'waiting', 'snoozed'];

export function showInbox(view, me) {
  const filters = { team: '', state: '', channel: '', language: '' };
  let cases = [];
  let current = 0;
  let pending = null;
  let marked = false;
  const seen = new Set();
  const body = h('tbody');
  const table = h('table', { 'aria-labelledby': 'inbox-title' }, h('thead', {}, h('tr', {},
    h('th', { scope: 'col' }, t('channel')), h('th', { scope: 'col' }, t('author')),
    h('th', { scope: 'col', class: 'words' }, t('words')), h('th', { scope: 'col', class: 'hide-narrow' }, t('urgency')),
    h('th', { scope: 'col' }, t('triage')), h('th', { scope: 'col' }, t('slaLeft')),
    h('th', { scope: 'col', class: 'hide-narrow' }, t('holder')))), body);
  const status = h('p', { class: 'loading', role: 'status' }, t('loading'));
  const select = (name, label, options) => h('label', {}, label, h('select', { name, onchange: e => {
    filters[name] = e.target.value; load(); } }, options.map(([value, text]) => h('option', { value }, text))));
  const teams = me.teams.length ? me.teams : [];
  view.replaceChildren(h('h1', { id: 'inbox-title' }, t('inboxTitle')),
    h('div', { class: 'filters' },
      teams.length > 1 ? select('team', t('team'), [['', t('any')], ...teams.map(x => [x, x])]) : null,
      select('state', t('state'), STATES.map(s => [s, s ? t('state_' + s) : t('any')])),
      select('channel', t('channel'), [['', t('any')], ['x', 'X'], ['form', 'form'], ['reviews', 'reviews'],
        ['appstore', 'App Store'], ['mastodon', 'Mastodon'], ['bluesky', 'Bluesky'], ['rss', 'RSS']]),
      select('language', t('languageFilter'), [['', t('any')], ['nl', 'Nederlands'], ['en', 'English']])),
    status, table);

  async function load() {
    const query = new URLSearchParams({ limit: '100' });
    Object.entries(filters).forEach(([k, v]) => { if (v) query.set(k, v); });
    try {
      const page = await api('/worklist?' + query);
      banner(null);
      cases = page.items;
      render();
      marks();
    } catch (error) {
      banner(error);
      pending = pending || setTimeout(() => { pending = null; load(); }, 3000);
    }
  }

  function render() {
    status.hidden = cases.length > 0;
    status.className = 'empty';
    status.textContent = t('empty');
    current = Math.min(current, Math.max(0, cases.length - 1));
    body.replaceChildren(...cases.map((c, i) => {
      const left = slaSeconds(c);
      const words = c.excerpt || '';
      return h('tr', { class: 'row' + (i === current ? ' current' : ''), tabindex: '0', 'data-case': c.id,
        'aria-selected': i === current ? 'true' : 'false', onclick: () => open(c.id),
        onkeydown: e => { if (e.key === 'Enter') open(c.id); } },
      h('td', {}, c.channel || ''), h('td', {}, c.author || t('noAuthor')), h('td', { class: 'words' }, words),
      h('td', { class: 'hide-narrow' }, Math.round((c.urgency || 0) * 100) + '%'),
      h('td', {}, h('span', { class: 'tag class-' + c.triageClass }, c.triageClass)),
      h('td', { class: urgencyClass(left) }, left === null ? '' : timeLeft(left)),
      h('td', { class: 'hide-narrow' }, c.assignee || t('nobody')));
    }));
  }

  /** Performance marks the page-speed benchmark reads: the first rows shown, and each case's row when it first shows. */
  function marks() {
    if (!marked && cases.length) { performance.mark('webcare:rows'); marked = true; }
    cases.forEach(c => { if (!seen.has(c.id)) { seen.add(c.id); performance.mark('webcare:row:' + c.id); } });
  }

  function open(id) {
    location.hash = '#/case/' + id;
  }

  function move(by) {
    if (!cases.length) return;
    current = Math.max(0, Math.min(cases.length - 1, current + by));
    render();
    const row = body.querySelector('[data-case="' + cases[current].id + '"]');
    if (row) row.focus();
  }

  async function claimCurrent() {
    if (!cases.length) return;
    try { await api('/cases/' + cases[current].id + '/claim', { method: 'POST', body: {} }); await load(); }
    catch (error) { banner(error); }
  }

  function keys(e) {
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'j') move(1);
    else if (e.key === 'k') move(-1);
    else if (e.key === 'c') claimCurrent();
    else if (e.key === 'Enter' && cases.length && !(e.target && e.target.tagName === 'TR')) open(cases[current].id);
    else return;
    e.preventDefault();
  }

  let refresh = null;
  const stop = follow(() => {
    clearTimeout(refresh);
    refresh = setTimeout(load, 150); // a burst of alerts is one reload
  });
  const clock = setInterval(render, 30000); // the SLA times move on
  document.addEventListener('keydown', keys);
  load();
  return () => { stop(); clearInterval(clock); clearTimeout(refresh); clearTimeout(pending);
    document.removeEventListener('keydown', keys); };
}
