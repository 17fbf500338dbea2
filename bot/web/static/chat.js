/* 就业政策通 chat page (runs inside the widget iframe, same origin as the API).
 * One conversation per site and browser: the dialogue core keeps the facts under web:<session_id>
 * and the server keeps the transcript. Storage inside a cross-site iframe is partitioned or
 * blocked, so the loader (first-party on the host page) keeps the id: it arrives in this page's
 * fragment (#s=…) and every new id goes back to the loader by postMessage. */
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
  // What the sheet covers: inert while it is open, so the keyboard cannot leave the dialog for the
  // conversation hidden behind it (a question typed there was answered out of sight).
  var behindSheet = document.querySelector(".app");
  var storeKey = "policybot:session:" + siteKey;
  var SESSION_ID = /^[A-Za-z0-9_-]{16,64}$/;
  var sessionId = null;
  var busy = false;
  var composing = false;
  var sheetOpener = null;
  var placeholder = input.getAttribute("placeholder");
  // A card or question that waits below a long answer: the answer is shown from its start, and a
  // button (↓ 还有信息等您确认) brings the waiting card into view, its buttons never out of reach. It is
  // out of the tab order: by keyboard, the card's own buttons come next after the log (Shift+Tab from
  // the input), and focusing one scrolls it into view.
  var jump = document.getElementById("pb-jump");
  var waitingCard = null;

  var given = /(?:^#|&)s=([A-Za-z0-9_-]{16,64})(?:&|$)/.exec(location.hash);
  if (given) sessionId = given[1];
  else { try { sessionId = window.localStorage.getItem(storeKey); } catch (e) { sessionId = null; } }
  if (sessionId && !SESSION_ID.test(sessionId)) sessionId = null;
  var CHECKBOX = /^(☑️|⬜)\s*/;
  var ERRORS = {
    rate: "请求太频繁了，请稍等一会儿再试。",
    server: "服务暂时出了点问题，请稍后再试。",
    offline: "网络好像断开了，请检查网络后再试。"
  };

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  function toParent(type, extra) {
    var message = { type: type };
    for (var name in extra || {}) message[name] = extra[name];
    if (window.parent !== window && parentOrigin) window.parent.postMessage(message, parentOrigin);
  }

  // The id goes to the loader (host page storage) and, where the browser allows, this frame's own.
  function remember(id) {
    if (id === sessionId) return;
    sessionId = id;
    toParent("policybot:session", { id: id });
    try {
      if (id) window.localStorage.setItem(storeKey, id); else window.localStorage.removeItem(storeKey);
    } catch (e) { /* storage blocked in a cross-site frame: the loader keeps it */ }
  }

  function turnId() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function scrollDown() { log.scrollTop = log.scrollHeight; updateJump(); }

  // Shown while the waiting card's buttons are below the visible part of the log.
  function updateJump() {
    if (!waitingCard || !waitingCard.isConnected) { jump.hidden = true; return; }
    // Hidden as soon as the card's top edge is in view: the button, floating over the bottom of the
    // log, never covers the card it points to, and the rest of the card is a natural scroll away.
    jump.hidden = waitingCard.offsetTop <= log.scrollTop + log.clientHeight;
  }

  function showWaiting() {
    if (!waitingCard) return;
    log.scrollTop = waitingCard.offsetTop + waitingCard.offsetHeight - log.clientHeight + 12;
    var first = waitingCard.querySelector("button.choice:not(:disabled)");
    if (first) first.focus({ preventScroll: true });
    updateJump();
  }

  jump.addEventListener("click", showWaiting);
  log.addEventListener("scroll", updateJump);

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

  function openSheet(title, c, text, quotes, verified, opener) {
    sheetOpener = opener || null;
    document.getElementById("pb-sheet-title").textContent = title;
    var metaBox = document.getElementById("pb-sheet-meta");
    metaBox.textContent = c.reference;
    // A draft's status is a line of its own, as visible as a retired document's note.
    if (c.status_note) metaBox.appendChild(el("span", "status-note", c.status_note));
    if (verified) {
      metaBox.appendChild(verifiedBadge());
      metaBox.appendChild(el("span", "verified-note", VERIFIED_NOTE));
    }
    var box = document.getElementById("pb-sheet-text");
    box.textContent = "";
    box.appendChild(highlighted(text, quotes));
    sheet.hidden = false;
    behindSheet.inert = true;
    document.getElementById("pb-sheet-close").focus();
  }

  function closeSheet() {
    sheet.hidden = true;
    behindSheet.inert = false;
    if (sheetOpener) sheetOpener.focus();
  }

  // Citations arrive worded by the server (title, reference, status_note): the widget never
  // composes a citation's format itself.
  // One clause, however many of its sentences the answer quotes: one button, every quote marked.
  function showCitation(group, opener) {
    var c = group[0];
    var quotes = group.map(function (g) { return g.quote; });
    openSheet(c.title, c, c.text, quotes, group.every(function (g) { return g.verified; }), opener);
    // The answer may be older than the library: a clause whose document was retired since is said so.
    request("GET", "/api/clauses/" + encodeURIComponent(c.clause_id)).then(null, function (err) {
      if (err.status !== 410 || sheet.hidden || sheetOpener !== (opener || null)) return;
      document.getElementById("pb-sheet-meta").appendChild(el("span", "retired-note", err.message));
    });
  }

  function byClause(citations) {
    var groups = [];
    var seen = {};
    citations.forEach(function (c) {
      if (!seen[c.clause_id]) { seen[c.clause_id] = []; groups.push(seen[c.clause_id]); }
      if (seen[c.clause_id].every(function (g) { return g.quote !== c.quote; })) seen[c.clause_id].push(c);
    });
    return groups;
  }

  function showClause(id, opener) {
    request("GET", "/api/clauses/" + encodeURIComponent(id)).then(function (c) {
      openSheet(c.title, c, c.text, c.verified_quotes, c.verified_quotes.length > 0, opener);
    }, function (err) { addNotice(err.message); });
  }

  function citationList(reply) {
    var list = el("ul", "citations");
    list.setAttribute("aria-label", "引用的条款");
    byClause(reply.citations).forEach(function (group) {
      var item = el("li");
      var open = el("button", "cite", "📄 " + group[0].title);
      open.type = "button";
      open.setAttribute("aria-haspopup", "dialog");
      open.addEventListener("click", function () { showCitation(group, open); });
      item.appendChild(open);
      if (group.every(function (g) { return g.verified; })) item.appendChild(verifiedBadge());
      list.appendChild(item);
    });
    return list;
  }

  var VERIFIED_NOTE = "原文已核实：工作人员已核对，这段引文与政策原文一致。";

  function verifiedBadge() {
    var badge = el("span", "verified", "原文已核实");
    badge.title = VERIFIED_NOTE;
    return badge;
  }

  function buttonRows(reply, message) {
    var cited = {};
    reply.citations.forEach(function (c) { cited[c.clause_id] = c; });
    var box = el("div", "choices");
    var boxes = null;
    if (reply.multi_select) {
      boxes = el("div", "checks");
      boxes.setAttribute("role", "group");
      boxes.setAttribute("aria-label", reply.text.split("\n")[0]);
      box.appendChild(boxes);
    }
    reply.buttons.forEach(function (row) {
      var line = el("div", "row");
      row.forEach(function (b) {
        var clauseId = b.action.indexOf("clause:") === 0 ? b.action.slice(7) : null;
        if (clauseId && cited[clauseId]) return;
        var ticks = b.action.indexOf("tick:") === 0;
        var mark = CHECKBOX.exec(b.label);
        var button = el("button", clauseId ? "choice clause" : ticks ? "choice check" : "choice", ticks ? b.label.replace(CHECKBOX, "") : b.label);
        button.type = "button";
        button.setAttribute("data-action", b.action);
        if (ticks) {
          button.setAttribute("role", "checkbox");
          button.setAttribute("aria-checked", String(!!mark && mark[1] === "☑️"));
        }
        button.addEventListener("click", function () {
          if (clauseId) return showClause(clauseId, button);
          if (busy) return;
          if (ticks) {
            button.setAttribute("aria-checked", String(button.getAttribute("aria-checked") !== "true"));
            return turn({ choice: b.action }, null, message, b.action);
          }
          var answered = reply.kind === "question" || reply.kind === "confirm";
          if (answered) message.querySelectorAll(".choice:not(.clause)").forEach(function (x) { x.disabled = true; });
          turn({ choice: b.action }, b.label, message, null);
        });
        (ticks ? boxes : line).appendChild(button);
      });
      if (line.childNodes.length) box.appendChild(line);
    });
    return box;
  }

  // `rating`: the 👍/👎/报告 given before a reload, shown pressed again (the server keeps it).
  function feedbackRow(reply, rating) {
    var box = el("div", "feedback");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "这条回答有帮助吗？");
    box.appendChild(el("span", "feedback-ask", "有帮助吗？"));
    var status = el("span", "feedback-status");
    status.setAttribute("role", "status");
    var choices = [["up", "👍 有用"], ["down", "👎 没用"], ["report", "报告问题"]];
    var buttons = choices.map(function (pair) {
      var button = el("button", "fb", pair[1]);
      button.type = "button";
      button.setAttribute("data-rating", pair[0]);
      button.setAttribute("aria-pressed", String(pair[0] === rating));
      box.appendChild(button);
      return button;
    });
    box.appendChild(status);
    function give(rating, note, pressed) {
      request("POST", "/api/feedback", { session_id: sessionId, ref: reply.feedback_ref, rating: rating, note: note || "" })
        .then(function (data) {
          buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b === pressed)); });
          status.textContent = data.message;
          var form = box.querySelector(".report");
          if (form) form.remove();
        }, function (err) { status.textContent = err.message; });
    }
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var rating = button.getAttribute("data-rating");
        if (rating !== "report") return give(rating, "", button);
        if (box.querySelector(".report")) return box.querySelector(".report textarea").focus();
        var form = el("div", "report");
        var label = el("label", null, "哪里有问题？（可不填）");
        var note = el("textarea");
        note.maxLength = 1000;
        note.rows = 2;
        label.appendChild(note);
        var submit = el("button", "fb", "提交");
        submit.type = "button";
        var cancel = el("button", "fb", "取消");
        cancel.type = "button";
        submit.addEventListener("click", function () { give("report", note.value.trim(), button); });
        cancel.addEventListener("click", function () { form.remove(); button.focus(); });
        form.appendChild(label);
        form.appendChild(submit);
        form.appendChild(cancel);
        box.appendChild(form);
        note.focus();
      });
    });
    return box;
  }

  function renderReply(reply, into, rating) {
    var message = into || el("div", "msg bot");
    message.textContent = "";
    message.setAttribute("data-kind", reply.kind);
    message.appendChild(textBlock(reply.text));
    if (reply.citations.length && reply.kind !== "clause") {
      message.appendChild(citationList(reply));
      if (reply.citations.some(function (c) { return c.verified; })) message.appendChild(el("p", "verified-note", VERIFIED_NOTE));
    }
    if (reply.buttons.length) message.appendChild(buttonRows(reply, message));
    if (reply.feedback_ref) message.appendChild(feedbackRow(reply, rating || null));
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

  function failure(status, message) {
    var err = new Error(message);
    err.status = status;
    return err;
  }

  // Past the rate limit, a server error or no network: a calm Chinese sentence, never raw JSON.
  function request(method, url, payload) {
    return fetch(url, {
      method: method,
      headers: payload ? { "Content-Type": "application/json" } : {},
      body: payload ? JSON.stringify(payload) : undefined,
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (response.ok) return data;
        if (response.status === 429) throw failure(429, ERRORS.rate);
        if (response.status >= 500) throw failure(response.status, ERRORS.server);
        throw failure(response.status, data.error || ERRORS.server);
      });
    }, function () { throw failure(0, ERRORS.offline); });
  }

  function isRetryable(err) { return err.status === 0 || err.status === 429 || err.status >= 500; }

  function addProblem(err, retry) {
    var box = el("div", "msg notice problem");
    box.setAttribute("role", "alert");
    box.appendChild(el("span", null, err.message));
    if (retry && isRetryable(err)) {
      var again = el("button", "retry", "重试");
      again.type = "button";
      again.addEventListener("click", function () {
        if (busy) return;
        box.remove();
        retry();
      });
      box.appendChild(again);
    }
    log.appendChild(box);
    scrollDown();
    return box;
  }

  function setBusy(on) {
    busy = on;
    send.disabled = on;
    log.setAttribute("aria-busy", String(on));
  }

  // One turn. A typed message is shown at once; a pressed button's label is shown once, after the
  // reply, unless the reply replaces the pressed message (it then says what was answered itself).
  function turn(payload, echo, pressed, ticked) {
    if (busy) return;
    if (payload.message != null && echo) addUser(echo);
    if (sessionId) payload.session_id = sessionId;
    payload.turn_id = payload.turn_id || turnId();
    setBusy(true);
    var waiting = el("div", "msg bot waiting", "正在查找…");
    log.appendChild(waiting);
    scrollDown();
    request("POST", "/api/chat", payload).then(function (data) {
      waiting.remove();
      remember(data.session_id);
      if (data.forgotten) {
        // Deleted on the person's word: what was said is gone from the screen too, not only the server.
        log.textContent = "";
        waitingCard = null;
        jump.hidden = true;
        echo = null;
      }
      if (payload.choice && echo && !(data.replies[0] && data.replies[0].replaces_previous)) addUser(echo);
      showReplies(data.replies, pressed);
      if (ticked && pressed && pressed.isConnected) {
        var again = pressed.querySelector('[data-action="' + ticked + '"]');
        if (again) again.focus();
      }
    }, function (err) {
      waiting.remove();
      if (ticked && pressed) {
        var box = pressed.querySelector('[data-action="' + ticked + '"]');
        if (box) box.setAttribute("aria-checked", String(box.getAttribute("aria-checked") !== "true"));
      }
      addProblem(err, function () { turn(payload, payload.message != null ? null : echo, pressed, ticked); });
    }).then(function () { setBusy(false); });
  }

  function retireButtons() {
    log.querySelectorAll(".choice:not(.clause)").forEach(function (x) { x.disabled = true; });
  }

  // Buttons that answer the state they were shown in (a card's 对/有不对的/不用了, a question's options,
  // 查看全部原因): a newer one of these makes the older ones stale (the server refuses them too).
  var STATE_BOUND = /^(?:ok|fix|drop|more|ans:|tick:|done:|none:)/;

  function offersStateBound(reply) {
    return reply.buttons.some(function (row) { return row.some(function (b) { return STATE_BOUND.test(b.action); }); });
  }

  function retireStateBound() {
    log.querySelectorAll(".choice:not(.clause)").forEach(function (x) {
      if (STATE_BOUND.test(x.getAttribute("data-action") || "")) x.disabled = true;
    });
  }

  function showReplies(replies, pressed) {
    var last = null;
    var first = null;
    var lastShown = null;
    replies.forEach(function (reply) {
      if (reply.starts_over) retireButtons();
      else if (offersStateBound(reply)) retireStateBound();
      last = reply;
      var shown;
      if (reply.replaces_previous && pressed && pressed.isConnected) { shown = renderReply(reply, pressed); pressed = null; }
      else shown = renderReply(reply);
      first = first || shown;
      lastShown = shown;
    });
    var typed = last && last.kind === "question" && last.free_text;
    input.setAttribute("placeholder", typed ? "直接输入您的回答…" : placeholder);
    var waits = last && (last.kind === "confirm" || last.kind === "question") && lastShown !== first;
    waitingCard = waits ? lastShown : null;
    if (waits) jump.textContent = last.kind === "confirm" ? "↓ 还有信息等您确认" : "↓ 还有问题等您回答";
    // A long reply is read from its start; a short one just scrolls into view.
    if (first && log.scrollHeight - first.offsetTop > log.clientHeight) log.scrollTop = first.offsetTop - 8;
    else scrollDown();
    updateJump();
  }

  // The transcript the server kept: shown again after a reload or on another page of the site.
  function restore(data) {
    log.textContent = "";
    waitingCard = null;
    jump.hidden = true;
    var lastReply = null;
    data.entries.forEach(function (entry) {
      if (entry.role === "user") { log.appendChild(el("div", "msg user", entry.text)); return; }
      var reply = entry.reply;
      var into = null;
      if (reply.replaces_previous) {
        var earlier = log.querySelectorAll('.msg.bot[data-kind="question"], .msg.bot[data-kind="confirm"]');
        into = earlier.length ? earlier[earlier.length - 1] : null;
      }
      var shown = renderReply(reply, into, entry.rating);
      if (!entry.live) shown.querySelectorAll(".choice:not(.clause)").forEach(function (x) { x.disabled = true; });
      lastReply = reply;
    });
    var typed = lastReply && lastReply.kind === "question" && lastReply.free_text;
    input.setAttribute("placeholder", typed ? "直接输入您的回答…" : placeholder);
    scrollDown();
  }

  function begin() {
    if (!sessionId) return turn({ choice: "cmd:start" }, null, null, null);
    setBusy(true);
    request("GET", "/api/chat/" + encodeURIComponent(sessionId)).then(function (data) {
      setBusy(false);
      restore(data);
      if (!data.entries.length) turn({ choice: "cmd:start" }, null, null, null);
    }, function (err) {
      setBusy(false);
      if (isRetryable(err)) return addProblem(err, begin);
      remember(null);  // forgotten, expired or invalid: a fresh conversation, not an error loop
      turn({ choice: "cmd:start" }, null, null, null);
    });
  }

  // 新对话 clears what is shown and starts again: asked first, in the widget itself (a browser's
  // confirm() may be blocked inside a cross-site frame). 取消 or Escape keeps everything.
  var newButton = document.getElementById("pb-new");
  var asking = document.getElementById("pb-confirm-new");

  function askStartOver() {
    if (busy) return;
    asking.hidden = false;
    document.getElementById("pb-confirm-new-yes").focus();
  }

  function keepConversation() {
    asking.hidden = true;
    newButton.focus();
  }

  function startOver() {
    if (busy) return;
    asking.hidden = true;
    setBusy(true);
    request("POST", "/api/chat/new", sessionId ? { session_id: sessionId } : {}).then(function (data) {
      log.textContent = "";
      waitingCard = null;
      jump.hidden = true;
      remember(data.session_id);
      showReplies(data.replies, null);
      input.focus();
    }, function (err) { addProblem(err, startOver); }).then(function () { setBusy(false); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || busy) return;
    input.value = "";
    grow();
    turn({ message: text }, text, null, null);
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
  newButton.addEventListener("click", askStartOver);
  document.getElementById("pb-confirm-new-yes").addEventListener("click", startOver);
  document.getElementById("pb-confirm-new-no").addEventListener("click", keepConversation);
  document.getElementById("pb-sheet-close").addEventListener("click", closeSheet);
  sheet.addEventListener("click", function (event) { if (event.target === sheet) closeSheet(); });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    if (!sheet.hidden) closeSheet();
    else if (!asking.hidden) keepConversation();
    else toParent("policybot:close");
  });
  window.addEventListener("message", function (event) {
    if (event.origin !== parentOrigin || event.source !== window.parent) return;
    if (event.data && event.data.type === "policybot:open") input.focus();
  });

  begin();
  toParent("policybot:ready");
})();
