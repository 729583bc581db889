// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';

  // A refused form: move focus to the error summary, so screen readers hear what is wrong first.
  var summary = document.querySelector('[data-focus]');
  if (summary) summary.focus();

  liveRecommendation();

  // The live countdown. Without JavaScript the page shows the deadline and the time left when it was loaded.
  var clocks = document.querySelectorAll('[data-countdown]');
  if (!clocks.length) return;

  function plural(n, unit) {
    return n + ' ' + unit + (n === 1 ? '' : 's');
  }

  function describe(ms) {
    var abs = Math.abs(ms);
    var days = Math.floor(abs / 86400000);
    var hours = Math.floor((abs % 86400000) / 3600000);
    var minutes = Math.floor((abs % 3600000) / 60000);
    var parts =
      days > 0
        ? [plural(days, 'day'), plural(hours, 'hour')]
        : hours > 0
          ? [plural(hours, 'hour'), plural(minutes, 'minute')]
          : [plural(minutes, 'minute')];
    return ms >= 0 ? parts.join(' ') + ' left' : 'overdue by ' + parts.join(' ');
  }

  function tick() {
    var now = Date.now();
    for (var i = 0; i < clocks.length; i += 1) {
      var deadline = Date.parse(clocks[i].getAttribute('data-countdown'));
      if (!isNaN(deadline)) clocks[i].textContent = '(' + describe(deadline - now) + ')';
    }
  }

  tick();
  setInterval(tick, 30000);

  // The system's recommendation follows the DPO's answers as they are given: the page's own
  // "Preview recommendation" answer, fetched in the background, and its recommendation shown.
  // Without JavaScript the Preview button does the same with a page load.
  function liveRecommendation() {
    var form = document.getElementById('assessment-form');
    var shown = document.getElementById('assessment-recommendation');
    if (!form || !shown || !window.fetch || !window.DOMParser || !window.URLSearchParams) return;
    var waiting = shown.getAttribute('data-waiting');
    var timer = null;
    var asked = 0;

    function refresh() {
      var question = (asked += 1);
      var body = new URLSearchParams(new FormData(form));
      body.set('intent', 'preview');
      fetch(form.getAttribute('action').split('#')[0], { method: 'POST', body: body, credentials: 'same-origin' })
        .then(function (response) {
          return response.text();
        })
        .then(function (html) {
          if (question !== asked) return; // a later answer is on its way
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('assessment-recommendation');
          if (fresh && fresh.children.length) shown.innerHTML = fresh.innerHTML;
          else shown.textContent = waiting;
        })
        .catch(function () {
          // The Preview button still works; nothing is lost.
        });
    }

    function soon() {
      clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    }

    form.addEventListener('change', soon);
    form.addEventListener('input', soon);
  }
})();
