// Dutch and English: the browser's language first, then the visitor's choice (kept in this browser only).
const strings = {
  en: {
    skip: 'Skip to content', language: 'Language', signOut: 'Sign out', signInTitle: 'Sign in to Webcare',
    apiKey: 'API key', signIn: 'Sign in', wrongKey: 'That API key is not valid (unknown or revoked).',
    tooMany: 'Too many wrong keys from this address; try again in a minute.', inbox: 'Inbox', lead: 'Lead',
    marketing: 'Marketing', admin: 'Admin', keysTitle: 'Keyboard', keyMove: 'next / previous case',
    keyOpen: 'open the case', keyClaim: 'claim', keyReply: 'reply', keyEscalate: 'escalate', keySnooze: 'snooze',
    keyResolve: 'resolve', keyHelp: 'this help', close: 'Close', team: 'Team', state: 'State', channel: 'Channel',
    languageFilter: 'Language', any: 'any', inboxTitle: 'Inbox', loading: 'Loading...',
    empty: 'Nothing to answer: the queue is empty.', author: 'Author', words: 'What they wrote',
    urgency: 'Urgency', triage: 'Class', slaLeft: 'Time left', holder: 'Held by', nobody: 'nobody',
    late: 'late', storeDown: 'Webcare cannot reach its store right now; this page tries again by itself.',
    offline: 'Webcare cannot be reached; this page tries again by itself.', back: 'Back to the inbox',
    conversation: 'Conversation', history: 'Earlier with this customer', notes: 'Notes', tags: 'Tags',
    claim: 'Claim', release: 'Release', reply: 'Reply', replyAndResolve: 'Reply and resolve', resolve: 'Resolve',
    dismiss: 'Dismiss', escalate: 'Escalate', returnCase: 'Return', snooze: 'Snooze', template: 'Template',
    noTemplate: 'no template', link: 'Link to where you answered (for channels Webcare cannot post to)',
    characters: 'characters', of: 'of', heldBy: 'Held by {who}', heldByYou: 'You hold this case',
    heldByOther: '{who} is working on this case', reason: 'Reason', note: 'Note', addNote: 'Add note',
    snoozeHour: '1 hour', snoozeFourHours: '4 hours', snoozeTomorrow: 'tomorrow 09:00', sent: 'Sent.',
    resolved: 'Resolved.', notFor: 'not for us', spam: 'spam', noReply: 'no reply needed', toTeam: 'To team',
    state_new: 'new', state_assigned: 'assigned', state_waiting: 'waiting', state_escalated: 'escalated',
    state_snoozed: 'snoozed', state_resolved: 'resolved', state_dismissed: 'dismissed', you: 'you',
    switchOff: 'Switch off', switchOn: 'Switch on', alertTypes: 'Alert types', makeSubscription: 'Subscribe',
    secretShownOnce: 'The signing secret of {name}, shown only now:',
    noEarlier: 'No earlier cases.', otherChannels: 'Also wrote on', handoffTitle: 'Hand off to a private channel',
    handoffChannel: 'Channel', handoffWhen: 'When (optional)', handoffAgreement: 'What was agreed',
    previewConfirmation: 'Preview the confirmation', handOff: 'Hand off', handoff_dm: 'direct message',
    handoff_phone: 'phone call', handoff_email: 'e-mail', handoff_chat: 'chat',
    newCase: 'New case in the queue', caseHeld: 'Case {id} is now held by {who}', noAuthor: '(no name shown)',
    nothingYet: 'Nothing yet.', period: 'Period', last7: 'last 7 days', last30: 'last 30 days', last90: 'last 90 days', all: 'all', group: 'Group', opened: 'Opened', attainment: 'On time', medianFirst: 'First response, median', p90First: 'First response, p90', breaches: 'Breaches', slaTitle: 'SLA', closed: 'Closed', handle: 'Handle time, median', fcr: 'First-contact resolution', csat: 'Satisfaction (answers/asked)', recovery: 'Tone after, change (cases)', serviceTitle: 'Service per agent and channel', backlogTitle: 'Open cases by age', age_under1h: 'under 1 h', age_1to4h: '1-4 h', age_4to24h: '4-24 h', age_1to3d: '1-3 days', age_over3d: 'over 3 days', reassignTo: 'Reassign to', reassign: 'Reassign', heldTitle: 'Who holds what', case: 'Case', openedAt: 'Opened', templateName: 'Name', templateText: 'Text', templatesTitle: 'Reply templates', placeholders: 'Placeholders: {author.name} {case.ref} {agent.name}', save: 'Save', delete: 'Delete', brand: 'Brand', interval: 'Per', perDay: 'day', perHour: 'hour', noBrands: 'No brand is configured yet (see connectors/).', downloadCsv: 'Download CSV', sentimentTitle: 'Sentiment over time', mentionsTotal: '{n} mentions, net sentiment {net}', chartLabel: 'Mentions per label over time, net sentiment on the right axis, spikes as red dashed lines', asTable: 'As a table', when: 'When', positive: 'positive', neutral: 'neutral', negative: 'negative', net: 'net', voiceTitle: 'Share of voice', mentions: 'Mentions', share: 'Share', newTopic: 'new', topicsTitle: 'What people are negative about', aspects: 'Aspects', phrases: 'Phrases', aspect: 'Aspect', phrase: 'Phrase', change: 'Change', spikesTitle: 'Spikes', allChannels: 'all channels', spikeLine: '{count} negative in 15 min, expected {baseline}', noSpikes: 'No spikes in this period.', owner: 'Owner', role: 'Role', teams: 'Teams', created: 'Made', revoke: 'Revoke', keysTitleAdmin: 'API keys', makeKey: 'Make key', keyShownOnce: 'The key of {owner}, shown only now:', feedOnly: '(feed only)', on: 'on', off: 'off', format: 'Format', subscriptionsTitle: 'Alert subscriptions', name: 'Name', type: 'Type', lastSuccess: 'Last success', nextPoll: 'Next poll', connectorsTitle: 'Connectors', deadTitle: 'Dead letters', requeue: 'Requeue', requeueAll: 'Requeue all'
  },
  nl: {
    skip: 'Naar de inhoud', language: 'Taal', signOut: 'Afmelden', signInTitle: 'Aanmelden bij Webcare',
    apiKey: 'API-sleutel', signIn: 'Aanmelden', wrongKey: 'Deze API-sleutel is niet geldig (onbekend of ingetrokken).',
    tooMany: 'Te veel verkeerde sleutels vanaf dit adres; probeer het over een minuut opnieuw.', inbox: 'Inbox',
    lead: 'Teamleider', marketing: 'Marketing', admin: 'Beheer', keysTitle: 'Toetsenbord',
    keyMove: 'volgende / vorige zaak', keyOpen: 'zaak openen', keyClaim: 'oppakken', keyReply: 'antwoorden',
    keyEscalate: 'escaleren', keySnooze: 'later oppakken', keyResolve: 'afronden', keyHelp: 'deze hulp',
    close: 'Sluiten', team: 'Team', state: 'Status', channel: 'Kanaal', languageFilter: 'Taal', any: 'alle',
    inboxTitle: 'Inbox', loading: 'Laden...', empty: 'Niets te beantwoorden: de wachtrij is leeg.',
    author: 'Auteur', words: 'Wat ze schreven', urgency: 'Urgentie', triage: 'Soort', slaLeft: 'Tijd over',
    holder: 'Opgepakt door', nobody: 'niemand', late: 'te laat',
    storeDown: 'Webcare kan zijn opslag nu niet bereiken; deze pagina probeert het zelf opnieuw.',
    offline: 'Webcare is niet bereikbaar; deze pagina probeert het zelf opnieuw.', back: 'Terug naar de inbox',
    conversation: 'Gesprek', history: 'Eerder met deze klant', notes: 'Notities', tags: 'Labels',
    claim: 'Oppakken', release: 'Loslaten', reply: 'Antwoorden', replyAndResolve: 'Antwoorden en afronden',
    resolve: 'Afronden', dismiss: 'Afwijzen', escalate: 'Escaleren', returnCase: 'Terugsturen', snooze: 'Later',
    template: 'Sjabloon', noTemplate: 'geen sjabloon',
    link: 'Link naar waar u antwoordde (voor kanalen waar Webcare niet kan plaatsen)', characters: 'tekens',
    of: 'van', heldBy: 'Opgepakt door {who}', heldByYou: 'U hebt deze zaak opgepakt',
    heldByOther: '{who} werkt aan deze zaak', reason: 'Reden', note: 'Notitie', addNote: 'Notitie toevoegen',
    snoozeHour: '1 uur', snoozeFourHours: '4 uur', snoozeTomorrow: 'morgen 09:00', sent: 'Verstuurd.',
    resolved: 'Afgerond.', notFor: 'niet voor ons', spam: 'spam', noReply: 'geen antwoord nodig', toTeam: 'Naar team',
    state_new: 'nieuw', state_assigned: 'opgepakt', state_waiting: 'wacht op klant', state_escalated: 'geëscaleerd',
    state_snoozed: 'later', state_resolved: 'afgerond', state_dismissed: 'afgewezen', you: 'u',
    switchOff: 'Uitzetten', switchOn: 'Aanzetten', alertTypes: 'Soorten meldingen', makeSubscription: 'Abonneren',
    secretShownOnce: 'Het ondertekengeheim van {name}, alleen nu te zien:',
    noEarlier: 'Geen eerdere zaken.', otherChannels: 'Schreef ook op', handoffTitle: 'Overdragen naar een privékanaal',
    handoffChannel: 'Kanaal', handoffWhen: 'Wanneer (niet verplicht)', handoffAgreement: 'Wat is afgesproken',
    previewConfirmation: 'Bevestiging bekijken', handOff: 'Overdragen', handoff_dm: 'privébericht',
    handoff_phone: 'telefoongesprek', handoff_email: 'e-mail', handoff_chat: 'chat',
    newCase: 'Nieuwe zaak in de wachtrij', caseHeld: 'Zaak {id} is nu opgepakt door {who}', noAuthor: '(geen naam getoond)',
    nothingYet: 'Nog niets.', period: 'Periode', last7: 'laatste 7 dagen', last30: 'laatste 30 dagen', last90: 'laatste 90 dagen', all: 'alle', group: 'Groep', opened: 'Geopend', attainment: 'Op tijd', medianFirst: 'Eerste reactie, mediaan', p90First: 'Eerste reactie, p90', breaches: 'Overschrijdingen', slaTitle: 'SLA', closed: 'Gesloten', handle: 'Behandeltijd, mediaan', fcr: 'Opgelost bij eerste contact', csat: 'Tevredenheid (antwoorden/gevraagd)', recovery: 'Toon daarna, verschil (zaken)', serviceTitle: 'Service per medewerker en kanaal', backlogTitle: 'Open zaken naar leeftijd', age_under1h: 'onder 1 uur', age_1to4h: '1-4 uur', age_4to24h: '4-24 uur', age_1to3d: '1-3 dagen', age_over3d: 'meer dan 3 dagen', reassignTo: 'Toewijzen aan', reassign: 'Toewijzen', heldTitle: 'Wie heeft wat', case: 'Zaak', openedAt: 'Geopend', templateName: 'Naam', templateText: 'Tekst', templatesTitle: 'Antwoordsjablonen', placeholders: 'Invulvelden: {author.name} {case.ref} {agent.name}', save: 'Opslaan', delete: 'Verwijderen', brand: 'Merk', interval: 'Per', perDay: 'dag', perHour: 'uur', noBrands: 'Er is nog geen merk ingesteld (zie connectors/).', downloadCsv: 'CSV downloaden', sentimentTitle: 'Sentiment door de tijd', mentionsTotal: '{n} berichten, netto sentiment {net}', chartLabel: 'Berichten per label door de tijd, netto sentiment op de rechteras, pieken als rode stippellijnen', asTable: 'Als tabel', when: 'Wanneer', positive: 'positief', neutral: 'neutraal', negative: 'negatief', net: 'netto', voiceTitle: 'Share of voice', mentions: 'Berichten', share: 'Aandeel', newTopic: 'nieuw', topicsTitle: 'Waar mensen negatief over zijn', aspects: 'Onderwerpen', phrases: 'Woorden', aspect: 'Onderwerp', phrase: 'Woord', change: 'Verschil', spikesTitle: 'Pieken', allChannels: 'alle kanalen', spikeLine: '{count} negatief in 15 min, verwacht {baseline}', noSpikes: 'Geen pieken in deze periode.', owner: 'Eigenaar', role: 'Rol', teams: 'Teams', created: 'Gemaakt', revoke: 'Intrekken', keysTitleAdmin: 'API-sleutels', makeKey: 'Sleutel maken', keyShownOnce: 'De sleutel van {owner}, alleen nu te zien:', feedOnly: '(alleen feed)', on: 'aan', off: 'uit', format: 'Formaat', subscriptionsTitle: 'Meldingsabonnementen', name: 'Naam', type: 'Soort', lastSuccess: 'Laatst gelukt', nextPoll: 'Volgende keer', connectorsTitle: 'Bronnen', deadTitle: 'Mislukte berichten', requeue: 'Opnieuw', requeueAll: 'Alles opnieuw'
  }
};

let language = pick();

function pick() {
  const chosen = window.localStorage.getItem('webcare.language');
  if (chosen === 'nl' || chosen === 'en') return chosen;
  return (navigator.language || 'en').toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export function currentLanguage() {
  return language;
}

export function setLanguage(next) {
  language = next === 'nl' ? 'nl' : 'en';
  window.localStorage.setItem('webcare.language', language);
  translate(document);
}

export function t(key, values = {}) {
  const text = (strings[language] && strings[language][key]) || strings.en[key] || key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (values[name] === undefined ? m : values[name]));
}

/** Fills every element marked data-i18n under root, and the page's language. */
export function translate(root) {
  document.documentElement.lang = language;
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
}
