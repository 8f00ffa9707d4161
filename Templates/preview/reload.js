// Preview only (`portal serve`; never part of a built site): reloads the page after every build.
// The server sends a "build" event with its build number on connect and after each build; a
// number different from the first one seen means the site (or its error list) changed.
(function () {
  "use strict";
  if (!window.EventSource) return;
  var seen = null;
  var source = new EventSource("/__portal/events");
  source.addEventListener("build", function (event) {
    var build = JSON.parse(event.data);
    if (seen === null) { seen = build.generation; return; }
    if (build.generation !== seen) window.location.reload();
  });
})();
