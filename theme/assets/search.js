/* The header search (theme/partials/search.html), loaded with defer on every page.
   Why this file and not Material's search: Material fetched a worker and the whole index on every
   page. This loads Pagefind (pagefind/pagefind.js) the first time the reader types, and Pagefind
   fetches only the parts of the page's language index the words need. Texts come from the form's
   data-* attributes (data/interface.yaml); the language from <html lang>, which Pagefind reads. */
(function () {
  "use strict";
  var form = document.querySelector(".pk-search");
  if (!form || !window.fetch) return;
  var input = form.querySelector(".pk-search__input");
  var panel = form.querySelector(".pk-search__results");
  var status = form.querySelector(".pk-search__status");
  var list = form.querySelector(".pk-search__list");
  var bundle = new URL(form.getAttribute("data-pk-bundle"), document.baseURI);
  var loading = null;
  var timer = 0;
  var asked = 0;

  function pagefind() {
    if (!loading) {
      loading = import(new URL("pagefind.js", bundle).href).then(function (module) {
        // Result addresses relative to the site's root, wherever the site is published. A word that
        // matches what the reader typed ("serve", "serving") counts for more than a longer word that
        // only begins the same way ("services"): termSimilarity 10, Pagefind's default being 1 (issue 19).
        var settings = { baseUrl: new URL("../", bundle).pathname, ranking: { termSimilarity: 10 } };
        return module.options(settings).then(function () { return module; });
      });
    }
    return loading;
  }

  // Pagefind returns excerpts with ordinary spaces; French pages get the no-break spaces of the
  // Guide du rédacteur back (as peaceops/typography.py writes them in the pages themselves).
  var french = /^fr\b/i.test(document.documentElement.lang);
  function typeset(text) {
    if (!french) return text;
    return text
      .replace(/ +:(?=[\s<]|$)/g, "\u00a0:")
      .replace(/([^\s\u00a0\u202f>\d:\/]):(?=\s|$)/g, "$1\u00a0:")
      .replace(/\u00ab +/g, "\u00ab\u00a0")
      .replace(/ +\u00bb/g, "\u00a0\u00bb")
      .replace(/[ \u00a0\u202f]+([;!?])/g, "$1");
  }

  function counted(n) {
    var text = form.getAttribute(n === 0 ? "data-pk-none" : n === 1 ? "data-pk-one" : "data-pk-other");
    return text.replace("{n}", String(n)).replace("{query}", input.value.trim());
  }

  function show(results) {
    list.textContent = "";
    results.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = typeset((result.meta && result.meta.title) || result.url);
      var excerpt = document.createElement("p");
      excerpt.innerHTML = typeset(result.excerpt); // Pagefind escapes the page text; only <mark> is markup
      item.appendChild(link);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
  }

  // Pagefind, finding no word for a query term, tries ever shorter beginnings of it, down to two
  // letters: "recrutement" on the English site then matched the "re" of "re-establish". A result
  // is kept only if one of its marked words begins as a query term does (its first four letters,
  // or the whole term if shorter; accents and case aside), so none is listed with no visible match.
  function folded(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function words(text) {
    return folded(text).split(/[^a-z0-9]+/).filter(Boolean);
  }
  function visiblyMatches(result, terms) {
    var marked = result.excerpt.match(/<mark>[^<]*<\/mark>/g);
    if (!marked) return true;
    return marked.some(function (mark) {
      return words(mark.replace(/<[^>]+>/g, "")).some(function (word) {
        return terms.some(function (term) { return word.slice(0, 4) === term.slice(0, 4) || word.indexOf(term) === 0; });
      });
    });
  }

  function run() {
    var query = input.value.trim();
    var ask = ++asked;
    if (!query) { close(); return; }
    panel.hidden = false;
    pagefind().then(function (module) {
      return module.search(query);
    }).then(function (search) {
      return Promise.all(search.results.slice(0, 10).map(function (r) { return r.data(); })).then(function (data) {
        if (ask !== asked) return;
        var terms = words(query);
        var shown = data.filter(function (result) { return visiblyMatches(result, terms); });
        show(shown);
        status.textContent = counted(search.results.length - (data.length - shown.length));
      });
    }).catch(function () {
      if (ask !== asked) return;
      list.textContent = "";
      status.textContent = form.getAttribute("data-pk-failed");
    });
  }

  function close() {
    panel.hidden = true;
    status.textContent = "";
    list.textContent = "";
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) close();
  });
  form.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) {
      close();
      input.focus();
    }
  });
  // A search opened from an address (?q=words), as the form sends it when scripts were slow.
  var asked0 = new URLSearchParams(location.search).get("q");
  if (asked0) { input.value = asked0; run(); }
})();
