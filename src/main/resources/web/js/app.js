// The shell: who is signed in (GET /session), the sign-in form, the pages the role may open, the banner when
// Webcare or its store is away (the page keeps trying and clears it by itself), and the keyboard help.
import { api, ApiError, useCsrf } from './api.js';
import { t, translate, setLanguage, currentLanguage } from './i18n.js';
import { showInbox } from './inbox.js';
import { showCase } from './case.js';
import { showLead } from './lead.js';
import { showMarketing } from './marketing.js';
import { showAdmin } from './admin.js';
import { banner, typing, useZone } from './ui.js';

const state = { me: null, stop: null };

function el(id) { return document.getElementById(id); }

function nav() {
  const links = [['#/inbox', 'inbox', 'work_cases'], ['#/lead', 'lead', 'lead_cases'],
    ['#/marketing', 'marketing', 'read_analytics'], ['#/admin', 'admin', 'administer']];
  const box = el('nav');
  box.replaceChildren(...links.filter(([, , may]) => state.me.may.includes(may)).map(([href, key]) => {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = t(key);
    if (location.hash.startsWith(href)) a.setAttribute('aria-current', 'page');
    return a;
  }));
  box.hidden = false;
  el('who').textContent = state.me.owner + ' (' + state.me.role + ')';
  el('sign-out').hidden = false;
}

async function route() {
  if (state.stop) { state.stop(); state.stop = null; }
  if (!state.me) return;
  nav();
  const view = el('view');
  const match = location.hash.match(/^#\/case\/([A-Za-z0-9-]+)/);
  const may = permission => state.me.may.includes(permission);
  if (match) state.stop = showCase(view, match[1], state.me);
  else if (location.hash === '#/lead' && may('lead_cases')) state.stop = showLead(view, state.me);
  else if (location.hash === '#/marketing' && may('read_analytics')) state.stop = showMarketing(view, state.me);
  else if (location.hash === '#/admin' && may('administer')) state.stop = showAdmin(view, state.me);
  else if (may('work_cases')) state.stop = showInbox(view, state.me);
  else if (may('read_analytics')) { location.hash = '#/marketing'; return; }
  else state.stop = showInbox(view, state.me);
}

async function signedIn(me) {
  state.me = me;
  useCsrf(me.csrfToken);
  useZone(me.timezone);
  el('sign-in').hidden = true;
  if (!location.hash) location.hash = me.may.includes('work_cases') ? '#/inbox' : '#/marketing';
  await route();
}

function showSignIn(message) {
  state.me = null;
  el('nav').hidden = true;
  el('sign-out').hidden = true;
  el('who').textContent = '';
  el('view').replaceChildren();
  el('sign-in').hidden = false;
  const error = el('sign-in-error');
  error.hidden = !message;
  error.textContent = message || '';
  el('api-key').focus();
}

async function boot() {
  el('language').value = currentLanguage();
  translate(document);
  el('language').addEventListener('change', e => { setLanguage(e.target.value); route(); });
  el('sign-in-form').addEventListener('submit', async e => {
    e.preventDefault();
    const field = el('api-key');
    try {
      const me = await api('/session', { method: 'POST', body: { key: field.value } });
      field.value = '';
      await signedIn(me);
    } catch (error) {
      field.value = '';
      showSignIn(error.status === 429 ? t('tooMany') : error.status === 401 ? t('wrongKey') : error.message);
    }
  });
  el('sign-out').addEventListener('click', async () => {
    try { await api('/session', { method: 'DELETE' }); } catch (e) { /* signed out either way */ }
    if (state.stop) { state.stop(); state.stop = null; }
    showSignIn(null);
  });
  window.addEventListener('hashchange', route);
  document.addEventListener('keydown', e => {
    if (e.key === '?' && !typing(e)) { el('help').showModal(); e.preventDefault(); }
  });
  await whoAmI();
}

/** Who is signed in; when Webcare is away, says so and asks again a little later. */
async function whoAmI() {
  try {
    const me = await api('/session');
    banner(null);
    await signedIn(me);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) { banner(null); showSignIn(null); return; }
    banner(error);
    setTimeout(whoAmI, 3000);
  }
}

boot();
