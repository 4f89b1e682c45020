// Glossary words (<abbr title="definition">) show their definition in a tooltip on hover, on keyboard
// focus and on a tap. One set of listeners on the document, and one pass that makes the words
// focusable: a page with many words costs the browser next to nothing when it loads.
(function glossaryTips() {
  let tip = null;
  let shown = null;

  function hide() {
    if (tip) tip.remove();
    if (shown) {
      shown.title = shown.dataset.tip;  // back for screen readers and printing
      shown.removeAttribute("aria-describedby");
    }
    tip = null;
    shown = null;
  }

  function show(word) {
    if (word === shown) return;
    hide();
    const text = word.title || word.dataset.tip;
    if (!text) return;
    word.dataset.tip = text;
    word.removeAttribute("title");  // no second, native tooltip on top of this one
    tip = document.createElement("div");
    tip.id = "glossary-tip";
    tip.className = "glossary-tip";
    tip.setAttribute("role", "tooltip");
    tip.textContent = text;
    document.body.append(tip);
    word.setAttribute("aria-describedby", tip.id);
    shown = word;
    const box = word.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    const left = Math.max(8, Math.min(box.left, width - tip.offsetWidth - 8));
    tip.style.left = `${left + window.scrollX}px`;
    tip.style.top = `${box.bottom + window.scrollY + 6}px`;
  }

  const wordAt = (event) =>
    event.target instanceof Element ? event.target.closest(".md-typeset abbr[title], abbr[data-tip]") : null;

  document.addEventListener("pointerover", (event) => {
    const word = wordAt(event);
    if (word) show(word);
    else if (shown && document.activeElement !== shown) hide();
  });
  document.addEventListener("focusin", (event) => {
    const word = wordAt(event);
    if (word) show(word);
    else hide();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("resize", hide);

  // The words become focusable when the browser is idle, a few at a time: never a long task while the page loads.
  function focusable(words, start) {
    const later = window.requestIdleCallback || ((run) => setTimeout(() => run({ timeRemaining: () => 8 }), 50));
    later((idle) => {
      let next = start;
      while (next < words.length && idle.timeRemaining() > 2) words[next++].tabIndex = 0;
      if (next < words.length) focusable(words, next);
    });
  }
  const start = () => focusable(Array.from(document.querySelectorAll(".md-typeset abbr[title]")), 0);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
