// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Checklists: "None of these" and "I don't know" exclude the other choices.
  function exclusive(box) {
    return box.value === "none" || box.value === "unknown";
  }
  document.querySelectorAll('fieldset[data-checklist="yes"]').forEach(function (set) {
    set.addEventListener("change", function (event) {
      var box = event.target;
      if (box.type !== "checkbox" || !box.checked) return;
      set.querySelectorAll('input[type="checkbox"]').forEach(function (other) {
        if (other !== box && (exclusive(box) || exclusive(other))) other.checked = false;
      });
    });
  });

  // Printing: a print button, and every "why" section opened on paper.
  document.querySelectorAll(".js-print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = [];
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) {
      d.open = false;
    });
  });
})();
