// Timeline filter: show the events of one topic only. Runs on every page view (with Material's
// instant navigation, pages are swapped without reloading).
function setUpTimelineFilter() {
  const filter = document.querySelector("[data-timeline-filter]");
  if (!filter) return;
  const buttons = filter.querySelectorAll("button[data-topic]");
  buttons.forEach((button) => {
    button.addEventListener("click", () => {
      const topic = button.dataset.topic;
      buttons.forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
      document.querySelectorAll(".md-content li > .event").forEach((event) => {
        const item = event.closest("li");
        item.hidden = topic !== "all" && event.dataset.topic !== topic;
      });
    });
  });
}
if (typeof document$ !== "undefined") {
  document$.subscribe(setUpTimelineFilter);
} else {
  document.addEventListener("DOMContentLoaded", setUpTimelineFilter);
}
