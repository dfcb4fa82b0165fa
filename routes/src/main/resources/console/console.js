// MedRelay console: plain DOM over the engine's /api. Every value from the server is put in the page as text
// (textContent, option.text, input.value), never as HTML, so nothing a draft or reason holds can run as script;
// the content security policy forbids inline script besides.
'use strict';

const QUEUES = ['front-desk', 'billing', 'clinician', 'records', 'scheduling', 'clearinghouse-setup', 'supervisor'];
const VIEWS = ['login', 'queues', 'item', 'scorecard', 'errors', 'audit'];
let me = null;
let current = null;

const $ = (id) => document.getElementById(id);

async function api(method, path, body) {
  const options = { method, credentials: 'same-origin', headers: { 'X-MedRelay-Console': '1' } };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (response.status === 401 && path !== '/api/session') {
    me = null;
    show('login');
    say('Your session has ended (logged off, or idle too long). Log in again.');
    throw new Error('unauthenticated');
  }
  if (!response.ok) {
    say((json && json.message) || ('The engine answered ' + response.status));
    throw new Error(String(response.status));
  }
  return json;
}

function say(text) {
  $('message').textContent = text || '';
}

function show(view) {
  VIEWS.forEach((v) => { $(v + '-view').hidden = v !== view; });
  $('nav').hidden = me === null;
}

function cell(row, value) {
  const td = document.createElement('td');
  td.textContent = value === null || value === undefined ? '' : String(value);
  row.appendChild(td);
  return td;
}

function clear(tbody) {
  while (tbody.firstChild) {
    tbody.removeChild(tbody.firstChild);
  }
}

function button(label, id, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  if (id) {
    b.id = id;
  }
  b.addEventListener('click', onClick);
  return b;
}

function percent(rate) {
  return rate === null || rate === undefined ? '' : (rate * 100).toFixed(1) + ' %';
}

function loggedIn(session) {
  me = session;
  $('who').textContent = session.username + ' (' + session.role + ')';
  $('break-glass-banner').hidden = !session.breakGlass;
  document.querySelectorAll('.admin-only').forEach((el) => { el.hidden = session.role !== 'admin'; });
  say('');
  loadQueue();
}

async function login(event) {
  event.preventDefault();
  try {
    const session = await api('POST', '/api/session', { username: $('username').value, password: $('password').value });
    $('password').value = '';
    loggedIn(session);
  } catch (e) {
    $('password').value = '';
  }
}

async function logout() {
  try {
    await api('DELETE', '/api/session');
  } finally {
    me = null;
    show('login');
    say('Logged off.');
  }
}

async function loadQueue(event) {
  if (event) {
    event.preventDefault();
  }
  const params = new URLSearchParams();
  if ($('queue-select').value) params.set('queue', $('queue-select').value);
  if ($('status-select').value) params.set('status', $('status-select').value);
  if ($('patient-filter').value.trim()) params.set('patient', $('patient-filter').value.trim());
  const items = await api('GET', '/api/work-items?' + params.toString());
  const tbody = $('queue-table').tBodies[0];
  clear(tbody);
  items.forEach((item) => {
    const row = document.createElement('tr');
    row.id = 'item-row-' + item.id;
    [item.id, item.dueAt, item.priority, item.status, item.queue, item.workflow, item.type, item.confidence]
      .forEach((value) => cell(row, value));
    cell(row, '').appendChild(button('Open', 'open-' + item.id, () => openItem(item.id)));
    tbody.appendChild(row);
  });
  show('queues');
}

function fact(dl, name, value) {
  const dt = document.createElement('dt');
  dt.textContent = name;
  const dd = document.createElement('dd');
  dd.textContent = value === null || value === undefined ? '' : String(value);
  dl.appendChild(dt);
  dl.appendChild(dd);
}

function list(ul, values) {
  clear(ul);
  values.forEach((text) => {
    const li = document.createElement('li');
    li.textContent = text;
    ul.appendChild(li);
  });
}

function render(item) {
  current = item;
  $('item-id').textContent = String(item.id);
  const facts = $('item-facts');
  clear(facts);
  fact(facts, 'Patient', item.patient.reference + ' (key ' + item.patient.key + ')');
  fact(facts, 'Workflow', item.workflow + ', ' + item.mode + ' mode');
  fact(facts, 'Type', item.type);
  fact(facts, 'Queue', item.queue + (item.assignee ? ', assigned to ' + item.assignee : ''));
  fact(facts, 'Due', item.dueAt + ' (' + item.priority + ')');
  fact(facts, 'Confidence', item.confidence);
  fact(facts, 'Classification', item.classification);
  fact(facts, 'Source message', item.sourceMessageKey);
  if (item.decision) {
    fact(facts, 'Decision', item.decision.kind + ' by ' + item.decision.decidedBy + ' at ' + item.decision.decidedAt
      + (item.decision.reason ? ': ' + item.decision.reason : ''));
  }
  if (item.release && item.release.lastFailure) {
    fact(facts, 'Release', 'failed ' + item.release.attempts + ' time(s): ' + item.release.lastFailure);
  }
  list($('item-reasons'), item.reasons || []);
  list($('item-links'), (item.links || []).map((l) => l.reference + (l.description ? ': ' + l.description : '')));
  const draft = (item.decision && item.decision.editedDraft) || item.draft;
  $('draft-type').textContent = draft ? '(' + draft.contentType + ')' : '(none)';
  $('draft-text').value = draft && draft.text !== undefined ? draft.text : '';
  $('draft-text').readOnly = !draft || draft.text === undefined;
  $('item-status').textContent = item.status;
  const awaiting = item.status === 'OPEN' || item.status === 'ESCALATED';
  $('item-actions').hidden = !awaiting;
  const select = $('reassign-queue');
  clear(select);
  QUEUES.forEach((q) => {
    const option = document.createElement('option');
    option.value = q;
    option.text = q;
    option.selected = q === item.queue;
    select.appendChild(option);
  });
}

async function openItem(id) {
  render(await api('GET', '/api/work-items/' + encodeURIComponent(id)));
  say('');
  show('item');
}

async function act(action, extra) {
  const body = Object.assign({ version: current.version }, extra || {});
  try {
    const after = await api('POST', '/api/work-items/' + current.id + '/' + action, body);
    render(after);
    say('Work item ' + after.id + ': ' + after.status);
  } catch (e) {
    // said already; reload so a person deciding again sees the item as it is now
    if (current) {
      render(await api('GET', '/api/work-items/' + current.id));
    }
  }
}

function approve() {
  act('approve');
}

function approveEdited() {
  act('approve', { draft: { text: $('draft-text').value } });
}

function reject() {
  act('reject', { reason: $('reject-reason').value });
}

function reassign() {
  act('reassign', { queue: $('reassign-queue').value });
}

async function loadScorecard() {
  const cards = await api('GET', '/api/scorecard');
  const tbody = $('scorecard-table').tBodies[0];
  clear(tbody);
  cards.forEach((c) => {
    const row = document.createElement('tr');
    [c.workflow, c.mode, c.volume, c.awaiting, c.decidedByPerson, percent(c.agreementRate), percent(c.editRate),
      c.medianSecondsToAction === null ? '' : c.medianSecondsToAction + ' s'].forEach((v) => cell(row, v));
    tbody.appendChild(row);
  });
  show('scorecard');
}

async function loadErrors() {
  const errors = await api('GET', '/api/errors');
  const tbody = $('errors-table').tBodies[0];
  clear(tbody);
  errors.forEach((e) => {
    const row = document.createElement('tr');
    [e.id, e.kind, e.status, e.createdAt, e.messageType, e.controlId,
      (e.errorCode === null ? '' : e.errorCode) + ' ' + (e.errorLocation || ''), e.reason].forEach((v) => cell(row, v));
    cell(row, '').appendChild(button('Reprocess', 'reprocess-' + e.id, async () => {
      await api('POST', '/api/errors/' + e.id + '/reprocess', {});
      say('Error ' + e.id + ' queued for reprocessing');
      loadErrors();
    }));
    tbody.appendChild(row);
  });
  show('errors');
}

async function loadAudit(event) {
  if (event) {
    event.preventDefault();
  }
  const params = new URLSearchParams({ limit: '200' });
  if ($('audit-patient').value.trim()) params.set('patient', $('audit-patient').value.trim());
  if ($('audit-since').value.trim()) params.set('since', $('audit-since').value.trim());
  const entries = await api('GET', '/api/audit?' + params.toString());
  const tbody = $('audit-table').tBodies[0];
  clear(tbody);
  entries.forEach((e) => {
    const row = document.createElement('tr');
    [e.id, e.recordedAt, e.actor, e.action, e.outcome, e.patientKey, e.target, e.reason].forEach((v) => cell(row, v));
    tbody.appendChild(row);
  });
  show('audit');
}

function queueOptions() {
  const select = $('queue-select');
  QUEUES.forEach((q) => {
    const option = document.createElement('option');
    option.value = q;
    option.text = q;
    select.appendChild(option);
  });
}

async function start() {
  queueOptions();
  $('login-form').addEventListener('submit', login);
  $('logout-button').addEventListener('click', logout);
  $('queue-filter').addEventListener('submit', loadQueue);
  $('audit-filter').addEventListener('submit', loadAudit);
  $('approve-button').addEventListener('click', approve);
  $('approve-edited-button').addEventListener('click', approveEdited);
  $('reject-button').addEventListener('click', reject);
  $('reassign-button').addEventListener('click', reassign);
  $('back-button').addEventListener('click', () => loadQueue());
  $('nav-queues').addEventListener('click', () => loadQueue());
  $('nav-scorecard').addEventListener('click', loadScorecard);
  $('nav-errors').addEventListener('click', loadErrors);
  $('nav-audit').addEventListener('click', () => loadAudit());
  const response = await fetch('/api/session', { credentials: 'same-origin', headers: { 'X-MedRelay-Console': '1' } });
  if (response.ok) {
    loggedIn(await response.json());
  } else {
    show('login');
  }
}

document.addEventListener('DOMContentLoaded', start);
