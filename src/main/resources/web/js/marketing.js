// The marketing dashboard: sentiment over time (per label and net, by hour or day) with spikes marked on the time
// line, volume, share of voice against the competitors, what people talk about (aspects and phrases, with their
// change), the spikes; filters for brand, channel, language and period; each part as CSV. No author anywhere.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { api } from './api.js';
import { t } from './i18n.js';
import { h, banner, when, localDate } from './ui.js';

async function csv(path, file) {
  const response = await fetch('/api/v1' + path, { headers: { Accept: 'text/csv' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error(response.statusText);
  const link = h('a', { href: URL.createObjectURL(await response.blob()), download: file });
  document.body.append(link);
  link.click();
  link.remove();
}

export function showMarketing(view, me) {
  let chart = null;
  const brand = h('select', { id: 'market-brand', 'aria-label': t('brand') });
  const interval = h('select', { id: 'market-interval', 'aria-label': t('interval') },
    h('option', { value: 'day' }, t('perDay')), h('option', { value: 'hour' }, t('perHour')));
  const days = h('select', { id: 'market-days', 'aria-label': t('period') },
    h('option', { value: '30' }, t('last30')), h('option', { value: '7' }, t('last7')), h('option', { value: '90' }, t('last90')));
  const channel = h('input', { id: 'market-channel', 'aria-label': t('channel'), size: '8' });
  const language = h('select', { id: 'market-language', 'aria-label': t('languageFilter') },
    h('option', { value: '' }, t('any')), h('option', { value: 'nl' }, 'Nederlands'), h('option', { value: 'en' }, 'English'));
  const body = h('div', {}, h('p', { class: 'loading', role: 'status' }, t('loading')));
  view.replaceChildren(h('h1', {}, t('marketing')), h('div', { class: 'filters' },
    h('label', {}, t('brand'), brand), h('label', {}, t('interval'), interval), h('label', {}, t('period'), days),
    h('label', {}, t('channel'), channel), h('label', {}, t('languageFilter'), language)), body);
  [brand, interval, days, language].forEach(x => x.addEventListener('change', load));
  channel.addEventListener('change', load);

  function query() {
    const q = new URLSearchParams({ brand: brand.value });
    const to = new Date();
    const span = interval.value === 'hour' ? Math.min(Number(days.value), 30) : Number(days.value);
    // the team's days, as the API reads dates (a browser elsewhere, or at midnight, must not shift them)
    q.set('from', localDate(new Date(to.getTime() - span * 86400000)));
    q.set('to', localDate(to));
    if (channel.value) q.set('channel', channel.value.trim().toLowerCase());
    if (language.value) q.set('language', language.value);
    return q;
  }

  async function start() {
    try {
      const brands = await api('/analytics/brands');
      const own = brands.items.filter(b => !b.competitor);
      if (!own.length) { body.replaceChildren(h('p', { class: 'empty' }, t('noBrands'))); return; }
      brand.replaceChildren(...own.map(b => h('option', { value: b.brand }, b.brand)));
      state.rivals = brands.items.filter(b => b.competitor).map(b => b.brand);
      await load();
    } catch (error) { banner(error); setTimeout(start, 3000); }
  }

  const state = { rivals: [] };

  async function load() {
    const q = query();
    const sentimentQuery = new URLSearchParams(q);
    sentimentQuery.set('interval', interval.value);
    const period = new URLSearchParams({ from: q.get('from'), to: q.get('to') });
    const brands = [brand.value, ...state.rivals].join(',');
    try {
      const [series, voice, topics, spikes] = await Promise.all([api('/analytics/sentiment?' + sentimentQuery),
        api('/analytics/share-of-voice?brands=' + encodeURIComponent(brands) + '&' + period),
        api('/analytics/topics?brand=' + encodeURIComponent(brand.value) + '&label=negative&' + period),
        api('/analytics/spikes?brand=' + encodeURIComponent(brand.value) + '&' + period)]);
      banner(null);
      body.replaceChildren(sentiment(series, spikes.items, sentimentQuery), share(voice, brands, period),
        talk(topics, period), spikeList(spikes.items));
      draw(series, spikes.items);
    } catch (error) { banner(error); }
  }

  function download(path, file) {
    return h('button', { type: 'button', onclick: () => csv(path, file).catch(banner) }, t('downloadCsv'));
  }

  function sentiment(series, spikes, q) {
    const rows = series.buckets.map(b => h('tr', {}, h('th', { scope: 'row' }, when(b.start, series.timezone)),
      h('td', {}, String(b.positive)), h('td', {}, String(b.neutral)), h('td', {}, String(b.negative)),
      h('td', {}, String(b.net))));
    const total = series.total || { total: 0, net: 0 };
    return h('section', { class: 'panel', 'aria-labelledby': 'sentiment-title' },
      h('h2', { id: 'sentiment-title' }, t('sentimentTitle')),
      h('p', { class: 'meta', id: 'sentiment-total' }, t('mentionsTotal', { n: total.total, net: total.net })),
      h('div', { id: 'sentiment-chart', role: 'img', 'aria-label': t('chartLabel') }),
      h('details', {}, h('summary', {}, t('asTable')), h('table', { id: 'sentiment-table' }, h('thead', {}, h('tr', {},
        [t('when'), t('positive'), t('neutral'), t('negative'), t('net')].map(x => h('th', { scope: 'col' }, x)))), h('tbody', {}, rows))),
      download('/analytics/sentiment?' + q, 'sentiment.csv'));
  }

  function draw(series, spikes) {
    const target = document.getElementById('sentiment-chart');
    if (!target) return;
    if (chart) chart.destroy();
    const x = series.buckets.map(b => Date.parse(b.start) / 1000);
    const data = [x, series.buckets.map(b => b.positive), series.buckets.map(b => b.neutral),
      series.buckets.map(b => b.negative), series.buckets.map(b => b.net)];
    const starts = spikes.map(s => Date.parse(s.startedAt) / 1000);
    chart = new uPlot({
      width: Math.max(300, target.clientWidth || 800), height: 260,
      series: [{}, { label: t('positive'), stroke: '#1b6e3a' }, { label: t('neutral'), stroke: '#777' },
        { label: t('negative'), stroke: '#a4161a' }, { label: t('net'), stroke: '#1f5fbf', scale: 'net' }],
      axes: [{}, {}, { scale: 'net', side: 1 }],
      scales: { net: { range: [-1, 1] } },
      hooks: { draw: [u => { // spikes as red lines on the time line
        const ctx = u.ctx;
        ctx.save();
        ctx.strokeStyle = '#a4161a';
        ctx.setLineDash([4, 4]);
        starts.forEach(s => {
          const px = u.valToPos(s, 'x', true);
          if (px >= u.bbox.left && px <= u.bbox.left + u.bbox.width) {
            ctx.beginPath(); ctx.moveTo(px, u.bbox.top); ctx.lineTo(px, u.bbox.top + u.bbox.height); ctx.stroke();
          }
        });
        ctx.restore();
      }] }
    }, data, target);
  }

  function share(voice, brands, period) {
    return h('section', { class: 'panel', 'aria-labelledby': 'voice-title' }, h('h2', { id: 'voice-title' }, t('voiceTitle')),
      h('table', { id: 'voice-table' }, h('thead', {}, h('tr', {}, [t('brand'), t('mentions'), t('share'), t('net')]
        .map(x => h('th', { scope: 'col' }, x)))), h('tbody', {}, voice.brands.map(b => h('tr', {},
        h('th', { scope: 'row' }, b.brand), h('td', {}, String(b.mentions)), h('td', {}, Math.round(b.share * 100) + '%'),
        h('td', {}, String(b.net)))))),
      download('/analytics/share-of-voice?brands=' + encodeURIComponent(brands) + '&' + period, 'share-of-voice.csv'));
  }

  function talk(topics, period) {
    const change = c => c === null || c === undefined ? t('newTopic') : (c > 0 ? '+' : '') + Math.round(c * 100) + '%';
    return h('section', { class: 'panel', 'aria-labelledby': 'topics-title' }, h('h2', { id: 'topics-title' }, t('topicsTitle')),
      h('table', { id: 'aspects-table' }, h('caption', {}, t('aspects')), h('thead', {}, h('tr', {},
        [t('aspect'), t('mentions'), t('change')].map(x => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, topics.topics.map(a => h('tr', {}, h('th', { scope: 'row' }, a.aspect), h('td', {}, String(a.mentions)),
          h('td', {}, change(a.change)))))),
      h('table', { id: 'phrases-table' }, h('caption', {}, t('phrases')), h('thead', {}, h('tr', {},
        [t('phrase'), t('mentions'), t('change')].map(x => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, (topics.phrases || []).map(p => h('tr', {}, h('th', { scope: 'row' }, p.phrase),
          h('td', {}, String(p.mentions)), h('td', {}, p.new ? t('newTopic') : change(p.change)))))),
      download('/analytics/topics?brand=' + encodeURIComponent(brand.value) + '&label=negative&' + period, 'topics.csv'));
  }

  function spikeList(spikes) {
    return h('section', { class: 'panel', 'aria-labelledby': 'spikes-title' }, h('h2', { id: 'spikes-title' }, t('spikesTitle')),
      spikes.length ? h('ul', {}, spikes.map(s => h('li', {}, when(s.startedAt) + ' · ' + (s.channel || t('allChannels'))
        + ' · ' + t('spikeLine', { count: s.peak, baseline: s.baseline }) + (s.aspects.length ? ' · ' + s.aspects.join(', ') : ''))))
        : h('p', { class: 'meta' }, t('noSpikes')));
  }

  start();
  return () => { if (chart) chart.destroy(); };
}
