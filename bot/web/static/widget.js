/* 就业政策通 widget loader: <script src="https://HOST/widget.js" data-site-key="KEY" async></script>
 * Adds a launcher button; the chat itself runs in an iframe served by HOST. Host page and iframe
 * talk only through postMessage, and each side checks the other's origin. The conversation's id is
 * kept here, first-party on the host page (storage inside a cross-site iframe is partitioned or
 * blocked), so the chat shows the same conversation on every page of the site. */
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector('script[data-site-key][src*="widget.js"]');
  if (!script || window.__policybotWidget) return;
  window.__policybotWidget = true;
  var key = script.getAttribute("data-site-key") || "";
  var base = new URL(script.src, location.href).origin;
  var frame = null;
  var open = false;
  var ready = false;
  var mobile = window.matchMedia("(max-width: 480px)");
  var storeKey = "policybot:session:" + key;
  var SESSION_ID = /^[A-Za-z0-9_-]{16,64}$/;

  function storedSession() {
    try {
      var id = window.localStorage.getItem(storeKey);
      return id && SESSION_ID.test(id) ? id : null;
    } catch (e) { return null; }
  }

  function keepSession(id) {
    try {
      if (id && SESSION_ID.test(id)) window.localStorage.setItem(storeKey, id);
      else window.localStorage.removeItem(storeKey);
    } catch (e) { /* storage off: the conversation lasts for this page */ }
  }

  function style(el, rules) {
    for (var name in rules) el.style.setProperty(name, rules[name], "important");
  }

  var button = document.createElement("button");
  button.type = "button";
  button.textContent = "政策咨询";
  button.setAttribute("aria-label", "打开就业政策咨询");
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("data-policybot", "launcher");
  style(button, {
    position: "fixed", right: "16px", bottom: "16px", "z-index": "2147483646", margin: "0",
    padding: "12px 18px", border: "0", "border-radius": "24px", background: "#0b5cad", color: "#fff",
    font: "600 16px/1.2 system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
    "box-shadow": "0 4px 14px rgba(0,0,0,.25)", cursor: "pointer", "min-height": "44px"
  });

  function place() {
    if (!frame) return;
    var full = mobile.matches;
    style(frame, {
      position: "fixed", "z-index": "2147483647", border: "0", background: "#fff",
      display: open ? "block" : "none",
      right: full ? "0" : "16px", bottom: full ? "0" : "80px",
      width: full ? "100%" : "380px", height: full ? "100%" : "min(640px, calc(100% - 100px))",
      "border-radius": full ? "0" : "12px", "box-shadow": "0 8px 30px rgba(0,0,0,.3)"
    });
  }

  function post(type) {
    if (frame && frame.contentWindow) frame.contentWindow.postMessage({ type: type }, base);
  }

  function toggle(show) {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.id = "policybot-frame";
      frame.title = "就业政策通 · 政策咨询";
      var session = storedSession();
      frame.src = base + "/widget/frame?site=" + encodeURIComponent(key) + "&origin=" + encodeURIComponent(location.origin) +
        (session ? "#s=" + session : "");
      frame.setAttribute("allow", "clipboard-write");
      button.setAttribute("aria-controls", frame.id);
      document.body.appendChild(frame);
    }
    open = show;
    place();
    button.setAttribute("aria-expanded", String(open));
    style(button, { display: open && mobile.matches ? "none" : "block" });
    button.textContent = open && mobile.matches ? "✕ 关闭" : "政策咨询";
    button.setAttribute("aria-label", open && mobile.matches ? "关闭就业政策咨询" : "打开就业政策咨询");
    if (open) {
      post("policybot:open");
      frame.focus();
      // A frame that never says it is ready (no network, too many requests) must still close.
      if (!ready) setTimeout(function () { if (open && !ready) style(button, { display: "block" }); }, 5000);
    } else {
      button.focus();
    }
  }

  button.addEventListener("click", function () { toggle(!open); });
  window.addEventListener("message", function (event) {
    if (event.origin !== base || !frame || event.source !== frame.contentWindow) return;
    var data = event.data || {};
    if (data.type === "policybot:close") toggle(false);
    if (data.type === "policybot:ready") {
      ready = true;
      if (open) post("policybot:open");
    }
    if (data.type === "policybot:session") keepSession(typeof data.id === "string" ? data.id : null);
  });
  if (mobile.addEventListener) mobile.addEventListener("change", place);

  function mount() { document.body.appendChild(button); }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();
