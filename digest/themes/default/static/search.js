/* The search page: Pagefind's UI over every part of the index (data-parts, in the bundle
   folder next to pagefind-ui.js; the first is the primary index, the others are merged),
   results linked under the site's base path (data-base), and a search started from the
   header form's ?q= when there is one. */
(function () {
  var box = document.getElementById("search");
  var script = document.querySelector('script[src$="pagefind-ui.js"]');
  if (!box || !script || typeof PagefindUI === "undefined") { return; }
  var bundle = new URL(".", script.src);
  var parts = (box.dataset.parts || "").split(" ").filter(Boolean).map(function (name) {
    return new URL(name + "/", bundle).pathname;
  });
  var base = box.dataset.base;
  var ui = new PagefindUI({
    element: box, bundlePath: bundle.pathname, basePath: parts[0], baseUrl: base,
    mergeIndex: parts.slice(1).map(function (path) {
      return {bundlePath: path, baseUrl: base};
    }),
    showSubResults: false, showImages: false, resetStyles: false
  });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { ui.triggerSearch(q); }
})();
