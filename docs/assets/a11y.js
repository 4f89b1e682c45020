// Accessibility fixes found by the browser tests.

// aria-dialog-name (axe-core): Material's search overlay is a dialog without a name, so screen readers
// announce an unnamed dialog. Name it after its search field.
function nameSearchDialog() {
  document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach((dialog) => {
    const input = dialog.querySelector("input[aria-label]");
    dialog.setAttribute("aria-label", input ? input.getAttribute("aria-label") : "Search");
  });
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

if (typeof document$ !== "undefined") {
  document$.subscribe(nameSearchDialog);
} else {
  document.addEventListener("DOMContentLoaded", nameSearchDialog);
}
