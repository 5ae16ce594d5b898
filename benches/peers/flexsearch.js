// FlexSearch on the same article titles and texts: times adding every
// article and each query of the stream given in `?queries=`
// (comma-separated). "forward" tokenising matches the word being typed by its
// prefix, as the explorer does; every hit is asked for, not the first 100.
// Results land in `window.peerResult`.
import { Document } from "/node_modules/flexsearch/dist/flexsearch.bundle.module.min.js";

const params = new URLSearchParams(location.search);
const corpus = JSON.parse(await (await fetch(params.get("corpus"))).text());
const queries = params.get("queries").split(",");
const index = new Document({
  document: {
    id: "n",
    index: [
      { field: "title", tokenize: "forward" },
      { field: "text", tokenize: "forward" },
    ],
  },
});
const t0 = performance.now();
corpus.articles.forEach((a, n) => index.add({ n, title: a.title, text: a.text }));
const indexMs = performance.now() - t0;
const limit = corpus.articles.length;
const queryMs = [];
let hits = 0;
for (const q of queries) {
  const start = performance.now();
  for (const field of index.search(q, { limit })) hits += field.result.length;
  queryMs.push(performance.now() - start);
}
globalThis.gc?.();
window.peerResult = {
  indexMs,
  queryMs,
  hits,
  heapBytes: performance.memory ? performance.memory.usedJSHeapSize : null,
};
document.getElementById("status").textContent = "Done";
