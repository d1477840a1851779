// The visit form of /field, for liaison officers on phones with poor signal.
//
// - Lists the officer's running linkages (GET /api/v1/linkages/mine; the service worker keeps
//   a copy per officer, so the list opens offline too).
// - Takes a visit: linkage, target (its village or its post), the browser's position with its
//   accuracy, findings and follow-ups.
// - Saving only writes to this phone: the visit goes into an IndexedDB queue under a UUID made
//   at that moment, and the queue's size is shown.
// - The queue is sent to POST /api/v1/sync/visits whenever the network is there (at start, when
//   the browser comes online, after each save, on the button, and every 30 s while anything
//   waits). A visit leaves the queue only when the server answers "created" or "duplicate";
//   the server stores each UUID once, so a batch whose answer was lost is simply sent again.
//   Refused visits ("invalid", "conflict") stay on the phone with the server's reason.
'use strict';

(() => {
  const config = JSON.parse(document.getElementById('field-config').textContent);
  const $ = (id) => document.getElementById(id);

  const label = (key, values = {}) => {
    let text = config.labels[key] || key;
    for (const [name, value] of Object.entries(values)) {
      text = text.split(`{${name}}`).join(String(value));
    }
    return text;
  };

  const RETRY_MS = 5000;
  const POLL_MS = 30000;
  const DB_NAME = 'banna-field';
  const STORE = 'queue';

  // ---- IndexedDB queue -------------------------------------------------------------------

  let dbPromise = null;
  function openDb() {
    if (!dbPromise) {
      dbPromise = new Promise((resolve, reject) => {
        if (!('indexedDB' in window)) {
          reject(new Error('no IndexedDB'));
          return;
        }
        const request = indexedDB.open(DB_NAME, 1);
        request.onupgradeneeded = () => {
          const store = request.result.createObjectStore(STORE, { keyPath: 'id' });
          store.createIndex('user', 'user');
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    return dbPromise;
  }

  async function withStore(mode, work) {
    const db = await openDb();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const result = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  }

  const putRecord = (record) => withStore('readwrite', (store) => store.put(record));
  const deleteRecord = (id) => withStore('readwrite', (store) => store.delete(id));

  // This officer's records, oldest first.
  async function myRecords() {
    const records = await withStore('readonly', (store) => store.index('user').getAll(config.user));
    return (records || []).sort((a, b) => a.queued_at - b.queued_at);
  }

  // A random (version 4) UUID; crypto.getRandomValues works outside secure contexts too.
  function uuid() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  // ---- what the page shows ----------------------------------------------------------------

  function setMessage(text, isError = false) {
    const message = $('field-message');
    message.textContent = text;
    message.classList.toggle('error', isError);
  }

  function showNetwork() {
    const online = navigator.onLine !== false;
    const net = $('field-net');
    net.dataset.online = String(online);
    net.textContent = online ? label('online') : label('offline');
  }

  const timeText = (iso) => new Date(iso).toLocaleString(config.lang, { dateStyle: 'short', timeStyle: 'short' });

  async function showQueue() {
    let records = [];
    try {
      records = await myRecords();
    } catch (error) {
      setMessage(label('noStorage'), true);
    }
    const waiting = records.filter((record) => record.state === 'queued').length;
    const count = $('queue-count');
    count.textContent = String(waiting);
    count.dataset.count = String(waiting);
    const list = $('queue-list');
    $('queue-section').hidden = records.length === 0;
    list.replaceChildren(...records.map((record) => {
      const item = document.createElement('li');
      item.dataset.id = record.id;
      item.dataset.state = record.state;
      const what = `${timeText(record.visit.visited_at)} · ${record.summary}`;
      if (record.state === 'refused') {
        item.textContent = `${what} · ${label('refused', { reason: record.reason || '' })}`;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = label('remove');
        remove.addEventListener('click', async () => {
          await deleteRecord(record.id);
          await showQueue();
        });
        item.append(remove);
      } else {
        item.textContent = `${what} · ${label('queued')}`;
      }
      return item;
    }));
    return waiting;
  }

  // ---- linkages and targets ----------------------------------------------------------------

  let linkages = [];
  const nameOf = (record) => (config.lang.startsWith('zh') || !record.name_en ? record.name_zh : record.name_en);

  function choice(name, value, text, detail, checked) {
    const row = document.createElement('div');
    row.className = 'choice';
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = name;
    input.value = String(value);
    input.id = `${name}-${value}`;
    input.checked = checked;
    const caption = document.createElement('label');
    caption.htmlFor = input.id;
    caption.textContent = text;
    if (detail) {
      const small = document.createElement('small');
      small.textContent = detail;
      caption.append(small);
    }
    row.append(input, caption);
    return row;
  }

  function selectedLinkage() {
    const checked = document.querySelector('input[name=linkage]:checked');
    return checked ? linkages.find((linkage) => String(linkage.id) === checked.value) : undefined;
  }

  function showTargets() {
    const linkage = selectedLinkage();
    const list = $('target-list');
    if (!linkage) {
      list.replaceChildren();
      return;
    }
    const previous = document.querySelector('input[name=target]:checked');
    const kind = previous ? previous.value : 'village';
    list.replaceChildren(
      choice('target', 'village', `${label('village')}: ${nameOf(linkage.village)}`, linkage.village.code, kind === 'village'),
      choice('target', 'post', `${label('post')}: ${nameOf(linkage.post)}`, linkage.post.code, kind === 'post'),
    );
  }

  function showLinkages(found, cachedAt) {
    linkages = found;
    const fieldset = $('linkages');
    const previous = document.querySelector('input[name=linkage]:checked');
    const list = $('linkage-list');
    list.replaceChildren(...found.map((linkage, index) => choice(
      'linkage',
      linkage.id,
      `${nameOf(linkage.village)} · ${nameOf(linkage.post)}`,
      `${label('department')}: ${nameOf(linkage.department)} · ${label('perMonth', {
        count: `${linkage.village_visits_per_month}/${linkage.post_visits_per_month}`,
      })}`,
      previous ? previous.value === String(linkage.id) : index === 0,
    )));
    if (found.length === 0) {
      $('linkages-note').textContent = label('noLinkages');
      fieldset.dataset.state = 'empty';
    } else if (cachedAt) {
      $('linkages-note').textContent = label('linkagesCached', { time: timeText(cachedAt) });
      fieldset.dataset.state = 'cached';
    } else {
      $('linkages-note').textContent = '';
      fieldset.dataset.state = 'ready';
    }
    showTargets();
  }

  async function loadLinkages() {
    try {
      const response = await fetch('/api/v1/linkages/mine', {
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'X-Banna-User': config.user },
      });
      if (response.status === 401) {
        askToSignIn();
        return;
      }
      if (!response.ok) {
        throw new Error(`status ${response.status}`);
      }
      const body = await response.json();
      showLinkages(body.linkages || [], response.headers.get('X-Banna-Cached-At'));
    } catch (error) {
      if (linkages.length === 0) {
        $('linkages-note').textContent = label('linkagesUnavailable');
        $('linkages').dataset.state = 'unavailable';
      }
    }
  }

  function askToSignIn() {
    const message = $('field-message');
    message.classList.add('error');
    const link = document.createElement('a');
    link.href = `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
    link.textContent = label('signInAgain');
    message.replaceChildren(link);
  }

  // ---- position ------------------------------------------------------------------------------

  let position = null;

  function showPosition(state, text) {
    const element = $('position-text');
    element.dataset.state = state;
    element.textContent = text;
  }

  function locate() {
    if (!('geolocation' in navigator)) {
      showPosition('failed', label('locationFailed'));
      return;
    }
    position = null;
    showPosition('locating', label('locating'));
    navigator.geolocation.getCurrentPosition(
      (fix) => {
        position = {
          lon: Math.round(fix.coords.longitude * 1e7) / 1e7,
          lat: Math.round(fix.coords.latitude * 1e7) / 1e7,
          accuracy_m: Math.round(fix.coords.accuracy * 100) / 100,
        };
        const text = label('located', {
          lon: position.lon.toFixed(6),
          lat: position.lat.toFixed(6),
          accuracy: Math.round(position.accuracy_m),
        });
        if (position.accuracy_m > config.max_accuracy_m) {
          showPosition('poor', `${text} ${label('poorAccuracy', { max: config.max_accuracy_m })}`);
        } else {
          showPosition('good', text);
        }
      },
      (error) => {
        showPosition('failed', error.code === 1 ? label('locationDenied') : label('locationFailed'));
      },
      { enableHighAccuracy: true, timeout: 60000, maximumAge: 0 },
    );
  }

  // ---- findings ------------------------------------------------------------------------------

  function addFinding() {
    const list = $('finding-list');
    if (list.children.length >= config.max_findings) {
      return;
    }
    const row = document.createElement('div');
    row.className = 'finding';
    const select = document.createElement('select');
    select.className = 'finding-kind';
    select.setAttribute('aria-label', label('findingText'));
    for (const [code, text] of config.finding_kinds) {
      const option = document.createElement('option');
      option.value = code;
      option.textContent = text;
      select.append(option);
    }
    const text = document.createElement('textarea');
    text.className = 'finding-text';
    text.rows = 2;
    text.maxLength = config.max_text_chars;
    text.placeholder = label('findingText');
    text.setAttribute('aria-label', label('findingText'));
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'small';
    remove.textContent = label('removeFinding');
    remove.addEventListener('click', () => row.remove());
    row.append(select, text, remove);
    list.append(row);
  }

  // ---- saving and sending --------------------------------------------------------------------

  async function save(event) {
    event.preventDefault();
    const linkage = selectedLinkage();
    if (!linkage) {
      setMessage(label('needLinkage'), true);
      return;
    }
    if (!position) {
      setMessage(label('needPosition'), true);
      return;
    }
    const kind = (document.querySelector('input[name=target]:checked') || {}).value || 'village';
    const target = kind === 'post' ? linkage.post : linkage.village;
    const findings = Array.from(document.querySelectorAll('#finding-list .finding')).map((row) => ({
      kind: row.querySelector('.finding-kind').value,
      text: row.querySelector('.finding-text').value.trim(),
    }));
    const followUps = $('follow-ups').value.trim();
    const visit = {
      id: uuid(),
      linkage_id: linkage.id,
      target: { kind, id: target.id },
      visited_at: new Date().toISOString(),
      lon: position.lon,
      lat: position.lat,
      accuracy_m: position.accuracy_m,
      findings,
      follow_ups: followUps === '' ? null : followUps,
    };
    const record = {
      id: visit.id,
      user: config.user,
      state: 'queued',
      queued_at: Date.now(),
      summary: `${label(kind)}: ${nameOf(target)}`,
      visit,
    };
    try {
      await putRecord(record);
    } catch (error) {
      setMessage(label('noStorage'), true);
      return;
    }
    // The next visit takes its own position, findings and follow-ups.
    position = null;
    showPosition('none', '');
    $('finding-list').replaceChildren();
    $('follow-ups').value = '';
    const waiting = await showQueue();
    setMessage(label('saved', { count: waiting }));
    sync();
  }

  let syncing = false;
  let again = false;
  let retry = null;

  function retryLater() {
    clearTimeout(retry);
    retry = setTimeout(sync, RETRY_MS);
  }

  async function sync() {
    if (syncing) {
      again = true;
      return;
    }
    showNetwork();
    let pending;
    try {
      pending = (await myRecords()).filter((record) => record.state === 'queued');
    } catch (error) {
      return;
    }
    if (pending.length === 0 || navigator.onLine === false) {
      return;
    }
    syncing = true;
    clearTimeout(retry);
    let sent = 0;
    try {
      for (let start = 0; start < pending.length; start += config.max_batch) {
        const batch = pending.slice(start, start + config.max_batch);
        setMessage(label('sending', { count: batch.length }));
        const response = await fetch('/api/v1/sync/visits', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ visits: batch.map((record) => record.visit) }),
        });
        if (response.status === 401) {
          askToSignIn();
          return;
        }
        if (!response.ok) {
          let detail = `${response.status}`;
          try {
            detail = (await response.json()).detail || detail;
          } catch (error) {
            // not a problem document: keep the status
          }
          setMessage(label('syncFailed', { reason: detail }), true);
          retryLater();
          return;
        }
        const body = await response.json();
        // One result per visit sent, in the same order.
        for (const [index, result] of (body.results || []).entries()) {
          const record = batch[index];
          if (!record || (result.id && result.id !== record.id)) {
            continue;
          }
          if (result.status === 'created' || result.status === 'duplicate') {
            await deleteRecord(record.id);
            sent += 1;
          } else {
            await putRecord({ ...record, state: 'refused', reason: result.reason || result.status });
          }
        }
      }
      setMessage(label('synced', { sent }));
    } catch (error) {
      // No network after all, or the answer was lost: everything not confirmed stays queued
      // and goes again (the server recognises what it already has).
      setMessage(label('syncFailed', { reason: navigator.onLine === false ? label('offline') : String(error.message || error) }), true);
      retryLater();
    } finally {
      syncing = false;
      await showQueue();
      if (again) {
        again = false;
        sync();
      }
    }
  }

  // ---- start ---------------------------------------------------------------------------------

  $('linkage-list').addEventListener('change', showTargets);
  $('locate').addEventListener('click', locate);
  $('add-finding').addEventListener('click', addFinding);
  $('visit-form').addEventListener('submit', save);
  $('sync-now').addEventListener('click', sync);
  window.addEventListener('online', () => {
    showNetwork();
    loadLinkages();
    sync();
  });
  window.addEventListener('offline', showNetwork);
  setInterval(sync, POLL_MS);

  if ('serviceWorker' in navigator) {
    // Once the worker controls the page, ask again so that it keeps this officer's assignments.
    navigator.serviceWorker.addEventListener('controllerchange', loadLinkages);
    navigator.serviceWorker.register(config.worker, { scope: config.scope }).catch((error) => {
      console.warn('service worker not registered', error);
    });
  }
  if (navigator.storage && navigator.storage.persist) {
    navigator.storage.persist().catch(() => {});
  }

  showNetwork();
  Promise.all([loadLinkages(), showQueue()]).then(() => {
    document.body.dataset.field = 'ready';
    sync();
  });
})();
