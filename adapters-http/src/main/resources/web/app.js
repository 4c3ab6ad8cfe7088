// The todo web app: a small client of this service's API, no framework, no build step.
// Accounts: POST /api/auth/sign-up and /sign-in answer {user, token, expires_at}; the token is kept in
// sessionStorage (this tab only). Tasks: /api/{user_id}/tasks with the list route's filters and paging.
// Live: /api/{user_id}/events is read with fetch (an EventSource cannot send the bearer token); each change
// reloads the list, and a dropped stream is opened again with Last-Event-ID.
// Text is always put in the page with textContent, never as HTML.

const SESSION_KEY = 'todo.session';
const $ = (id) => document.getElementById(id);

let session = readSession();
let offset = 0;

/** An element with attributes and children (strings become text). */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  element.append(...children.filter((child) => child !== undefined && child !== null));
  return element;
}

function readSession() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY));
  } catch {
    return null;
  }
}

function say(text, kind = 'info') {
  const message = $('message');
  message.textContent = text;
  message.className = kind;
}

class ApiError extends Error {
  constructor(status, problem) {
    const fields = (problem?.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ');
    super([problem?.detail ?? problem?.title ?? `HTTP ${status}`, fields].filter(Boolean).join(' — '));
    this.status = status;
  }
}

/** One call to the API; answers {data, response}, throws ApiError for any status but 2xx. */
async function api(method, path, { body, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (session) {
    init.headers.Authorization = `Bearer ${session.token}`;
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (response.status === 401 && session) {
    signOut();
    throw new ApiError(401, { detail: 'Your session has ended: sign in again.' });
  }
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return { data, response };
}

/** Runs an action from a click or a form, showing its failure instead of losing it. */
async function run(action) {
  try {
    await action();
  } catch (error) {
    say(error.message, 'error');
  }
}

const tasksPath = () => `/api/${encodeURIComponent(session.user.id)}/tasks`;
const taskPath = (id) => `${tasksPath()}/${id}`;

// ---------------------------------------------------------------- accounts

async function authenticate(route, form) {
  const fields = Object.fromEntries(new FormData(form));
  if (fields.name === '') {
    delete fields.name;
  }
  const { data } = await api('POST', `/api/auth/${route}`, { body: fields });
  session = { token: data.token, user: data.user, expires_at: data.expires_at };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  form.reset();
  offset = 0;
  show();
  say(`Signed in as ${data.user.email}.`);
  await loadTasks();
  follow();
}

function signOut(text = 'Signed out.') {
  unfollow();
  session = null;
  sessionStorage.removeItem(SESSION_KEY);
  $('task-list').replaceChildren();
  show();
  say(text);
}

function show() {
  const signedIn = session !== null;
  $('auth').hidden = signedIn;
  $('tasks').hidden = !signedIn;
  $('sign-out').hidden = !signedIn;
  $('who').hidden = !signedIn;
  $('who').textContent = signedIn ? session.user.email : '';
}

// ---------------------------------------------------------------- tasks

function tags(text) {
  return text.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');
}

/** The writable fields of a task form, as the API takes them. */
function taskFields(form) {
  const fields = Object.fromEntries(new FormData(form));
  return {
    title: fields.title,
    description: fields.description === '' ? null : fields.description,
    priority: fields.priority,
    due_date: fields.due_date === '' ? null : fields.due_date,
    tags: tags(fields.tags),
  };
}

async function createTask(form) {
  const body = taskFields(form);
  for (const key of ['description', 'due_date']) {
    if (body[key] === null) {
      delete body[key];
    }
  }
  const { data } = await api('POST', tasksPath(), { body });
  form.reset();
  say(`Added “${data.title}”.`);
  await loadTasks();
}

async function loadTasks() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData($('filter-form'))) {
    if (value.trim() !== '') {
      params.set(name, value.trim());
    }
  }
  params.set('offset', offset);
  const { data, response } = await api('GET', `${tasksPath()}?${params}`);
  const total = Number(response.headers.get('X-Total-Count') ?? data.length);
  const limit = Number(params.get('limit'));
  if (data.length === 0 && offset > 0) {
    offset = Math.max(0, offset - limit);
    return loadTasks();
  }
  $('task-list').replaceChildren(...data.map(taskItem));
  $('summary').textContent = total === 0 ? 'No tasks match.'
    : `Showing ${offset + 1}–${offset + data.length} of ${total} task${total === 1 ? '' : 's'}.`;
  $('previous-page').disabled = offset === 0;
  $('next-page').disabled = offset + data.length >= total;
}

function taskItem(task) {
  const toggle = el('input', { type: 'checkbox', id: `done-${task.id}`, class: 'toggle' });
  toggle.checked = task.completed;
  toggle.addEventListener('change', () => run(() => toggleTask(task)));
  const edit = el('button', { type: 'button', class: 'edit', 'aria-label': `Edit “${task.title}”` }, 'Edit');
  const remove = el('button', { type: 'button', class: 'delete', 'aria-label': `Delete “${task.title}”` }, 'Delete');
  const item = el('li', { class: task.completed ? 'task done' : 'task', 'data-task-id': task.id },
    el('div', { class: 'task-head' },
      toggle,
      el('label', { for: `done-${task.id}`, class: 'task-title' }, task.title),
      el('span', { class: `priority ${task.priority}` }, task.priority)),
    task.description ? el('p', { class: 'description' }, task.description) : null,
    el('p', { class: 'meta' },
      task.due_date ? el('span', { class: 'due' }, `Due ${task.due_date}`) : null,
      ...task.tags.map((tag) => el('span', { class: 'tag' }, tag))),
    el('div', { class: 'actions' }, edit, remove));
  edit.addEventListener('click', () => editTask(item, task));
  remove.addEventListener('click', () => run(() => deleteTask(task)));
  return item;
}

/** Replaces a task's entry with a form holding its current values; saves with If-Match: its version. */
function editTask(item, task, version = task.version, notice = null) {
  const id = (name) => `edit-${name}-${task.id}`;
  const field = (name, text, input) => [el('label', { for: id(name) }, text), input];
  const title = el('input', { id: id('title'), name: 'title', maxlength: 200, required: true });
  title.value = task.title;
  const description = el('textarea', { id: id('description'), name: 'description', rows: 2, maxlength: 1000 });
  description.value = task.description ?? '';
  const priority = el('select', { id: id('priority'), name: 'priority' },
    ...['low', 'medium', 'high'].map((p) => el('option', { value: p, selected: p === task.priority }, p)));
  const due = el('input', { id: id('due'), name: 'due_date', type: 'date' });
  due.value = task.due_date ?? '';
  const tagList = el('input', { id: id('tags'), name: 'tags' });
  tagList.value = task.tags.join(', ');
  const cancel = el('button', { type: 'button', class: 'cancel' }, 'Cancel');
  const form = el('form', { class: 'edit-form', 'aria-label': `Edit “${task.title}”` },
    notice ? el('p', { class: 'notice', role: 'alert' }, notice) : null,
    ...field('title', 'Title', title),
    ...field('description', 'Description', description),
    ...field('priority', 'Priority', priority),
    ...field('due', 'Due date', due),
    ...field('tags', 'Tags (comma-separated)', tagList),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'save' }, 'Save'), cancel));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(() => saveTask(item, task, version, form));
  });
  cancel.addEventListener('click', () => {
    reloadPending = false;
    run(loadTasks);
  });
  item.replaceChildren(form);
  form.scrollIntoView({ block: 'nearest' });
  title.focus({ preventScroll: true });
}

async function saveTask(item, task, version, form) {
  try {
    const { data } = await api('PUT', taskPath(task.id), {
      body: taskFields(form),
      headers: { 'If-Match': `"${version}"` },
    });
    say(`Saved “${data.title}”.`);
    await loadTasks();
  } catch (error) {
    if (error.status !== 412) {
      throw error;
    }
    // Someone else changed it: show what is stored now, and let the user decide again.
    const { data, response } = await api('GET', taskPath(task.id));
    const etag = response.headers.get('ETag');
    const notice = 'This task was changed elsewhere — reloaded. Your edit was not saved: check the current values and save again.';
    editTask(item, data, etag ? etag.replaceAll('"', '') : data.version, notice);
    say(notice, 'error');
  }
}

async function toggleTask(task) {
  const { data } = await api('PATCH', `${taskPath(task.id)}/complete`);
  say(data.completed ? `Completed “${data.title}”.` : `Reopened “${data.title}”.`);
  await loadTasks();
}

async function deleteTask(task) {
  await api('DELETE', taskPath(task.id));
  say(`Deleted “${task.title}”.`);
  await loadTasks();
}

// ---------------------------------------------------------------- live

let following = null;
let reloadPending = false;

/** Reloads the list for a change made elsewhere, unless a task is being edited (then after the edit). */
function changedElsewhere() {
  if (document.querySelector('.edit-form')) {
    reloadPending = true;
    return;
  }
  reloadPending = false;
  // Quietly: a change elsewhere is no reason to show an error here; the next one reloads again.
  loadTasks().catch(() => {});
}

/** Reads the live stream while signed in; opens it again 2 s after it drops (a restart, a network change). */
function follow() {
  unfollow();
  const stop = new AbortController();
  following = stop;
  let lastEventId = null;
  let connectedBefore = false;
  (async () => {
    while (!stop.signal.aborted && session) {
      try {
        const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${session.token}` };
        if (lastEventId) {
          headers['Last-Event-ID'] = lastEventId;
        }
        const response = await fetch(`/api/${encodeURIComponent(session.user.id)}/events`, { headers, signal: stop.signal });
        if (response.status === 401) {
          signOut('Your session has ended: sign in again.');
          return;
        }
        if (response.ok) {
          $('live').hidden = false;
          if (connectedBefore) {
            changedElsewhere(); // back after a drop: whatever happened meanwhile is read again
          }
          connectedBefore = true;
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) {
              break;
            }
            buffer += value;
            for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
              const fields = {};
              for (const line of buffer.slice(0, end).split('\n')) {
                const colon = line.indexOf(':');
                if (colon > 0) {
                  fields[line.slice(0, colon)] = line.slice(colon + 1).trim();
                }
              }
              buffer = buffer.slice(end + 2);
              if (fields.id) {
                lastEventId = fields.id;
              }
              if (fields.data !== undefined && !fields.event) {
                changedElsewhere();
              }
            }
          }
        }
      } catch (error) {
        if (stop.signal.aborted) {
          return;
        }
      }
      $('live').hidden = true;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  })();
}

function unfollow() {
  if (following) {
    following.abort();
    following = null;
  }
  $('live').hidden = true;
}

// ---------------------------------------------------------------- wiring

function onSubmit(id, action) {
  $(id).addEventListener('submit', (event) => {
    event.preventDefault();
    run(() => action(event.target));
  });
}

onSubmit('sign-in-form', (form) => authenticate('sign-in', form));
onSubmit('sign-up-form', (form) => authenticate('sign-up', form));
onSubmit('create-form', createTask);
onSubmit('filter-form', () => {
  offset = 0;
  return loadTasks();
});
// Ends the session on the server too, so the token is refused from now on, not just forgotten here.
$('sign-out').addEventListener('click', () => run(async () => {
  try {
    await api('POST', '/api/auth/sign-out');
  } finally {
    signOut();
  }
}));
$('previous-page').addEventListener('click', () => run(() => {
  offset = Math.max(0, offset - Number($('filter-limit').value));
  return loadTasks();
}));
$('next-page').addEventListener('click', () => run(() => {
  offset += Number($('filter-limit').value);
  return loadTasks();
}));

show();
if (session) {
  run(loadTasks);
  follow();
}
document.body.dataset.ready = 'true';
