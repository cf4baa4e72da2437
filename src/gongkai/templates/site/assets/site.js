/* 大字版 toggle (适老化). No framework; nothing from other hosts. The search page has its own search.js. */
(function () {
  var KEY = "gongkai-big";
  document.documentElement.classList.add("js");  // site.css shows the 大字版 button only when this ran
  try { if (localStorage.getItem(KEY) === "1") document.documentElement.classList.add("big"); } catch (e) {}
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
  document.addEventListener("DOMContentLoaded", setupToggle);
})();
