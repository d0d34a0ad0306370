// Countdowns to deadlines the server rendered as instants: <span data-countdown="2026-01-01T10:00:00Z">.
// The server's clock decides (a bid at or after the deadline is refused); this is only a guide.
(function () {
  function left(ms) {
    if (ms <= 0) { return 'closed'; }
    var s = Math.floor(ms / 1000), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600),
        m = Math.floor(s % 3600 / 60), sec = s % 60;
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    return 'closes in ' + (d > 0 ? d + 'd ' : '') + (d > 0 || h > 0 ? h + 'h ' : '') + two(m) + 'm ' + two(sec) + 's';
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-countdown]').forEach(function (el) {
      var text = left(Date.parse(el.getAttribute('data-countdown')) - now);
      if (el.textContent !== text) { el.textContent = '(' + text + ')'; }
      el.classList.toggle('closed', text === 'closed');
    });
  }
  tick();
  setInterval(tick, 1000);
})();
