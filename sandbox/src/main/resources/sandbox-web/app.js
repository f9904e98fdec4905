/* Greenlight sandbox chat page. Plain JS, no build step. Never injects HTML: every piece of
 * text becomes a DOM text node. */
(function () {
  'use strict';

  const params = new URLSearchParams(location.search);
  const ui = {
    user: params.get('user') || localStorage.getItem('sandbox.user') || '',
    channel: params.get('channel') || localStorage.getItem('sandbox.channel') || '',
    state: null,
    pane: params.get('pane') === 'home' ? 'home' : 'channel',
    expanded: new Set(),
    renderedViewId: null,
    fetching: false,
    dirty: false,
  };

  const $ = (id) => document.getElementById(id);
  const EMOJI = {
    white_check_mark: '\u2705', no_entry: '\u26D4', hourglass: '\u231B',
    hourglass_flowing_sand: '\u23F3', rotating_light: '\uD83D\uDEA8', warning: '\u26A0\uFE0F',
    x: '\u274C', heavy_check_mark: '\u2714\uFE0F', lock: '\uD83D\uDD12', fire: '\uD83D\uDD25',
    eyes: '\uD83D\uDC40', robot_face: '\uD83E\uDD16', stopwatch: '\u23F1\uFE0F',
    arrows_counterclockwise: '\uD83D\uDD04', no_entry_sign: '\uD83D\uDEAB', bust_in_silhouette: '\uD83D\uDC64',
    large_green_circle: '\uD83D\uDFE2', grey_question: '\u2754',
  };
  const COLORS = ['#2bac76', '#1264a3', '#e8912d', '#9b59b6', '#e01e5a', '#36c5f0', '#4a154b'];

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'class') node.className = v;
        else if (k === 'text') node.textContent = v;
        else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? '' : v);
      }
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  // ---- names ---------------------------------------------------------------------------------

  function userName(id) {
    const s = ui.state;
    if (!s) return id;
    if (s.workspace.bot && s.workspace.bot.id === id) return s.workspace.bot.name;
    const u = s.workspace.users.find((x) => x.id === id);
    return u ? u.name : id.toLowerCase();
  }
  function channelName(id) {
    const c = ui.state && ui.state.workspace.channels.find((x) => x.id === id);
    return c ? c.name : id.toLowerCase();
  }
  function colorFor(id) {
    let h = 0;
    for (const ch of id || '') h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return COLORS[h % COLORS.length];
  }
  function timeOf(ts) {
    const d = new Date(parseFloat(ts) * 1000);
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  // ---- mrkdwn --------------------------------------------------------------------------------

  /** Decodes Slack's three escapes; applied to leaf text only, after parsing. */
  function decode(s) {
    return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }
  function emojify(s) {
    return s.replace(/:([a-z0-9_+\-]+):/g, (m, name) => EMOJI[name] || m);
  }
  function textNode(s) {
    return document.createTextNode(emojify(decode(s)));
  }

  function renderLink(inner) {
    // inner is the text between < and >
    const bar = inner.indexOf('|');
    const target = bar < 0 ? inner : inner.slice(0, bar);
    const label = bar < 0 ? null : inner.slice(bar + 1);
    if (target.startsWith('@')) {
      const id = target.slice(1);
      const cls = id === ui.user ? 'mention self' : 'mention';
      return el('span', { class: cls, 'data-user-id': id }, '@' + (label ? decode(label) : userName(id)));
    }
    if (target.startsWith('#')) {
      return el('span', { class: 'mention' }, '#' + (label ? decode(label) : channelName(target.slice(1))));
    }
    if (target.startsWith('!subteam^')) {
      const id = target.slice('!subteam^'.length);
      let name = label ? decode(label) : '@' + id.toLowerCase();
      if (!name.startsWith('@')) name = '@' + name;
      return el('span', { class: 'mention' }, name);
    }
    if (target.startsWith('!')) {
      return el('span', { class: 'mention' }, '@' + (label ? decode(label) : target.slice(1)));
    }
    const url = decode(target);
    if (/^(https?:|mailto:)/i.test(url)) {
      return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, decode(label || target));
    }
    return document.createTextNode(decode('<' + inner + '>'));
  }

  const INLINE = /(`[^`\n]+`)|(<[^<>\n]+>)|((?<![\w*])\*[^*\n]+\*(?![\w*]))|((?<![\w])_[^_\n]+_(?![\w]))|((?<![\w~])~[^~\n]+~(?![\w~]))/g;

  function renderInline(text, parent) {
    let last = 0;
    INLINE.lastIndex = 0;
    let m;
    const pieces = [];
    while ((m = INLINE.exec(text)) !== null) {
      if (m.index > last) pieces.push(textNode(text.slice(last, m.index)));
      const tok = m[0];
      if (m[1]) pieces.push(el('code', null, decode(tok.slice(1, -1))));
      else if (m[2]) pieces.push(renderLink(tok.slice(1, -1)));
      else {
        const tag = m[3] ? 'strong' : m[4] ? 'em' : 's';
        const node = el(tag);
        // Nested styles (e.g. *_both_*) are parsed recursively; use a fresh regex state.
        const saved = INLINE.lastIndex;
        renderInline(tok.slice(1, -1), node);
        INLINE.lastIndex = saved;
        pieces.push(node);
      }
      last = m.index + tok.length;
    }
    if (last < text.length) pieces.push(textNode(text.slice(last)));
    parent.append(...pieces);
  }

  function renderMrkdwn(text) {
    const root = el('div', { class: 'mrkdwn' });
    const parts = String(text || '').split('```');
    parts.forEach((part, i) => {
      if (i % 2 === 1) {
        root.append(el('pre', null, decode(part.replace(/^\n/, ''))));
        return;
      }
      const lines = part.split('\n');
      let quote = null;
      lines.forEach((line, j) => {
        const q = /^(&gt;|>)\s?(.*)$/.exec(line);
        if (q) {
          if (!quote) { quote = el('blockquote'); root.append(quote); }
          else quote.append(el('br'));
          renderInline(q[2], quote);
          return;
        }
        quote = null;
        const span = el('span');
        renderInline(line, span);
        root.append(span);
        if (j < lines.length - 1) root.append(el('br'));
      });
    });
    return root;
  }

  function renderText(obj) {
    if (!obj) return el('span');
    if (obj.type === 'mrkdwn') return renderMrkdwn(obj.text);
    return el('span', null, emojify(obj.text || ''));
  }
  function plain(obj) {
    return obj && obj.text ? emojify(obj.text) : '';
  }

  // ---- Block Kit -----------------------------------------------------------------------------

  function renderElement(element, ctx) {
    if (element.type === 'button') {
      const btn = el('button', {
        type: 'button',
        class: 'btn' + (element.style ? ' ' + element.style : ''),
        'data-testid': 'button',
        'data-action-id': element.action_id,
      }, plain(element.text));
      if (ctx.interactive) {
        btn.addEventListener('click', async () => {
          if (element.confirm && !(await confirmDialog(element.confirm))) return;
          btn.disabled = true;
          await sendAction(ctx.message, element.action_id, null);
          setTimeout(() => { btn.disabled = false; }, 1500);
        });
      }
      return btn;
    }
    if (element.type === 'static_select') {
      const select = el('select', {
        class: 'select', 'data-testid': 'select', 'data-action-id': element.action_id,
      });
      select.append(el('option', { value: '', disabled: true, selected: true }, plain(element.placeholder) || 'Choose…'));
      const addOption = (o, parent) => parent.append(el('option', { value: o.value }, plain(o.text)));
      (element.options || []).forEach((o) => addOption(o, select));
      (element.option_groups || []).forEach((g) => {
        const group = el('optgroup', { label: plain(g.label) });
        (g.options || []).forEach((o) => addOption(o, group));
        select.append(group);
      });
      if (element.initial_option) select.value = element.initial_option.value;
      if (ctx.interactive) {
        select.addEventListener('change', async () => {
          const value = select.value;
          if (element.confirm && !(await confirmDialog(element.confirm))) { select.selectedIndex = 0; return; }
          select.disabled = true;
          await sendAction(ctx.message, element.action_id, value);
          setTimeout(() => { select.disabled = false; }, 1500);
        });
      }
      return select;
    }
    if (element.type === 'image') return el('span', { class: 'image-alt' }, element.alt_text || '');
    if (element.type === 'mrkdwn' || element.type === 'plain_text') return renderText(element);
    return el('span', { class: 'unsupported' }, '[' + element.type + ']');
  }

  function renderInputElement(block) {
    const e = block.element || {};
    const attrs = {
      'data-block-id': block.block_id, 'data-action-id': e.action_id,
      placeholder: plain(e.placeholder) || null, id: 'in-' + block.block_id,
    };
    let input;
    if (e.multiline) input = el('textarea', attrs);
    else input = el('input', Object.assign({ type: 'text' }, attrs));
    if (e.initial_value) input.value = e.initial_value;
    if (e.max_length) input.maxLength = e.max_length;
    return input;
  }

  function renderBlock(block, ctx) {
    switch (block.type) {
      case 'header':
        return el('div', { class: 'block b-header' }, plain(block.text));
      case 'section': {
        const content = el('div', { class: 'section-content' });
        if (block.text) content.append(renderText(block.text));
        if (block.fields && block.fields.length) {
          content.append(el('div', { class: 'fields' }, block.fields.map((f) => renderText(f))));
        }
        const node = el('div', { class: 'block b-section' }, content);
        if (block.accessory) node.append(renderElement(block.accessory, ctx));
        return node;
      }
      case 'context':
        return el('div', { class: 'block b-context' }, (block.elements || []).map((e) => renderElement(e, ctx)));
      case 'divider':
        return el('hr', { class: 'block b-divider' });
      case 'actions':
        return el('div', { class: 'block b-actions', 'data-block-id': block.block_id },
          (block.elements || []).map((e) => renderElement(e, ctx)));
      case 'input': {
        const input = renderInputElement(block);
        return el('div', { class: 'block b-input', 'data-input-block': block.block_id },
          el('label', { for: input.id }, plain(block.label), block.optional ? el('span', { class: 'optional' }, ' (optional)') : null),
          input,
          block.hint ? el('div', { class: 'hint' }, plain(block.hint)) : null,
          el('div', { class: 'input-error', hidden: true }));
      }
      case 'image':
        return el('div', { class: 'block b-context' }, block.alt_text || '');
      default:
        return null;
    }
  }

  function renderBlocks(blocks, text, ctx) {
    const body = el('div', { class: 'msg-body' });
    const rendered = (blocks || []).map((b) => renderBlock(b, ctx)).filter(Boolean);
    if (rendered.length) body.append(...rendered);
    else body.append(renderMrkdwn(text));
    return body;
  }

  // ---- messages ------------------------------------------------------------------------------

  function avatar(m, small) {
    const name = m.userName || userName(m.user);
    return el('div', { class: 'avatar' + (small ? ' small' : ''), style: 'background:' + colorFor(m.user) },
      m.bot ? 'G' : (name[0] || '?'));
  }

  function head(m) {
    return el('div', { class: 'msg-head' },
      el('span', { class: 'msg-name' }, m.userName || userName(m.user)),
      m.bot ? el('span', { class: 'badge' }, 'APP') : null,
      el('span', { class: 'msg-time', title: m.ts }, timeOf(m.ts)));
  }

  function renderMessage(m) {
    const ctx = { interactive: true, message: m };
    const body = renderBlocks(m.blocks, m.text, ctx);
    if (m.edited) body.append(el('span', { class: 'edited' }, '(edited)'));
    const main = el('div', { class: 'msg-main' }, head(m), body);
    const replies = m.replies || [];
    if (replies.length) {
      const open = ui.expanded.has(m.ts);
      const label = replies.length === 1 ? '1 reply' : replies.length + ' replies';
      main.append(el('button', {
        type: 'button', class: 'thread-toggle', 'data-testid': 'thread-toggle', 'aria-expanded': String(open),
        onclick: () => {
          if (ui.expanded.has(m.ts)) ui.expanded.delete(m.ts); else ui.expanded.add(m.ts);
          render();
        },
      }, open ? 'Hide ' + label : label));
      if (open) {
        main.append(el('div', { class: 'thread', 'data-testid': 'thread' }, replies.map((r) => {
          const rb = renderBlocks(r.blocks, r.text, { interactive: true, message: r });
          if (r.edited) rb.append(el('span', { class: 'edited' }, '(edited)'));
          return el('div', { class: 'reply', 'data-testid': 'reply', 'data-ts': r.ts },
            avatar(r, true), el('div', { class: 'msg-main' }, head(r), rb));
        })));
      }
    }
    return el('div', { class: 'msg', 'data-testid': 'message', 'data-ts': m.ts }, avatar(m), main);
  }

  function renderEphemeral(m) {
    const body = renderBlocks(m.blocks, m.text, { interactive: true, message: m });
    return el('div', { class: 'msg ephemeral', 'data-testid': 'ephemeral', 'data-ts': m.ts },
      avatar(m),
      el('div', { class: 'msg-main' },
        el('div', { class: 'ephemeral-note' }, '\uD83D\uDC41 Only visible to you'),
        head(m), body));
  }

  // ---- rendering -----------------------------------------------------------------------------

  function renderSidebar(s) {
    $('workspace-name').textContent = s.workspace.name;
    const switcher = $('user-switcher');
    const wanted = s.workspace.users.map((u) => u.id).join(',');
    if (switcher.dataset.users !== wanted) {
      switcher.replaceChildren(...s.workspace.users.map((u) =>
        el('option', { value: u.id }, u.name + (u.role ? ' — ' + u.role : ''))));
      switcher.dataset.users = wanted;
    }
    switcher.value = ui.user;
    $('channels').replaceChildren(...s.workspace.channels.map((c) => el('li', {
      class: c.id === ui.channel && ui.pane !== 'home' ? 'active' : '', 'data-channel-id': c.id,
      onclick: () => { ui.pane = 'channel'; ui.channel = c.id; localStorage.setItem('sandbox.channel', c.id); ui.expanded.clear(); refresh(); },
    }, '# ' + c.name)));
    $('app-home').classList.toggle('active', ui.pane === 'home');
    $('notes').replaceChildren(...(s.workspace.notes || []).map((n) => el('li', {}, n)));
    const name = channelName(ui.channel);
    $('channel-title').textContent = '# ' + name;
    $('composer').placeholder = 'Message #' + name + ' — try /remediate checkout-api pods OOMKilled since 14:02';
  }

  // ---- App Home ------------------------------------------------------------------------------

  /** The Home tab the app published for this user (views.publish), read-only like a preview. */
  function renderHome(s) {
    $('channel-title').textContent = 'Greenlight — Home';
    $('composer-form').style.display = 'none';
    const list = $('messages');
    const home = s.home;
    const body = home && home.blocks && home.blocks.length
      ? renderBlocks(home.blocks, '', { interactive: false, message: null })
      : el('div', { class: 'empty' }, 'The app has not published a Home tab for ' + userName(ui.user) + ' yet.');
    list.replaceChildren(el('div', { class: 'home-tab', 'data-testid': 'home-tab' }, body));
  }

  async function openHome() {
    ui.pane = 'home';
    await refresh();
    const r = await post('/sandbox/home', { user: ui.user });
    if (!r.ok) toast('Could not open the Home tab: ' + (r.error || 'unknown error'));
  }

  function render() {
    const s = ui.state;
    if (!s) return;
    renderSidebar(s);
    if (ui.pane === 'home') { renderHome(s); renderModal(s.views); return; }
    $('composer-form').style.display = '';
    const list = $('messages');
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
    const previousTop = list.scrollTop;
    const items = s.messages.map((m) => ({ ts: m.ts, node: () => renderMessage(m) }))
      .concat(s.ephemerals.map((m) => ({ ts: m.ts, node: () => renderEphemeral(m) })));
    items.sort((a, b) => parseFloat(a.ts) - parseFloat(b.ts) || (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
    const nodes = items.map((i) => i.node());
    if (!nodes.length) nodes.push(el('div', { class: 'empty' }, 'No messages yet. Try /remediate checkout-api pods OOMKilled since 14:02'));
    list.replaceChildren(...nodes);
    list.scrollTop = nearBottom || ui.scrollToBottom ? list.scrollHeight : previousTop;
    ui.scrollToBottom = false;
    renderModal(s.views);
  }

  // ---- modal ---------------------------------------------------------------------------------

  function renderModal(views) {
    const current = document.querySelector('[data-testid="modal"]');
    const view = views.length ? views[views.length - 1] : null;
    if (!view) {
      if (current) current.closest('.overlay').remove();
      ui.renderedViewId = null;
      return;
    }
    if (current && current.dataset.viewId === view.id) return; // keep what the user typed
    if (current) current.closest('.overlay').remove();
    ui.renderedViewId = view.id;
    const v = view.view;
    const formError = el('div', { class: 'dialog-error' });
    const close = () => closeModal(view.id);
    const dialog = el('div', { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'data-testid': 'modal', 'data-view-id': view.id },
      el('div', { class: 'dialog-head' },
        el('div', { class: 'dialog-title' }, plain(v.title) || 'Modal'),
        el('button', { type: 'button', class: 'dialog-x', title: 'Close', onclick: close }, '\u00D7')),
      el('div', { class: 'dialog-body' },
        (v.blocks || []).map((b) => renderBlock(b, { interactive: false })).filter(Boolean)),
      el('div', { class: 'dialog-foot' },
        formError,
        el('button', { type: 'button', class: 'btn', 'data-testid': 'modal-close', onclick: close },
          plain(v.close) || 'Cancel'),
        v.submit || (v.blocks || []).some((b) => b.type === 'input')
          ? el('button', { type: 'button', class: 'btn primary', 'data-testid': 'modal-submit',
            onclick: (e) => submitModal(view.id, dialog, formError, e.currentTarget) }, plain(v.submit) || 'Submit')
          : null));
    const overlay = el('div', { class: 'overlay' }, dialog);
    $('overlays').append(overlay);
    const first = dialog.querySelector('input, textarea');
    if (first) first.focus();
  }

  async function submitModal(viewId, dialog, formError, button) {
    const values = {};
    dialog.querySelectorAll('[data-block-id][data-action-id]').forEach((input) => {
      if (input.tagName === 'INPUT' || input.tagName === 'TEXTAREA') {
        values[input.dataset.blockId + '.' + input.dataset.actionId] = input.value;
      }
    });
    dialog.querySelectorAll('.b-input').forEach((b) => {
      b.classList.remove('has-error');
      const err = b.querySelector('.input-error');
      err.hidden = true; err.textContent = '';
    });
    formError.textContent = '';
    button.disabled = true;
    try {
      const r = await post('/sandbox/view', { user: ui.user, viewId, values });
      if (r.ok) {
        dialog.closest('.overlay').remove();
        ui.renderedViewId = null;
        return;
      }
      if (r.errors) {
        for (const [blockId, message] of Object.entries(r.errors)) {
          const b = dialog.querySelector('[data-input-block="' + CSS.escape(blockId) + '"]');
          if (b) {
            b.classList.add('has-error');
            const err = b.querySelector('.input-error');
            err.textContent = message; err.hidden = false;
          } else {
            formError.textContent = message;
          }
        }
      } else {
        formError.textContent = r.error === 'no_ack' ? 'The app did not answer (is the bot running?)' : (r.error || 'Could not submit');
      }
    } finally {
      button.disabled = false;
    }
  }

  async function closeModal(viewId) {
    const m = document.querySelector('[data-testid="modal"][data-view-id="' + CSS.escape(viewId) + '"]');
    if (m) m.closest('.overlay').remove();
    ui.renderedViewId = null;
    await post('/sandbox/view/close', { user: ui.user, viewId });
  }

  // ---- confirm dialog ------------------------------------------------------------------------

  function confirmDialog(confirm) {
    return new Promise((resolve) => {
      const done = (answer) => { overlay.remove(); document.removeEventListener('keydown', onKey); resolve(answer); };
      const onKey = (e) => { if (e.key === 'Escape') done(false); };
      const okClass = 'btn ' + (confirm.style === 'danger' ? 'danger' : 'primary');
      const overlay = el('div', { class: 'overlay confirm-overlay' },
        el('div', { class: 'dialog', role: 'alertdialog', 'data-testid': 'confirm' },
          el('div', { class: 'dialog-head' }, el('div', { class: 'dialog-title' }, plain(confirm.title) || 'Are you sure?')),
          el('div', { class: 'dialog-body' }, renderText(confirm.text)),
          el('div', { class: 'dialog-foot' },
            el('button', { type: 'button', class: 'btn', 'data-testid': 'confirm-cancel', onclick: () => done(false) },
              plain(confirm.deny) || 'Cancel'),
            el('button', { type: 'button', class: okClass, 'data-testid': 'confirm-ok', onclick: () => done(true) },
              plain(confirm.confirm) || 'Yes'))));
      document.addEventListener('keydown', onKey);
      $('overlays').append(overlay);
      overlay.querySelector('[data-testid="confirm-ok"]').focus();
    });
  }

  // ---- server calls --------------------------------------------------------------------------

  async function post(url, body) {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return await res.json();
    } catch (e) {
      return { ok: false, error: String(e) };
    }
  }

  async function sendAction(message, actionId, value) {
    const body = { user: ui.user, channel: message.channel || ui.channel, ts: message.ts, actionId };
    if (value !== null && value !== undefined) body.value = value;
    const r = await post('/sandbox/action', body);
    if (!r.ok) toast('Action failed: ' + (r.error || 'unknown error'));
  }

  function toast(text) {
    const t = el('div', { class: 'toast', role: 'status' }, text);
    document.body.append(t);
    setTimeout(() => t.remove(), 3500);
  }

  async function refresh() {
    if (ui.fetching) { ui.dirty = true; return; }
    ui.fetching = true;
    try {
      do {
        ui.dirty = false;
        const q = new URLSearchParams();
        if (ui.user) q.set('user', ui.user);
        if (ui.channel) q.set('channel', ui.channel);
        const res = await fetch('/sandbox/state?' + q.toString(), { cache: 'no-store' });
        const s = await res.json();
        ui.state = s;
        ui.user = s.user;
        ui.channel = s.channel;
        render();
      } while (ui.dirty);
    } catch (e) {
      setStatus(false, 'cannot reach the sandbox');
    } finally {
      ui.fetching = false;
    }
  }

  function setStatus(live, text) {
    $('status').classList.toggle('live', live);
    $('status-text').textContent = text;
  }

  // ---- wiring --------------------------------------------------------------------------------

  $('user-switcher').addEventListener('change', (e) => {
    ui.user = e.target.value;
    localStorage.setItem('sandbox.user', ui.user);
    document.querySelectorAll('#overlays .overlay').forEach((o) => o.remove());
    ui.renderedViewId = null;
    if (ui.pane === 'home') openHome(); else refresh();
  });

  $('app-home').addEventListener('click', () => openHome());

  $('composer-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const input = $('composer');
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    ui.scrollToBottom = true;
    const r = await post('/sandbox/command', { user: ui.user, channel: ui.channel, text });
    if (!r.ok) { toast('Could not send: ' + (r.error || 'unknown error')); input.value = text; }
    else if (r.answer) toast(r.answer);
    else if (text.startsWith('/')) toast('Sent ' + text.split(' ')[0] + ' as ' + userName(ui.user));
  });

  const events = new EventSource('/sandbox/events');
  events.addEventListener('change', () => refresh());
  events.addEventListener('open', () => { setStatus(true, 'live'); refresh(); });
  events.addEventListener('error', () => setStatus(false, 'reconnecting…'));

  if (ui.pane === 'home') openHome(); else refresh();
})();
