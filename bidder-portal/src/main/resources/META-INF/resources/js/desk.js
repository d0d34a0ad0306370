// The desk's pages: confirmations, countdowns, the live demand curve (server-sent events), the
// results chart of the bids, inline form checks. Hand-written, no library: charts are inline SVG.
// Amounts and rates arrive as the API's exact strings; numbers here only place things on a chart.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var W = 720, H = 360, M = { left: 78, right: 20, top: 24, bottom: 46 };

  // ---- forms that ask first (close early, publish) ----
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });

  // ---- inline checks before sending: the browser's own rules, the message beside the field ----
  document.querySelectorAll('form[data-check]').forEach(function (form) {
    form.setAttribute('novalidate', '');
    form.addEventListener('submit', function (e) {
      var first = null;
      form.querySelectorAll('input, select').forEach(function (input) {
        if (input.type === 'hidden') { return; }
        var id = input.id + '-error';
        var span = document.getElementById(id);
        if (input.checkValidity()) {
          if (span && span.getAttribute('data-client') === 'true') { span.remove(); input.removeAttribute('aria-invalid'); }
          return;
        }
        if (!span) {
          span = document.createElement('span');
          span.className = 'error';
          span.id = id;
          span.setAttribute('data-client', 'true');
          input.parentNode.appendChild(span);
          var described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
          if (described.indexOf(id) < 0) { described.push(id); }
          input.setAttribute('aria-describedby', described.join(' '));
        }
        span.textContent = input.validity.patternMismatch ? 'Not in the expected form: ' + (input.getAttribute('inputmode') === 'numeric' ? 'digits only' : 'a number with a dot for decimals') : input.validationMessage;
        input.setAttribute('aria-invalid', 'true');
        first = first || input;
      });
      if (first) { e.preventDefault(); first.focus(); }
    });
  });

  // ---- announce: a term fills in the maturity from the issue date ----
  var term = document.getElementById('term');
  var issue = document.getElementById('issueDate');
  var maturity = document.getElementById('maturityDate');
  function fillMaturity() {
    var p = term.value, m = /^P(\d+)([WY])$/.exec(p);
    if (!m || !issue.value) { return; }
    var d = new Date(issue.value + 'T00:00:00Z');
    if (m[2] === 'W') { d.setUTCDate(d.getUTCDate() + 7 * Number(m[1])); } else { d.setUTCFullYear(d.getUTCFullYear() + Number(m[1])); }
    maturity.value = d.toISOString().substring(0, 10);
  }
  if (term && issue && maturity) {
    term.addEventListener('change', fillMaturity);
    issue.addEventListener('change', fillMaturity);
  }

  // ---- countdowns to the server's instants (corrected by the server's clock at render) ----
  var skew = 0;
  var nowAttr = document.querySelector('[data-server-now]');
  if (nowAttr) { skew = Date.parse(nowAttr.getAttribute('data-server-now')) - Date.now(); }
  var countdowns = document.querySelectorAll('[data-deadline]');
  function two(n) { return (n < 10 ? '0' : '') + n; }
  function tick() {
    countdowns.forEach(function (el) {
      var left = Date.parse(el.getAttribute('data-deadline')) - (Date.now() + skew);
      var out = el.querySelector('strong');
      if (left <= 0) { out.textContent = 'reached'; el.classList.add('passed'); return; }
      var s = Math.floor(left / 1000), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
      out.textContent = (d > 0 ? d + ' d ' : '') + (d > 0 || h > 0 ? h + ' h ' : '') + two(m) + ' min ' + two(s % 60) + ' s';
    });
  }
  if (countdowns.length) { tick(); setInterval(tick, 250); }

  // ---- SVG helpers ----
  function el(name, attrs, text) {
    var n = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text !== undefined) { n.textContent = text; }
    return n;
  }
  function clear(svg) {
    Array.prototype.slice.call(svg.childNodes).forEach(function (c) { if (c.nodeName !== 'title') { svg.removeChild(c); } });
  }
  function short(amount) {
    var a = Math.abs(amount);
    if (a >= 1e9) { return (amount / 1e9).toFixed(a >= 1e10 ? 0 : 1) + ' bn'; }
    if (a >= 1e6) { return (amount / 1e6).toFixed(a >= 1e7 ? 0 : 1) + ' m'; }
    if (a >= 1e3) { return (amount / 1e3).toFixed(0) + ' k'; }
    return String(amount);
  }
  function grouped(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  function niceMax(v) {
    if (v <= 0) { return 1; }
    var p = Math.pow(10, Math.floor(Math.log10(v))), f = v / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
  }
  function yAxis(svg, max, label) {
    var g = el('g', { 'class': 'axis' });
    for (var i = 0; i <= 5; i++) {
      var v = max * i / 5, y = H - M.bottom - (H - M.top - M.bottom) * i / 5;
      g.appendChild(el('line', { x1: M.left - 4, x2: W - M.right, y1: y, y2: y, stroke: i === 0 ? '#56606b' : '#e3e8ed' }));
      g.appendChild(el('text', { x: M.left - 8, y: y + 4, 'text-anchor': 'end' }, short(v)));
    }
    g.appendChild(el('text', { x: 14, y: M.top + (H - M.top - M.bottom) / 2, transform: 'rotate(-90 14 ' + (M.top + (H - M.top - M.bottom) / 2) + ')', 'text-anchor': 'middle' }, label));
    svg.appendChild(g);
  }
  function message(svg, text) {
    svg.appendChild(el('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', 'class': 'muted' }, text));
  }

  // ---- the live demand curve: cumulative competitive amount against rate, offering line ----
  function drawCurve(svg, book, axis) {
    clear(svg);
    var levels = book.levels || [];
    var offering = Number(book.offeringAmount);
    var last = levels.length ? Number(levels[levels.length - 1].cumulative) : 0;
    var ymax = niceMax(Math.max(offering * 1.1, last));
    yAxis(svg, ymax, 'cumulative amount');
    var plotW = W - M.left - M.right, plotH = H - M.top - M.bottom;
    function y(v) { return H - M.bottom - plotH * v / ymax; }
    // the offering: the amount the curve must cross
    svg.appendChild(el('line', { 'class': 'offering', x1: M.left, x2: W - M.right, y1: y(offering), y2: y(offering) }));
    svg.appendChild(el('text', { x: W - M.right - 4, y: y(offering) - 6, 'text-anchor': 'end' }, 'offering ' + short(offering) + ' · cover ' + book.cover));
    if (!levels.length) { message(svg, 'No competitive bids yet'); return; }
    var vals = levels.map(function (l) { return parseFloat(l[axis]); });
    var lo = Math.min.apply(null, vals), hi = Math.max.apply(null, vals);
    if (hi === lo) { lo -= 0.05; hi += 0.05; }
    var pad = (hi - lo) * 0.06; lo -= pad; hi += pad;
    function x(v) { return axis === 'price' ? M.left + plotW * (hi - v) / (hi - lo) : M.left + plotW * (v - lo) / (hi - lo); }
    var g = el('g', { 'class': 'axis' });
    for (var i = 0; i <= 5; i++) {
      var v = lo + (hi - lo) * i / 5, px = x(v);
      g.appendChild(el('line', { x1: px, x2: px, y1: H - M.bottom, y2: H - M.bottom + 4, stroke: '#56606b' }));
      g.appendChild(el('text', { x: px, y: H - M.bottom + 18, 'text-anchor': 'middle' }, v.toFixed(3)));
    }
    g.appendChild(el('text', { x: M.left + plotW / 2, y: H - 8, 'text-anchor': 'middle' }, axis === 'price' ? 'price (best first, right to left)' : 'rate, %'));
    svg.appendChild(g);
    // a step curve: the amount available at each rate or better
    var d = 'M ' + x(vals[0]) + ' ' + y(0);
    levels.forEach(function (l, k) {
      d += ' L ' + x(vals[k]) + ' ' + y(Number(k ? levels[k - 1].cumulative : 0)) + ' L ' + x(vals[k]) + ' ' + y(Number(l.cumulative));
      if (k + 1 < levels.length) { d += ' L ' + x(vals[k + 1]) + ' ' + y(Number(l.cumulative)); }
    });
    var end = x(vals[vals.length - 1]);
    svg.appendChild(el('path', { 'class': 'area', d: d + ' L ' + end + ' ' + y(0) + ' Z' }));
    svg.appendChild(el('path', { 'class': 'curve', d: d, 'data-levels': String(levels.length) }));
    levels.forEach(function (l, k) {
      var c = el('circle', { cx: x(vals[k]), cy: y(Number(l.cumulative)), r: 3.5, fill: '#0b3d5c' });
      c.appendChild(el('title', {}, l[axis] + ': ' + grouped(l.amount) + ' (cumulative ' + grouped(l.cumulative) + ')'));
      svg.appendChild(c);
    });
  }

  function fillBook(book, axis) {
    var set = function (id, text) { var n = document.getElementById(id); if (n) { n.textContent = text; } };
    set('book-cover', book.cover);
    set('book-tendered', grouped(book.totalTendered));
    set('book-noncompetitive', grouped(book.nonCompetitive || 0));
    var body = document.querySelector('#book-levels tbody');
    if (body) {
      body.textContent = '';
      (book.levels || []).forEach(function (l) {
        var tr = document.createElement('tr');
        [l[axis], grouped(l.amount), grouped(l.cumulative)].forEach(function (t) {
          var td = document.createElement('td'); td.className = 'num'; td.textContent = t; tr.appendChild(td);
        });
        body.appendChild(tr);
      });
    }
  }

  var live = document.getElementById('live-book');
  if (live) {
    var axis = live.getAttribute('data-axis');
    var curve = document.getElementById('demand-curve');
    var status = document.getElementById('book-status');
    var first = JSON.parse(document.getElementById('book-data').textContent);
    drawCurve(curve, first, axis);
    if (window.EventSource) {
      var updates = 0;
      var es = new EventSource(live.getAttribute('data-stream'));
      es.onmessage = function (e) {
        var data = JSON.parse(e.data);
        if (data.error) {
          status.textContent = data.error;
          if (data.fatal) { es.close(); }
          return;
        }
        var badge = document.getElementById('auction-status');
        if (badge && data.status && badge.textContent !== data.status) {
          badge.textContent = data.status;
          badge.className = 'badge badge-' + data.status.toLowerCase();
        }
        if (data.book) {
          drawCurve(curve, data.book, axis);
          fillBook(data.book, axis);
          updates++;
          curve.setAttribute('data-updates', String(updates));
          status.textContent = (data.status === 'OPEN' ? 'Open: updating live' : 'Bidding has not opened yet') + ' · last update ' + new Date().toLocaleTimeString();
        }
        if (data.status && data.status !== 'OPEN' && data.status !== 'ANNOUNCED') {
          es.close();
          status.textContent = 'The auction is ' + data.status.toLowerCase() + '; loading the results…';
          setTimeout(function () { window.location.reload(); }, 800);
        }
      };
      es.onerror = function () { status.textContent = 'Connection lost; reconnecting…'; };
    }
  }

  // ---- the results: bids by level, coloured by outcome, with the stop-out line ----
  var bidsChart = document.getElementById('bids-chart');
  if (bidsChart) {
    var chart = JSON.parse(document.getElementById('chart-data').textContent);
    var bars = chart.bars || [];
    clear(bidsChart);
    var ymax = niceMax(Math.max.apply(null, [1].concat(bars.map(function (b) { return Number(b.amount); }))));
    yAxis(bidsChart, ymax, 'amount bid');
    if (!bars.length) {
      message(bidsChart, 'No competitive bids');
    } else {
      var plotW = W - M.left - M.right, plotH = H - M.top - M.bottom, slot = plotW / bars.length;
      var bw = Math.max(2, Math.min(48, slot * 0.7));
      var labelEvery = Math.ceil(bars.length / 12);
      var stopX = null;
      bars.forEach(function (b, k) {
        var cx = M.left + slot * (k + 0.5), h = plotH * Number(b.amount) / ymax;
        var r = el('rect', { 'class': 'bar-' + b.state, x: cx - bw / 2, y: H - M.bottom - h, width: bw, height: h, 'data-state': b.state });
        r.appendChild(el('title', {}, b.value + ': ' + grouped(b.amount) + ' (' + b.state.toLowerCase().replace('_', '-') + ')'));
        bidsChart.appendChild(r);
        if (k % labelEvery === 0) {
          bidsChart.appendChild(el('text', { x: cx, y: H - M.bottom + 18, 'text-anchor': 'middle' }, b.value));
        }
        if (b.state === 'STOP_OUT') { stopX = cx; }
      });
      bidsChart.appendChild(el('text', { x: M.left + plotW / 2, y: H - 8, 'text-anchor': 'middle' }, chart.axis === 'price' ? 'price (best first)' : 'rate, % (best first)'));
      if (chart.stopOut !== null && stopX !== null) {
        bidsChart.appendChild(el('line', { 'class': 'stopout', x1: stopX, x2: stopX, y1: M.top, y2: H - M.bottom }));
        bidsChart.appendChild(el('text', { x: stopX + 4, y: M.top + 12, 'data-stopout': chart.stopOut }, 'stop-out ' + chart.stopOut));
      }
    }
  }

  // ---- settlement still pending: look again in a few seconds ----
  var allocations = document.getElementById('allocations');
  if (allocations && allocations.getAttribute('data-pending') === 'true') {
    setTimeout(function () { window.location.reload(); }, 4000);
  }
})();
