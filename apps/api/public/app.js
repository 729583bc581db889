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

  // The system's recommendation follows the DPO's answers about the facts as they are given,
  // fetched as a fragment that records nothing. Without JavaScript the "Preview recommendation"
  // button does the same with a page load.
  function liveRecommendation() {
    var form = document.getElementById('assessment-form');
    var shown = document.getElementById('assessment-recommendation');
    if (!form || !shown || !window.fetch || !window.URLSearchParams || !window.AbortController) return;
    var waiting = shown.getAttribute('data-waiting');
    // The DPO's own view does not change the system's recommendation.
    var notFacts = { riskLevel: true, likelihood: true, severity: true, rationale: true };
    var timer = null;
    var pending = null;

    function refresh() {
      if (pending) pending.abort(); // a later answer makes the earlier question moot
      pending = new AbortController();
      fetch('/assessment/preview', {
        method: 'POST',
        body: new URLSearchParams(new FormData(form)),
        credentials: 'same-origin',
        signal: pending.signal,
      })
        .then(function (response) {
          return response.text().then(function (html) {
            if (response.ok && html.trim()) shown.innerHTML = html;
            else shown.textContent = waiting;
          });
        })
        .catch(function () {
          // Aborted, or the network failed: the Preview button still works.
        });
    }

    function soon(event) {
      if (notFacts[event.target.name]) return;
      clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    }

    form.addEventListener('change', soon);
    form.addEventListener('input', soon);
  }
})();
