/* 大字版 toggle (适老化) and the search page. No framework; nothing from other hosts. */
(function () {
  var KEY = "gongkai-big";
  var script = document.currentScript;
  try { if (localStorage.getItem(KEY) === "1") document.documentElement.classList.add("big"); } catch (e) {}
  function cjkTerms(query) {
    var terms = [];
    query.split(/[\s,，、;；。:：〔〕\[\]（）()《》“”"'!！?？]+/).forEach(function (part) {
      if (!part) return;
      part.split(/([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)/).forEach(function (run) {
        if (!run) return;
        if (/^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/.test(run) && run.length > 2) {
          for (var i = 0; i + 2 <= run.length; i++) terms.push(run.slice(i, i + 2));
        } else { terms.push(run); }
      });
    });
    return terms.join(" ");
  }
  function setupToggle() {
    var button = document.getElementById("bigtext");
    if (!button) return;
    var big = document.documentElement.classList.contains("big");
    button.setAttribute("aria-pressed", big ? "true" : "false");
    button.addEventListener("click", function () {
      big = document.documentElement.classList.toggle("big");
      button.setAttribute("aria-pressed", big ? "true" : "false");
      try { localStorage.setItem(KEY, big ? "1" : "0"); } catch (e) {}
    });
  }
  function field(name, value) {
    var el = document.getElementById(name);
    if (el && value) el.value = value;
    return el ? el.value : "";
  }
  async function runSearch() {
    var results = document.getElementById("search-results");
    if (!results) return;
    var params = new URLSearchParams(location.search);
    var query = field("q", params.get("q") || "");
    var domain = field("f-domain", params.get("领域") || "");
    var five = field("f-five", params.get("五公开") || "");
    var publisher = field("f-publisher", params.get("公开主体") || "");
    var status = document.getElementById("search-status");
    if (!query.trim()) return;
    var siteRoot = new URL("../", script.src);
    var pagefind = await import(new URL("pagefind/pagefind.js", siteRoot).href);
    await pagefind.options({ baseUrl: siteRoot.pathname });
    // Pagefind re-segments a zh query with Intl.Segmenter, which splits 供养 into 供 + 养 and misses pages.
    // The query is already cut into the same 2-character tokens the pages index, so init it language-neutral.
    var html = document.documentElement, lang = html.getAttribute("lang");
    html.setAttribute("lang", "und");
    try { await pagefind.init(); } finally { html.setAttribute("lang", lang); }
    var filters = {};
    if (domain) filters["领域"] = domain;
    if (five) filters["五公开"] = five;
    if (publisher) filters["公开主体"] = publisher;
    var search = await pagefind.search(cjkTerms(query), { filters: filters });
    var found = await Promise.all(search.results.slice(0, 50).map(function (r) { return r.data(); }));
    status.textContent = "“" + query + "”共找到 " + search.results.length + " 条结果";
    results.textContent = "";
    found.forEach(function (d) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = d.url;
      a.textContent = (d.meta && d.meta.title) || d.url;
      li.appendChild(a);
      results.appendChild(li);
    });
  }
  window.gongkaiTerms = cjkTerms;
  document.addEventListener("DOMContentLoaded", function () {
    setupToggle();
    runSearch().catch(function () {
      var status = document.getElementById("search-status");
      if (status) status.textContent = "搜索索引未能加载，请从首页按领域浏览目录。";
    });
  });
})();
