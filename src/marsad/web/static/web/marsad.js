// Marsad's few behaviours, without inline scripts (the pages work without them too).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // The language menu sends its form as soon as a language is chosen.
    document.querySelectorAll("select[data-submit-on-change]").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
    // A page with <meta name="marsad-refresh" content="SECONDS"> reloads itself (a background
    // job's progress page while the job runs).
    var refresh = document.querySelector('meta[name="marsad-refresh"]');
    if (refresh) {
      var seconds = parseFloat(refresh.getAttribute("content")) || 2;
      window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
    }
    // On a phone the main menu folds behind its button.
    var toggle = document.getElementById("menu-toggle");
    var sidebar = document.getElementById("sidebar");
    if (toggle && sidebar) {
      toggle.addEventListener("click", function () {
        var open = sidebar.classList.toggle("menu-open");
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
      });
    }
  });
})();
