// Accessibility fix found by the browser tests (axe-core, aria-dialog-name): Material's search overlay is a
// dialog without a name, so screen readers announce an unnamed dialog. Name it after its search field.
function nameSearchDialog() {
  document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach((dialog) => {
    const input = dialog.querySelector("input[aria-label]");
    dialog.setAttribute("aria-label", input ? input.getAttribute("aria-label") : "Search");
  });
}
if (typeof document$ !== "undefined") {
  document$.subscribe(nameSearchDialog);
} else {
  document.addEventListener("DOMContentLoaded", nameSearchDialog);
}
