// The admin's page: API keys (made with role and teams, the key shown once; revoked), alert subscriptions,
// connectors with their state, last error and next poll, and dead letters with requeue.
import { api } from './api.js';
import { t } from './i18n.js';
import { h, banner, when } from './ui.js';

const ROLES = ['agent', 'lead', 'analyst', 'integration', 'admin'];

function table(id, caption, head, rows) {
  return h('table', { id }, h('caption', {}, caption), h('thead', {}, h('tr', {}, head.map(x => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: String(head.length) }, t('nothingYet')))));
}

export function showAdmin(view) {
  const body = h('div', {}, h('p', { class: 'loading', role: 'status' }, t('loading')));
  const shown = h('p', { id: 'new-key', class: 'held', role: 'status', hidden: true });
  view.replaceChildren(h('h1', {}, t('admin')), shown, body);

  async function load() {
    try {
      const [keys, subscriptions, connectors, dead] = await Promise.all([api('/keys?limit=500'), api('/subscriptions'),
        api('/connectors'), api('/dead-letters?limit=100')]);
      banner(null);
      body.replaceChildren(keyPanel(keys.items), subscriptionPanel(subscriptions.items),
        connectorPanel(connectors.items), deadPanel(dead.items));
    } catch (error) { banner(error); }
  }

  async function run(call) {
    try { await call(); await load(); } catch (error) { banner(error); }
  }

  function keyPanel(keys) {
    const owner = h('input', { id: 'key-owner', 'aria-label': t('owner') });
    const role = h('select', { id: 'key-role', 'aria-label': t('role') }, ROLES.map(r => h('option', { value: r }, r)));
    const teams = h('input', { id: 'key-teams', 'aria-label': t('teams'), placeholder: 'care, legal' });
    const rows = keys.map(k => h('tr', {}, h('th', { scope: 'row' }, k.owner), h('td', {}, k.role),
      h('td', {}, (k.teams || []).join(', ')), h('td', {}, when(k.createdAt)),
      h('td', {}, h('button', { type: 'button', onclick: () => run(() => api('/keys/' + k.id, { method: 'DELETE' })) },
        t('revoke')))));
    return h('section', { class: 'panel' }, h('h2', {}, t('keysTitleAdmin')),
      table('keys-table', t('keysTitleAdmin'), [t('owner'), t('role'), t('teams'), t('created'), ''], rows),
      h('div', { class: 'filters' }, h('label', {}, t('owner'), owner), h('label', {}, t('role'), role),
        h('label', {}, t('teams'), teams),
        h('button', { type: 'button', class: 'primary', id: 'make-key', onclick: () => run(async () => {
          const made = await api('/keys', { method: 'POST', body: { owner: owner.value, role: role.value,
            teams: teams.value.split(',').map(x => x.trim()).filter(Boolean) } });
          shown.textContent = t('keyShownOnce', { owner: made.owner }) + ' ' + made.key;
          shown.hidden = false;
        }) }, t('makeKey'))));
  }

  function subscriptionPanel(items) {
    const rows = items.map(s => h('tr', {}, h('th', { scope: 'row' }, s.name || s.id), h('td', {}, s.url || t('feedOnly')),
      h('td', {}, s.format || ''), h('td', {}, s.enabled ? t('on') : t('off') + (s.disabledReason ? ': ' + s.disabledReason : '')),
      h('td', {}, h('button', { type: 'button', onclick: () => run(() => api('/subscriptions/' + s.id,
        { method: 'PATCH', body: { enabled: !s.enabled } })) }, s.enabled ? t('switchOff') : t('switchOn')),
      h('button', { type: 'button', onclick: () => run(() => api('/subscriptions/' + s.id, { method: 'DELETE' })) },
        t('delete')))));
    const name = h('input', { id: 'subscription-name', 'aria-label': t('name') });
    const url = h('input', { id: 'subscription-url', type: 'url', 'aria-label': 'URL', placeholder: 'https://' });
    const format = h('select', { id: 'subscription-format', 'aria-label': t('format') },
      ['json', 'slack', 'teams'].map(f => h('option', { value: f }, f)));
    const language = h('select', { id: 'subscription-language', 'aria-label': t('languageFilter') },
      h('option', { value: 'en' }, 'English'), h('option', { value: 'nl' }, 'Nederlands'));
    const types = h('input', { id: 'subscription-types', 'aria-label': t('alertTypes'), placeholder: 'case.opened, spike.*' });
    return h('section', { class: 'panel' }, h('h2', {}, t('subscriptionsTitle')),
      table('subscriptions-table', t('subscriptionsTitle'), [t('name'), 'URL', t('format'), t('state'), ''], rows),
      h('div', { class: 'filters' }, h('label', {}, t('name'), name), h('label', {}, 'URL', url),
        h('label', {}, t('format'), format), h('label', {}, t('languageFilter'), language),
        h('label', {}, t('alertTypes'), types),
        h('button', { type: 'button', class: 'primary', id: 'make-subscription', onclick: () => run(async () => {
          const body = { name: name.value, url: url.value, format: format.value, language: language.value };
          const wanted = types.value.split(',').map(x => x.trim()).filter(Boolean);
          if (wanted.length) body.filter = { type: wanted };
          const made = await api('/subscriptions', { method: 'POST', body });
          shown.textContent = t('secretShownOnce', { name: made.name || made.id }) + ' ' + made.secret;
          shown.hidden = false;
        }) }, t('makeSubscription'))));
  }

  function connectorPanel(items) {
    const rows = items.map(c => h('tr', {}, h('th', { scope: 'row' }, c.name), h('td', {}, c.type), h('td', {}, c.brand || ''),
      h('td', { class: c.lastError ? 'sla-red' : '' }, c.state + (c.lastError ? ': ' + c.lastError : '')),
      h('td', {}, when(c.lastSuccessAt)), h('td', {}, when(c.nextPollAt))));
    return h('section', { class: 'panel' }, h('h2', {}, t('connectorsTitle')),
      table('connectors-table', t('connectorsTitle'), [t('name'), t('type'), t('brand'), t('state'), t('lastSuccess'),
        t('nextPoll')], rows));
  }

  function deadPanel(items) {
    const rows = items.map(d => h('tr', {}, h('th', { scope: 'row' }, d.id), h('td', {}, d.message || ''),
      h('td', {}, h('button', { type: 'button', onclick: () => run(() => api('/dead-letters/' + d.id + '/requeue',
        { method: 'POST', body: {} })) }, t('requeue')))));
    return h('section', { class: 'panel' }, h('h2', {}, t('deadTitle')),
      table('dead-table', t('deadTitle'), ['id', t('reason'), ''], rows),
      items.length ? h('button', { type: 'button', onclick: () => run(() => api('/dead-letters/requeue',
        { method: 'POST', body: {} })) }, t('requeueAll')) : null);
  }

  load();
  return () => {};
}
