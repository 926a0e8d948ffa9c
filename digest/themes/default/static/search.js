/* The search page: Pagefind's UI, with results linked under the site's base path
   (data-base), and a search started from the header form's ?q= when there is one. */
(function () {
  var box = document.getElementById("search");
  if (!box || typeof PagefindUI === "undefined") { return; }
  var ui = new PagefindUI({element: box, baseUrl: box.dataset.base, showSubResults: false,
                           showImages: false, resetStyles: false});
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { ui.triggerSearch(q); }
})();
