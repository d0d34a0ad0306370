// The dealer's multi-level bid entry: add and remove levels, a non-competitive level has no rate or
// price and a limit, and a note when a competitive amount exceeds the largest possible award.
// Without JavaScript the form still works with its two rendered levels.
(function () {
  var form = document.getElementById('bid-entry');
  if (!form) { return; }
  var rows = document.getElementById('bid-rows');
  var addButton = document.getElementById('add-row');
  var maxAward = BigInt(form.getAttribute('data-max-award') || '0');
  var limit = form.getAttribute('data-noncompetitive-limit');

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function all() { return Array.prototype.slice.call(rows.querySelectorAll('[data-row]')); }

  // ids, labels, legends and descriptions follow the row's position
  function renumber() {
    var list = all();
    list.forEach(function (row, i) {
      row.querySelector('legend').textContent = 'Level ' + (i + 1);
      row.querySelectorAll('[id]').forEach(function (el) {
        el.id = el.id.replace(/-\d+(-error|-note)?$/, '-' + i + '$1');
      });
      row.querySelectorAll('label[for]').forEach(function (l) {
        l.htmlFor = l.htmlFor.replace(/-\d+$/, '-' + i);
      });
      row.querySelectorAll('[aria-describedby]').forEach(function (el) {
        el.setAttribute('aria-describedby', el.getAttribute('aria-describedby').replace(/-\d+-/g, '-' + i + '-'));
      });
      var remove = row.querySelector('[data-remove-row]');
      remove.textContent = 'Remove level ' + (i + 1);
      remove.hidden = list.length < 2;
    });
  }

  function applyKind(row) {
    var competitive = row.querySelector('[data-kind]').value === 'COMPETITIVE';
    var value = row.querySelector('[data-value]');
    var amount = row.querySelector('[data-amount]');
    value.readOnly = !competitive;
    value.setAttribute('aria-disabled', String(!competitive));
    if (!competitive) { value.value = ''; window.portalForms && window.portalForms.show(value, null); }
    if (competitive) { amount.removeAttribute('data-max'); } else { amount.setAttribute('data-max', limit); }
    capNote(row);
  }

  function capNote(row) {
    var note = row.querySelector('[data-cap-note]');
    var competitive = row.querySelector('[data-kind]').value === 'COMPETITIVE';
    var amount = row.querySelector('[data-amount]').value.replace(/[,_ ]/g, '');
    var nlp = row.querySelector('[name=netLongPosition]').value.replace(/[,_ ]/g, '') || '0';
    var text = '';
    if (competitive && /^\d{1,15}$/.test(amount) && /^\d{1,15}$/.test(nlp)) {
      var cap = maxAward - BigInt(nlp);
      if (cap < 0n) { cap = 0n; }
      if (BigInt(amount) > cap) {
        text = 'Above your largest possible award ' + cap + ' (the award cap minus your net long position): at most ' + cap + ' can be awarded.';
      }
    }
    note.textContent = text;
  }

  function clear(row) {
    row.querySelectorAll('input').forEach(function (i) {
      if (i.name === 'key') { i.value = newKey(); } else if (i.name === 'netLongPosition') { i.value = '0'; } else { i.value = ''; }
      i.removeAttribute('aria-invalid');
    });
    row.querySelector('[data-kind]').value = 'COMPETITIVE';
    row.querySelectorAll('.error, [data-cap-note]').forEach(function (e) { e.textContent = ''; });
    row.querySelectorAll('.alert').forEach(function (e) { e.remove(); });
    applyKind(row);
  }

  addButton.hidden = false;
  addButton.addEventListener('click', function () {
    var list = all();
    var row = list[list.length - 1].cloneNode(true);
    rows.appendChild(row);
    clear(row);
    renumber();
    row.querySelector('[data-kind]').focus();
  });
  rows.addEventListener('click', function (e) {
    var button = e.target.closest('[data-remove-row]');
    if (!button || all().length < 2) { return; }
    var row = button.closest('[data-row]');
    var index = all().indexOf(row);
    row.remove();
    renumber();
    var left = all();
    left[Math.min(index, left.length - 1)].querySelector('[data-kind]').focus();
  });
  rows.addEventListener('change', function (e) {
    var row = e.target.closest('[data-row]');
    if (row && e.target.matches('[data-kind]')) { applyKind(row); }
  });
  rows.addEventListener('input', function (e) {
    var row = e.target.closest('[data-row]');
    if (row) { capNote(row); }
  });
  all().forEach(applyKind);
  renumber();
})();
