// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';

  // A refused form: move focus to the error summary, so screen readers hear what is wrong first.
  var summary = document.querySelector('[data-focus]');
  if (summary) summary.focus();

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
})();
