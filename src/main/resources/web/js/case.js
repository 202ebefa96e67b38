// One case: the whole conversation oldest first (the customer's mentions and our replies), who holds it, updated
// live so that two agents never work one case unknowingly, notes and tags, and the actions: claim, reply (a
// template filled in, the length counted as the channel counts it), resolve, dismiss, escalate, return, snooze.
// Keyboard: c claim, r reply, e escalate, s snooze, x resolve, Escape back to the inbox.
import { api } from './api.js';
import { t } from './i18n.js';
import { h, banner, follow, typing, timeLeft, urgencyClass, slaSeconds, when } from './ui.js';

/** How X counts a text: a link is 23, a character outside the Latin ranges 2; the limit is 280. */
export function xLength(text) {
  const withoutLinks = text.replace(/https?:\/\/\S+/g, '');
  const links = (text.match(/https?:\/\/\S+/g) || []).length;
  let n = links * 23;
  for (const ch of withoutLinks) {
    const code = ch.codePointAt(0);
    n += (code <= 0x10FF || (code >= 0x2000 && code <= 0x200D) || (code >= 0x2010 && code <= 0x201F)
      || (code >= 0x2032 && code <= 0x2037)) ? 1 : 2;
  }
  return n;
}

const LIMITS = { x: 280, mastodon: 500, bluesky: 300 };

export function showCase(view, id, me) {
  let current = null;
  let templates = [];
  let history = null;
  const mayWork = me.may.includes('work_cases');

  async function load() {
    try {
      current = await api('/cases/' + encodeURIComponent(id));
      if (mayWork && !templates.length) templates = (await api('/templates')).items;
      if (current.authorKey && history === null && me.may.includes('read_authors')) {
        const cut = current.authorKey.indexOf(':');
        history = await api('/authors/' + encodeURIComponent(current.authorKey.slice(0, cut)) + '/'
          + encodeURIComponent(current.authorKey.slice(cut + 1))).catch(() => ({ cases: [], otherChannels: {} }));
      }
      banner(null);
      render();
    } catch (error) {
      if (error.status === 404) { view.replaceChildren(h('p', { class: 'empty' }, error.message)); return; }
      banner(error);
      setTimeout(load, 3000);
    }
  }

  async function act(path, body = {}) {
    try {
      current = await api('/cases/' + encodeURIComponent(id) + '/' + path, { method: 'POST', body });
      banner(null);
      await load();
      return true;
    } catch (error) {
      banner(error);
      return false;
    }
  }

  function holder() {
    if (!current.assignee) return h('p', { class: 'meta', id: 'holder' }, t('holder') + ': ' + t('nobody'));
    const mine = current.assignee === me.owner;
    return h('p', { class: mine ? 'meta' : 'held', id: 'holder', role: 'status' },
      mine ? t('heldByYou') : t('heldByOther', { who: current.assignee }));
  }

  function conversation() {
    const items = [];
    (current.mentions || []).forEach(m => items.push({ at: m.publishedAt || '', ours: false, who: m.author, text: m.text || m.title || '' }));
    (current.replies || []).forEach(r => items.push({ at: r.at || '', ours: true, who: r.agent, text: r.text || '' }));
    items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return h('section', { class: 'panel conversation', 'aria-labelledby': 'conversation-title' },
      h('h2', { id: 'conversation-title' }, t('conversation')),
      items.map(m => h('div', { class: 'message' + (m.ours ? ' ours' : '') },
        h('div', { class: 'meta' }, (m.who || (m.ours ? '' : t('noAuthor'))) + ' · ' + when(m.at)), h('p', {}, m.text))));
  }

  function replyBox() {
    const limit = LIMITS[current.channel];
    const text = h('textarea', { id: 'reply-text', 'aria-label': t('reply') });
    const count = h('span', { class: 'count', 'aria-live': 'polite' });
    const link = h('input', { id: 'reply-link', type: 'url', 'aria-label': t('link'), placeholder: 'https://' });
    const counted = () => {
      const n = current.channel === 'x' ? xLength(text.value) : [...text.value].length;
      count.textContent = n + (limit ? ' ' + t('of') + ' ' + limit : '') + ' ' + t('characters');
      count.classList.toggle('over', !!limit && n > limit);
    };
    text.addEventListener('input', counted);
    const language = current.language === 'nl' ? 'nl' : 'en';
    const choices = templates.filter(x => x.language === language || x.language === 'en');
    const picker = h('select', { id: 'reply-template', 'aria-label': t('template'), onchange: e => {
      const chosen = choices.find(x => x.name === e.target.value && x.language === language)
        || choices.find(x => x.name === e.target.value);
      if (chosen) {
        text.value = chosen.text.replace(/\{author\.name\}/g, current.author || '').replace(/\{case\.ref\}/g, current.id)
          .replace(/\{agent\.name\}/g, me.owner);
        counted();
        text.focus();
      }
    } }, h('option', { value: '' }, t('noTemplate')), [...new Set(choices.map(x => x.name))].map(n => h('option', { value: n }, n)));
    const send = async resolve => {
      const body = { text: text.value };
      if (link.value) body.link = link.value;
      if (resolve) body.resolve = true;
      if (await act('reply', body)) { // sent: the new box (a live update redrew it) starts empty
        const box = document.getElementById('reply-text');
        if (box) { box.value = ''; box.dispatchEvent(new Event('input')); }
      }
    };
    counted();
    return h('section', { class: 'panel reply', 'aria-labelledby': 'reply-title' }, h('h2', { id: 'reply-title' }, t('reply')),
      h('label', {}, t('template') + ' ', picker), text, count, h('label', { class: 'meta' }, t('link'), h('br'), link),
      h('div', { class: 'actions' }, h('button', { class: 'primary', type: 'button', id: 'send-reply', onclick: () => send(false) }, t('reply')),
        h('button', { type: 'button', id: 'send-and-resolve', onclick: () => send(true) }, t('replyAndResolve'))));
  }

  function actions() {
    if (!mayWork) return null;
    const team = h('select', { id: 'escalate-team', 'aria-label': t('toTeam') },
      ['legal', 'tech', 'billing', 'care'].filter(x => x !== current.team).map(x => h('option', { value: x }, x)));
    const snoozeFor = h('select', { id: 'snooze-for', 'aria-label': t('snooze') },
      h('option', { value: '1' }, t('snoozeHour')), h('option', { value: '4' }, t('snoozeFourHours')),
      h('option', { value: 'tomorrow' }, t('snoozeTomorrow')));
    const dismissWhy = h('select', { id: 'dismiss-reason', 'aria-label': t('reason') },
      h('option', { value: 'not_for_us' }, t('notFor')), h('option', { value: 'spam' }, t('spam')),
      h('option', { value: 'no_reply_needed' }, t('noReply')));
    const until = () => {
      const now = new Date();
      if (snoozeFor.value === 'tomorrow') {
        const d = new Date(now.getTime() + 86400000); d.setHours(9, 0, 0, 0); return d.toISOString();
      }
      return new Date(now.getTime() + Number(snoozeFor.value) * 3600000).toISOString();
    };
    const button = (key, idName, onclick) => h('button', { type: 'button', id: idName, onclick }, t(key));
    return h('div', { class: 'actions', role: 'group', 'aria-label': 'Actions' },
      current.assignee === me.owner ? button('release', 'release', () => act('release'))
        : button('claim', 'claim', () => act('claim')),
      button('resolve', 'resolve', () => act('resolve')),
      h('span', {}, dismissWhy, button('dismiss', 'dismiss', () => act('dismiss', { reason: dismissWhy.value }))),
      current.escalatedFrom ? button('returnCase', 'return', () => act('return'))
        : h('span', {}, team, button('escalate', 'escalate', () => act('escalate', { team: team.value, reason: 'escalated from the inbox' }))),
      h('span', {}, snoozeFor, button('snooze', 'snooze', () => act('snooze', { until: until() }))));
  }

  function earlier() {
    if (!history) return null;
    const others = (history.cases || []).filter(c => c.id !== current.id);
    const channels = Object.entries(history.otherChannels || {});
    return h('section', { class: 'panel', 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, t('history')),
      others.length ? h('ul', { id: 'earlier-cases' }, others.map(c => h('li', {}, h('a', { href: '#/case/' + c.id }, c.id),
        ' · ' + t('state_' + c.state) + ' · ' + when(c.openedAt)))) : h('p', { class: 'meta' }, t('noEarlier')),
      channels.length ? h('p', { class: 'meta' }, t('otherChannels') + ': '
        + channels.map(([channel, n]) => channel + ' (' + n + ')').join(', ')) : null);
  }

  function handoff() {
    if (!mayWork || ['resolved', 'dismissed'].includes(current.state)) return null;
    const channel = h('select', { id: 'handoff-channel', 'aria-label': t('handoffChannel') },
      ['dm', 'phone', 'email', 'chat'].map(x => h('option', { value: x }, t('handoff_' + x))));
    const at = h('input', { id: 'handoff-when', type: 'datetime-local', 'aria-label': t('handoffWhen') });
    const agreement = h('textarea', { id: 'handoff-agreement', 'aria-label': t('handoffAgreement') });
    const preview = h('pre', { id: 'handoff-preview', class: 'preview', hidden: true });
    const body = extra => {
      const b = { channel: channel.value, agreement: agreement.value, ...extra };
      if (at.value) b.when = new Date(at.value).toISOString();
      return b;
    };
    return h('section', { class: 'panel', 'aria-labelledby': 'handoff-title' }, h('h2', { id: 'handoff-title' }, t('handoffTitle')),
      h('div', { class: 'filters' }, h('label', {}, t('handoffChannel'), channel), h('label', {}, t('handoffWhen'), at)),
      h('label', { class: 'meta' }, t('handoffAgreement')), agreement, preview,
      h('div', { class: 'actions' }, h('button', { type: 'button', id: 'handoff-preview-button', onclick: async () => {
        try {
          const shown = await api('/cases/' + encodeURIComponent(id) + '/handoff', { method: 'POST', body: body({ preview: true }) });
          preview.textContent = shown.confirmation;
          preview.hidden = false;
          banner(null);
        } catch (error) { banner(error); }
      } }, t('previewConfirmation')), h('button', { type: 'button', id: 'handoff-send', onclick: async () => {
        try {
          await api('/cases/' + encodeURIComponent(id) + '/handoff', { method: 'POST', body: body({}) });
          await load();
        } catch (error) { banner(error); }
      } }, t('handOff'))));
  }

  function notes() {
    const text = h('input', { id: 'note-text', 'aria-label': t('note') });
    return h('section', { class: 'panel', 'aria-labelledby': 'notes-title' }, h('h2', { id: 'notes-title' }, t('notes')),
      (current.notes || []).map(n => h('p', {}, h('span', { class: 'meta' }, n.author + ' · ' + when(n.at) + ': '), n.text)),
      mayWork ? h('div', { class: 'actions' }, text, h('button', { type: 'button', onclick: async () => {
        if (text.value && await act('notes', { text: text.value })) text.value = ''; } }, t('addNote'))) : null,
      h('h2', {}, t('tags')), (current.tags || []).map(x => h('span', { class: 'tag' }, x)));
  }

  function render() {
    const left = slaSeconds(current);
    const typed = document.getElementById('reply-text');
    const draft = typed ? typed.value : '';
    view.replaceChildren(
      h('p', {}, h('a', { href: '#/inbox' }, t('back'))),
      h('h1', {}, current.id + ' · ' + (current.author || t('noAuthor'))),
      h('p', { class: 'meta' }, [current.channel, t('state_' + current.state), current.team,
        current.triageClass].filter(Boolean).join(' · '),
        left === null ? null : h('span', { class: urgencyClass(left) }, ' · ' + t('slaLeft') + ': ' + timeLeft(left))),
      holder(), actions(),
      h('div', { class: 'case' }, h('div', {}, conversation(), mayWork && !['resolved', 'dismissed'].includes(current.state)
        ? replyBox() : null, handoff()), h('div', {}, earlier(), notes())));
    const box = document.getElementById('reply-text');
    if (box && draft) { box.value = draft; box.dispatchEvent(new Event('input')); } // a live update keeps the draft
  }

  function keys(e) {
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey || !current) return;
    const click = idName => { const b = document.getElementById(idName); if (b) b.click(); };
    if (e.key === 'c') click('claim');
    else if (e.key === 'x') click('resolve');
    else if (e.key === 'e') click('escalate');
    else if (e.key === 's') click('snooze');
    else if (e.key === 'r') { const box = document.getElementById('reply-text'); if (box) box.focus(); }
    else if (e.key === 'Escape') location.hash = '#/inbox';
    else return;
    e.preventDefault();
  }

  let refresh = null;
  const stop = follow((type, alert) => {
    if (alert.caseId === id) { clearTimeout(refresh); refresh = setTimeout(load, 100); }
  });
  document.addEventListener('keydown', keys);
  view.replaceChildren(h('p', { class: 'loading', role: 'status' }, t('loading')));
  load();
  return () => { stop(); clearTimeout(refresh); document.removeEventListener('keydown', keys); };
}
