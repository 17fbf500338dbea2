/* 就业政策通 chat page (runs inside the widget iframe, same origin as the API).
 * One conversation per site and browser: the dialogue core keeps the facts under web:<session_id>. */
(function () {
  "use strict";
  var body = document.body;
  var parentOrigin = body.getAttribute("data-parent-origin");
  var siteKey = body.getAttribute("data-site-key");
  var log = document.getElementById("pb-log");
  var form = document.getElementById("pb-form");
  var input = document.getElementById("pb-input");
  var send = document.getElementById("pb-send");
  var sheet = document.getElementById("pb-sheet");
  var storeKey = "policybot:session:" + siteKey;
  var sessionId = null;
  var busy = false;
  var composing = false;
  var sheetOpener = null;
  var placeholder = input.getAttribute("placeholder");

  try { sessionId = window.localStorage.getItem(storeKey); } catch (e) { sessionId = null; }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  function toParent(type) {
    if (window.parent !== window && parentOrigin) window.parent.postMessage({ type: type }, parentOrigin);
  }

  function turnId() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function textBlock(text) {
    var block = el("div", "text");
    text.split("\n").forEach(function (line, i) {
      if (i) block.appendChild(document.createElement("br"));
      if (line.charAt(0) === "【") block.appendChild(el("strong", null, line));
      else block.appendChild(document.createTextNode(line));
    });
    return block;
  }

  function highlighted(text, quotes) {
    var box = el("div", "sheet-text-body");
    var marks = [];
    quotes.forEach(function (q) {
      var at = q ? text.indexOf(q) : -1;
      if (at >= 0) marks.push([at, at + q.length]);
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    marks.forEach(function (m) {
      if (m[0] < pos) return;
      box.appendChild(document.createTextNode(text.slice(pos, m[0])));
      box.appendChild(el("mark", null, text.slice(m[0], m[1])));
      pos = m[1];
    });
    box.appendChild(document.createTextNode(text.slice(pos)));
    return box;
  }

  function openSheet(title, meta, text, quotes, verified, opener) {
    sheetOpener = opener || null;
    document.getElementById("pb-sheet-title").textContent = title;
    var metaBox = document.getElementById("pb-sheet-meta");
    metaBox.textContent = meta;
    if (verified) metaBox.appendChild(el("span", "verified", "已核实"));
    var box = document.getElementById("pb-sheet-text");
    box.textContent = "";
    box.appendChild(highlighted(text, quotes));
    sheet.hidden = false;
    document.getElementById("pb-sheet-close").focus();
  }

  function closeSheet() {
    sheet.hidden = true;
    if (sheetOpener) sheetOpener.focus();
  }

  // Citations arrive worded by the server (title, reference, status_note): the widget never
  // composes a citation's format itself.
  function citationMeta(c) {
    return c.status_note ? c.reference + " · " + c.status_note : c.reference;
  }

  function showCitation(c, opener) {
    openSheet(c.title, citationMeta(c), c.text, [c.quote], c.verified, opener);
  }

  function showClause(id, opener) {
    request("GET", "/api/clauses/" + encodeURIComponent(id)).then(function (c) {
      openSheet(c.title, citationMeta(c), c.text, c.verified_quotes, c.verified_quotes.length > 0, opener);
    }, function (err) { addNotice(err.message); });
  }

  function citationList(reply) {
    var list = el("ul", "citations");
    list.setAttribute("aria-label", "引用的条款");
    reply.citations.forEach(function (c) {
      var item = el("li");
      var open = el("button", "cite", "📄 " + c.title);
      open.type = "button";
      open.setAttribute("aria-haspopup", "dialog");
      open.addEventListener("click", function () { showCitation(c, open); });
      item.appendChild(open);
      if (c.verified) item.appendChild(el("span", "verified", "已核实"));
      list.appendChild(item);
    });
    return list;
  }

  function buttonRows(reply, message) {
    var cited = {};
    reply.citations.forEach(function (c) { cited[c.clause_id] = c; });
    var box = el("div", "choices");
    reply.buttons.forEach(function (row) {
      var line = el("div", "row");
      row.forEach(function (b) {
        var clauseId = b.action.indexOf("clause:") === 0 ? b.action.slice(7) : null;
        if (clauseId && cited[clauseId]) return;
        var button = el("button", clauseId ? "choice clause" : "choice", b.label);
        button.type = "button";
        button.addEventListener("click", function () {
          if (clauseId) return showClause(clauseId, button);
          var answered = reply.kind === "question" && b.action.indexOf("tick:") !== 0;
          if (answered) message.querySelectorAll(".choice").forEach(function (x) { x.disabled = true; });
          turn({ choice: b.action }, b.action.indexOf("tick:") === 0 ? null : b.label, message);
        });
        line.appendChild(button);
      });
      if (line.childNodes.length) box.appendChild(line);
    });
    return box;
  }

  function renderReply(reply, into) {
    var message = into || el("div", "msg bot");
    message.textContent = "";
    message.setAttribute("data-kind", reply.kind);
    message.appendChild(textBlock(reply.text));
    if (reply.citations.length && reply.kind !== "clause") message.appendChild(citationList(reply));
    if (reply.buttons.length) message.appendChild(buttonRows(reply, message));
    if (!into) log.appendChild(message);
    return message;
  }

  function addUser(text) {
    log.appendChild(el("div", "msg user", text));
    scrollDown();
  }

  function addNotice(text) {
    log.appendChild(el("div", "msg notice", text));
    scrollDown();
  }

  function request(method, url, payload) {
    return fetch(url, {
      method: method,
      headers: payload ? { "Content-Type": "application/json" } : {},
      body: payload ? JSON.stringify(payload) : undefined,
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) throw new Error(data.error || "网络出错了，请稍后再试。");
        return data;
      });
    }, function () { throw new Error("网络出错了，请检查网络后再试。"); });
  }

  function setBusy(on) {
    busy = on;
    send.disabled = on;
    log.setAttribute("aria-busy", String(on));
  }

  function turn(payload, echo, pressed) {
    if (busy) return;
    if (echo) addUser(echo);
    if (sessionId) payload.session_id = sessionId;
    payload.turn_id = turnId();
    setBusy(true);
    var waiting = el("div", "msg bot waiting", "正在查找…");
    log.appendChild(waiting);
    scrollDown();
    request("POST", "/api/chat", payload).then(function (data) {
      waiting.remove();
      sessionId = data.session_id;
      try { window.localStorage.setItem(storeKey, sessionId); } catch (e) { /* storage blocked: this page only */ }
      var last = null;
      var first = null;
      data.replies.forEach(function (reply) {
        last = reply;
        var shown;
        if (reply.replaces_previous && pressed && pressed.isConnected) { shown = renderReply(reply, pressed); pressed = null; }
        else shown = renderReply(reply);
        first = first || shown;
      });
      var typed = last && last.kind === "question" && last.free_text;
      input.setAttribute("placeholder", typed ? "直接输入您的回答…" : placeholder);
      // A long reply is read from its start; a short one just scrolls into view.
      if (first && log.scrollHeight - first.offsetTop > log.clientHeight) log.scrollTop = first.offsetTop - 8;
      else scrollDown();
    }, function (err) {
      waiting.remove();
      addNotice(err.message);
    }).then(function () { setBusy(false); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || busy) return;
    input.value = "";
    grow();
    turn({ message: text }, text, null);
  });

  // Enter sends, Shift+Enter is a new line; never while a pinyin IME is composing.
  input.addEventListener("compositionstart", function () { composing = true; });
  input.addEventListener("compositionend", function () { setTimeout(function () { composing = false; }, 0); });
  input.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || event.shiftKey) return;
    if (event.isComposing || event.keyCode === 229 || composing) return;
    event.preventDefault();
    form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit", { cancelable: true }));
  });

  function grow() {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight, 120) + "px";
  }
  input.addEventListener("input", grow);

  document.getElementById("pb-close").addEventListener("click", function () { toParent("policybot:close"); });
  document.getElementById("pb-sheet-close").addEventListener("click", closeSheet);
  sheet.addEventListener("click", function (event) { if (event.target === sheet) closeSheet(); });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    if (!sheet.hidden) closeSheet(); else toParent("policybot:close");
  });
  window.addEventListener("message", function (event) {
    if (event.origin !== parentOrigin || event.source !== window.parent) return;
    if (event.data && event.data.type === "policybot:open") input.focus();
  });

  turn({ choice: "cmd:start" }, null, null);
  toParent("policybot:ready");
})();
