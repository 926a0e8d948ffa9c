/* The search page: Pagefind's UI over every part of the index (data-parts, in the bundle
   folder next to pagefind-ui.js; the first is the primary index, the others are merged),
   results linked to the address each page's index entry names (its url meta, which the UI
   prefers; pages indexed whole are linked under the site's base path, data-base), and a
   search started from the header form's ?q= when there is one.

   The parts are merged here, all at once, rather than by the UI's own mergeIndex option,
   which loads them one after another (each part's entry and metadata files, two round
   trips a part). Pagefind's runtime is one module, shared with the UI: it is imported
   first, every mergeIndex call is made in the same tick, in the parts' order, and only
   then is the UI made, so any search the UI sends reaches Pagefind after every part is
   added. Pagefind searches each part once it has loaded and ranks the results of all
   parts together, as when they were merged one by one. */
(function () {
  var box = document.getElementById("search");
  var script = document.querySelector('script[src$="pagefind-ui.js"]');
  if (!box || !script || typeof PagefindUI === "undefined") { return; }
  var bundle = new URL(".", script.src);
  var parts = (box.dataset.parts || "").split(" ").filter(Boolean).map(function (name) {
    return new URL(name + "/", bundle).pathname;
  });
  var base = box.dataset.base;
  // The URL the UI imports the runtime from (its bundlePath + pagefind.js): the same module.
  import(new URL("pagefind.js", bundle).href).then(function (pagefind) {
    pagefind.options({basePath: parts[0], baseUrl: base});
    var merged = parts.slice(1).map(function (path) {
      return pagefind.mergeIndex(path, {baseUrl: base});
    });
    Promise.all(merged).catch(function (error) { console.error(error); });
    var ui = new PagefindUI({
      element: box, bundlePath: bundle.pathname, basePath: parts[0], baseUrl: base,
      showSubResults: false, showImages: false, resetStyles: false
    });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { ui.triggerSearch(q); }
  }, function (error) {
    console.error(error);
    var note = document.createElement("p");
    note.className = "search-unavailable";
    note.textContent = "Search is unavailable for now: its index could not be loaded.";
    box.replaceChildren(note);
  });
})();
