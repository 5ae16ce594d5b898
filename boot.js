// Starts Article Explorer without any inline script, so the page can run under
// a Content-Security-Policy that forbids inline code. The <script> tag that
// loads this file names the generated module and wasm file in data attributes.
//
// It also counts Content-Security-Policy violations on the root element
// (data-csp-violations) and logs each one: a strict page should never see any.

const root = document.documentElement;
root.dataset.cspViolations = "0";
document.addEventListener("securitypolicyviolation", (event) => {
  root.dataset.cspViolations = String(Number(root.dataset.cspViolations) + 1);
  console.warn(
    `Blocked by the Content-Security-Policy: ${event.violatedDirective} (${event.blockedURI || "inline"})`,
  );
});

// Trusted Types (where the engine has them): the page refuses HTML strings
// and script URLs.
// The one HTML-string sink the UI uses is the renderer building static markup
// written in the source; this default policy admits markup made only of tags
// the UI uses, and refuses any event-handler attribute or script URL.
if (window.trustedTypes?.createPolicy) {
  const tags = new Set(
    ("a article aside blockquote button code dd details div dl dt fieldset g h1 h2 h3 " +
      "header input label legend li line main mark ol option p path progress rect section select " +
      "span strong summary svg table tbody td text textarea th thead time title tr ul").split(" "),
  );
  window.trustedTypes.createPolicy("default", {
    createHTML(html) {
      const names = [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase());
      const refused =
        names.find((name) => !tags.has(name)) ??
        (/[\s"'\/]on[a-z]+\s*=/i.test(html) ? "an event handler" : undefined) ??
        (/javascript:/i.test(html) ? "a script URL" : undefined);
      if (refused !== undefined) {
        throw new TypeError(`HTML refused by the page's Trusted Types policy: ${refused}`);
      }
      return html;
    },
    // The one script URL the page loads at run time: the extractor's worker,
    // beside the page.
    createScriptURL(url) {
      if (url !== "extract-worker_loader.js") {
        throw new TypeError(`Script URL refused by the page's Trusted Types policy: ${url}`);
      }
      return url;
    },
  });
}

// The served site names its module and wasm on this file's tag; the one-file
// explorer has no such tag and starts the app from the wasm inside it.
const tag = document.querySelector("script[data-wasm]");
if (tag) {
  const { default: init } = await import(`./${tag.dataset.js}`);
  await init({ module_or_path: `./${tag.dataset.wasm}` });
}
