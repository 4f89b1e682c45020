// The search index loads when a reader opens search, not with every page.
//
// Material's bundle asks for search/search_index.json (the site's largest file) as soon as a page loads, and
// hands it to its search worker. Most readers never search, and on a slow phone connection those bytes compete
// with the page itself. This script runs before the bundle and holds back that one request until the reader
// opens search: focusing the search field (by clicking or tapping it, by Material's keyboard shortcuts, or by a
// link with ?q=, which Material answers by focusing the field). Material's own code is unchanged: its request
// is sent a moment later, and its search works as before. Every other request passes straight through.
(() => {
  const INDEX = /\/search\/search_index\.json$/;
  const held = [];
  let opened = false;
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.explainerSearchIndex = INDEX.test(new URL(String(url), document.baseURI).pathname);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...body) {
    if (this.explainerSearchIndex && !opened) {
      held.push(() => send.apply(this, body));
      return undefined;
    }
    return send.apply(this, body);
  };

  function release() {
    if (opened) return;
    opened = true;
    held.splice(0).forEach((sendNow) => sendNow());
  }

  document.addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.matches("[data-md-component='search-query']")) release();
  });
  // The search toggle can also be ticked without focus reaching the field (a tap on the overlay's label).
  document.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.id === "__search" && event.target.checked) release();
  });
})();
