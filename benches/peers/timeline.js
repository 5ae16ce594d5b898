// vis-timeline showing the corpus's events in lanes by host country, as the
// explorer's timeline does, then the same zoom and pan steps the benchmark
// gives the explorer. Each step is timed from the call to the end of a
// synchronous redraw and layout. Leaves `window.peerResult`.
const params = new URLSearchParams(location.search);
const url = params.get("corpus");
// `?label=participants` labels each item with who took part, as the
// explorer's marks are (the README's picture); the timings use the kind.
const byParticipants = params.get("label") === "participants";
const corpus = JSON.parse(await (await fetch(url)).text());
const names = new Map(corpus.entities.map((e) => [e.id, e.name]));
// Partial dates ("2019", "2019-06") cover their whole period.
const first = (d) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
const last = (d) => {
  if (d.length === 10) return d;
  const [y, m] = d.split("-").map(Number);
  return m ? new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) : `${y}-12-31`;
};
const groups = new Map();
const items = corpus.events.map((e, i) => {
  const group = e.host ?? "other";
  if (!groups.has(group)) groups.set(group, { id: group, content: names.get(group) ?? "Other" });
  const end = last(e.end ?? e.start);
  const start = first(e.start);
  const content = byParticipants
    ? (e.participants ?? []).map((p) => names.get(p) ?? p).join(", ") || e.kind
    : e.kind;
  return start === end
    ? { id: i, group, content, start }
    : { id: i, group, content, start, end, type: "range" };
});
const t0 = performance.now();
const timeline = new vis.Timeline(
  document.getElementById("timeline"),
  new vis.DataSet(items),
  new vis.DataSet([...groups.values()]),
  { stack: false, height: "600px" },
);
timeline.redraw();
document.body.offsetHeight;
const setupMs = performance.now() - t0;
const step = (action) => {
  const t = performance.now();
  action();
  timeline.redraw();
  document.body.offsetHeight;
  return performance.now() - t;
};
const pan = (fraction) => () => {
  const w = timeline.getWindow();
  const shift = (w.end - w.start) * fraction;
  timeline.setWindow(+w.start + shift, +w.end + shift, { animation: false });
};
const zoomPan = [];
for (const action of [
  () => timeline.zoomIn(1 / 3, { animation: false }),
  () => timeline.zoomIn(1 / 3, { animation: false }),
  () => timeline.zoomIn(1 / 3, { animation: false }),
  pan(0.1),
  pan(0.1),
  pan(-0.1),
  () => timeline.zoomOut(0.5, { animation: false }),
  () => timeline.zoomOut(0.5, { animation: false }),
  () => timeline.zoomOut(0.5, { animation: false }),
  () => timeline.fit({ animation: false }),
]) {
  zoomPan.push(step(action));
  await new Promise((r) => setTimeout(r, 0));
}
window.peerResult = { setupMs, zoomPan, items: items.length };
