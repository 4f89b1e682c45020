// Printing: links become numbered notes, so that a printed page still says where its links lead.
//
// Just before the browser prints (or shows its print preview), each link in the text that leads off the page
// gets a number after it, the first time its address appears, and the numbered addresses are listed at the end
// of the page. Links within the page lead nowhere on paper, and links to a source's entry on the Sources page
// (citation numbers and the page's own list of sources) are citations that the page's numbered list of sources
// already names by title, publisher and date: neither gets a note. Collapsed sections are opened so that they
// print too. After printing, the page is put back as it was. print.css hides everything but the text.

const PRINT_LINKS_TITLE = "Links on this page";

const SOURCE_ENTRY = /^#source-/;

function needsNote(link) {
  const url = new URL(link.href);
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  const samePage = url.origin + url.pathname + url.search === location.origin + location.pathname + location.search;
  return !samePage && !SOURCE_ENTRY.test(url.hash);
}

function addPrintNotes() {
  const article = document.querySelector("article.md-content__inner");
  if (!article || article.querySelector(".print-links")) return;
  const numbers = new Map();
  for (const link of article.querySelectorAll("a[href]")) {
    if (link.closest(".headerlink, .footnote-backref") || !needsNote(link)) continue;
    const url = link.href;
    if (!numbers.has(url)) {
      numbers.set(url, { number: numbers.size + 1, text: link.textContent.trim() });
      const mark = document.createElement("sup");
      mark.className = "print-note";
      mark.textContent = `[${numbers.size}]`;
      // After a misprinted name's own mark ("[sic]"), which belongs to the name.
      (link.parentElement.matches(".garbled") ? link.parentElement : link).after(mark);
    }
    link.dataset.printNote = String(numbers.get(url).number);
  }
  if (numbers.size) article.append(linkList(numbers));
  for (const details of article.querySelectorAll("details:not([open])")) {
    details.open = true;
    details.dataset.printOpened = "";
  }
}

function linkList(numbers) {
  const section = document.createElement("section");
  section.className = "print-links";
  const heading = document.createElement("h2");
  heading.textContent = PRINT_LINKS_TITLE;
  const list = document.createElement("ol");
  for (const [url, { text }] of numbers) {
    const item = document.createElement("li");
    item.textContent = text ? `${text}: ${url}` : url;
    list.append(item);
  }
  section.append(heading, list);
  return section;
}

function removePrintNotes() {
  document.querySelectorAll(".print-note, .print-links").forEach((element) => element.remove());
  document.querySelectorAll("[data-print-note]").forEach((link) => delete link.dataset.printNote);
  document.querySelectorAll("details[data-print-opened]").forEach((details) => {
    details.open = false;
    delete details.dataset.printOpened;
  });
}

window.addEventListener("beforeprint", addPrintNotes);
window.addEventListener("afterprint", removePrintNotes);
// The print media type can also come without those events (a browser's print emulation, for one).
matchMedia("print").addEventListener("change", (query) => (query.matches ? addPrintNotes() : removePrintNotes()));
