// The lead's page: the SLA report per team and channel, the service figures per agent and channel, the backlog by
// age, who holds what (with reassigning), and the reply templates in Dutch and English.
import { api } from './api.js';
import { t } from './i18n.js';
import { h, banner, when } from './ui.js';

const AGES = ['under1h', '1to4h', '4to24h', '1to3d', 'over3d'];

function pct(value) {
  return value === null || value === undefined ? '–' : Math.round(value * 100) + '%';
}

function minutes(seconds) {
  return seconds === null || seconds === undefined ? '–' : Math.round(seconds / 60) + ' min';
}

function table(caption, head, rows) {
  return h('table', {}, h('caption', {}, caption), h('thead', {}, h('tr', {}, head.map(x => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: String(head.length) }, t('nothingYet')))));
}

export function showLead(view, me) {
  const days = h('select', { id: 'lead-period', 'aria-label': t('period') },
    h('option', { value: '7' }, t('last7')), h('option', { value: '30' }, t('last30')));
  const body = h('div', {}, h('p', { class: 'loading', role: 'status' }, t('loading')));
  view.replaceChildren(h('h1', {}, t('lead')), h('div', { class: 'filters' }, h('label', {}, t('period'), days)), body);
  days.addEventListener('change', load);

  async function load() {
    const to = new Date();
    const from = new Date(to.getTime() - Number(days.value) * 86400000);
    const range = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() }).toString();
    try {
      const [sla, service, held, templates, agents] = await Promise.all([api('/sla?' + range), api('/service?' + range),
        api('/worklist?state=assigned&limit=200'), me.may.includes('manage_templates') ? api('/templates')
          : Promise.resolve({ items: [] }), api('/agents')]);
      banner(null);
      body.replaceChildren(slaTables(sla), serviceTables(service), backlog(sla), holders(held.items, agents.items),
        me.may.includes('manage_templates') ? templateEditor(templates.items) : null);
    } catch (error) {
      banner(error);
    }
  }

  function slaTables(sla) {
    const row = g => h('tr', {}, h('th', { scope: 'row' }, g.name || t('all')), h('td', {}, String(g.opened)),
      h('td', {}, pct(g.attainment)), h('td', {}, g.firstResponseMinutesMedian ?? '–'),
      h('td', {}, g.firstResponseMinutesP90 ?? '–'), h('td', {}, String(g.breaches)));
    const head = [t('group'), t('opened'), t('attainment'), t('medianFirst'), t('p90First'), t('breaches')];
    return h('section', { class: 'panel' }, h('h2', {}, t('slaTitle')),
      table(t('slaTitle'), head, [row({ ...sla.overall, name: t('all') }), ...sla.teams.map(row), ...sla.channels.map(row)]));
  }

  function serviceTables(report) {
    const row = g => h('tr', {}, h('th', { scope: 'row' }, g.name), h('td', {}, String(g.closed)),
      h('td', {}, minutes(g.firstResponse.medianSeconds)), h('td', {}, minutes(g.handleTime.medianSeconds)),
      h('td', {}, pct(g.firstContactResolution.rate)),
      h('td', {}, g.satisfaction.mean === null || g.satisfaction.mean === undefined ? '–'
        : g.satisfaction.mean + ' (' + g.satisfaction.answers + '/' + g.satisfaction.surveysSent + ')'),
      h('td', {}, g.recovery.meanChange === null || g.recovery.meanChange === undefined ? '–'
        : (g.recovery.meanChange > 0 ? '+' : '') + g.recovery.meanChange + ' (' + g.recovery.known + ')'));
    const head = [t('group'), t('closed'), t('medianFirst'), t('handle'), t('fcr'), t('csat'), t('recovery')];
    return h('section', { class: 'panel' }, h('h2', {}, t('serviceTitle')),
      table(t('serviceTitle'), head, [row({ ...report.all, name: t('all') }), ...(report.byAgent || []).map(row),
        ...report.byChannel.map(row)]));
  }

  function backlog(sla) {
    const b = sla.overall.backlog || {};
    return h('section', { class: 'panel' }, h('h2', {}, t('backlogTitle')),
      table(t('backlogTitle'), AGES.map(a => t('age_' + a)), [h('tr', {}, AGES.map(a => h('td', {}, String(b[a] ?? 0))))]));
  }

  function holders(cases, agents) {
    const rows = cases.map(c => {
      const agent = h('select', { 'aria-label': t('reassignTo') + ' ' + c.id },
        agents.filter(a => a.name !== c.assignee && (!a.teams.length || a.teams.includes(c.team)))
          .map(a => h('option', { value: a.name }, a.name)));
      return h('tr', {}, h('th', { scope: 'row' }, h('a', { href: '#/case/' + c.id }, c.id)), h('td', {}, c.assignee || ''),
        h('td', {}, c.team), h('td', {}, when(c.openedAt)),
        me.may.includes('lead_cases') ? h('td', {}, agent, h('button', { type: 'button', onclick: async () => {
          try { await api('/cases/' + c.id + '/reassign', { method: 'POST', body: { agent: agent.value } }); await load(); }
          catch (error) { banner(error); } } }, t('reassign'))) : h('td', {}));
    });
    return h('section', { class: 'panel' }, h('h2', {}, t('heldTitle')),
      table(t('heldTitle'), [t('case'), t('holder'), t('team'), t('openedAt'), t('reassign')], rows));
  }

  function templateEditor(items) {
    const name = h('input', { id: 'template-name', 'aria-label': t('templateName') });
    const language = h('select', { id: 'template-language', 'aria-label': t('languageFilter') },
      h('option', { value: 'nl' }, 'Nederlands'), h('option', { value: 'en' }, 'English'));
    const text = h('textarea', { id: 'template-text', 'aria-label': t('templateText') });
    const rows = items.map(x => h('tr', {}, h('th', { scope: 'row' }, x.name), h('td', {}, x.language), h('td', {}, x.text),
      h('td', {}, h('button', { type: 'button', onclick: async () => {
        try { await api('/templates/' + encodeURIComponent(x.name) + '?language=' + x.language, { method: 'DELETE' }); await load(); }
        catch (error) { banner(error); } } }, t('delete')))));
    return h('section', { class: 'panel' }, h('h2', {}, t('templatesTitle')),
      table(t('templatesTitle'), [t('templateName'), t('languageFilter'), t('templateText'), ''], rows),
      h('div', { class: 'filters' }, h('label', {}, t('templateName'), name), h('label', {}, t('languageFilter'), language)),
      h('p', { class: 'meta' }, t('placeholders')), text,
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', id: 'save-template', onclick: async () => {
        try {
          await api('/templates/' + encodeURIComponent(name.value), { method: 'PUT', body: { language: language.value, text: text.value } });
          await load();
        } catch (error) { banner(error); } } }, t('save'))));
  }

  load();
  return () => {};
}
