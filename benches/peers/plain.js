// The baseline a user could write by hand: fetch the corpus, JSON.parse it,
// sort the events by start date and paint the first 50 rows. Marks
// `peer:first-paint` on the frame after the rows are in the document.
const url = new URLSearchParams(location.search).get("corpus");
const corpus = JSON.parse(await (await fetch(url)).text());
performance.mark("peer:corpus-loaded");
const names = new Map(corpus.entities.map((e) => [e.id, e.name]));
const events = [...corpus.events].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
const rows = document.getElementById("rows");
for (const event of events.slice(0, 50)) {
  const row = rows.insertRow();
  row.insertCell().textContent = event.start;
  row.insertCell().textContent = event.kind;
  row.insertCell().textContent = event.participants.map((p) => names.get(p)).join(", ");
  row.insertCell().textContent = event.summary;
}
requestAnimationFrame(() => setTimeout(() => performance.mark("peer:first-paint"), 0));
