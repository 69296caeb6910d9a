(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  function visible(id) {
    var item = document.getElementById("item-" + id);
    return item !== null && !item.hidden;
  }
  function apply() {
    var severities = {};
    form.querySelectorAll("input[name=severity]").forEach(function (box) {
      severities[box.value] = box.checked;
    });
    var rule = form.querySelector("select[name=rule]").value;
    document.querySelectorAll("li.finding").forEach(function (item) {
      item.hidden = !(severities[item.dataset.severity] && (!rule || item.dataset.rule === rule));
    });
    document.querySelectorAll("mark.hl").forEach(function (mark) {
      var shown = mark.dataset.f.split(" ").some(visible);
      mark.classList.toggle("off", !shown);
      mark.tabIndex = shown ? 0 : -1;
    });
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.activeElement &&
        document.activeElement.matches("mark.hl")) {
      document.activeElement.blur();
    }
  });
  apply();
})();
