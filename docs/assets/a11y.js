// Accessibility fixes found by the browser tests.

// aria-dialog-name (axe-core): Material's search overlay is a dialog without a name, so screen readers
// announce an unnamed dialog. Name it after its search field.
function nameSearchDialog() {
  document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach((dialog) => {
    const input = dialog.querySelector("input[aria-label]");
    dialog.setAttribute("aria-label", input ? input.getAttribute("aria-label") : "Search");
  });
}

// scrollable-region-focusable (axe-core): on a narrow screen Material's wide tables scroll sideways inside
// .md-typeset__scrollwrap, which the keyboard could not reach. Each one that scrolls becomes a focusable,
// named region, so Tab reaches it and the arrow keys scroll it; one that fits stays out of the Tab order.
function reachScrollingTables() {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach((wrap) => {
    const scrolls = wrap.scrollWidth > wrap.clientWidth;
    if (scrolls && !wrap.hasAttribute("tabindex")) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", tableName(wrap));
    } else if (!scrolls && wrap.getAttribute("tabindex") === "0") {
      ["tabindex", "role", "aria-label"].forEach((name) => wrap.removeAttribute(name));
    }
  });
}

// A scrolling table's name: its caption, else the heading above it.
function tableName(wrap) {
  const caption = wrap.querySelector("caption");
  if (caption) return caption.textContent.trim();
  let node = wrap.previousElementSibling;
  while (node && !/^H[1-6]$/.test(node.tagName)) node = node.previousElementSibling;
  return node ? `Table: ${node.textContent.replace("\u00b6", "").trim()}` : "Table";
}

// The skip link must move keyboard focus, not only scroll. Instant navigation handles in-page links itself
// and may redraw the page, losing the focus, so Tab would go back into the header. The skip link is taken
// before instant navigation sees it (capture phase on window): the page jumps and focus moves at once.
window.addEventListener("click", (event) => {
  const skip = event.target instanceof Element ? event.target.closest("a.md-skip") : null;
  if (!skip) return;
  const hash = new URL(skip.href).hash;
  const target = document.getElementById(decodeURIComponent(hash.slice(1)));
  if (!target) return;
  event.preventDefault();
  event.stopPropagation();
  history.pushState(history.state, "", hash);
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus();
}, true);

function fixPage() {
  nameSearchDialog();
  reachScrollingTables();
}

window.addEventListener("resize", reachScrollingTables);
if (typeof document$ !== "undefined") {
  document$.subscribe(fixPage);
} else {
  document.addEventListener("DOMContentLoaded", fixPage);
}
