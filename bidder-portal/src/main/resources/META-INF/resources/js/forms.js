// Cheap checks before a form is sent (the services check again and their errors are shown next to
// the field): forms marked data-validate; inputs carry data-pattern, data-min, data-multiple,
// data-max (whole numbers) and data-increment (decimals). Exact arithmetic: BigInt, no floats.
(function () {
  // "3.202" -> {units: 3202n, scale: 3}; null if not a plain decimal
  function decimal(text) {
    var m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
    if (!m) { return null; }
    var frac = m[3] || '';
    var units = BigInt(m[2] + frac);
    return { units: m[1] ? -units : units, scale: frac.length };
  }
  function scaled(d, scale) { return d.units * (10n ** BigInt(scale - d.scale)); }
  function multipleOf(valueText, stepText) {
    var v = decimal(valueText), s = decimal(stepText);
    if (!v || !s) { return false; }
    var scale = Math.max(v.scale, s.scale);
    return scaled(v, scale) % scaled(s, scale) === 0n;
  }

  function check(input) {
    var v = input.value.trim();
    if (input.disabled || input.readOnly) { return null; }
    if (input.hasAttribute('required') && v === '') {
      return 'This field is required.';
    }
    if (v === '') { return null; }
    var pattern = input.getAttribute('data-pattern');
    if (pattern && !new RegExp(pattern).test(v)) {
      return input.getAttribute('data-pattern-message') || 'This value has the wrong format.';
    }
    if (input.hasAttribute('data-min') || input.hasAttribute('data-multiple') || input.hasAttribute('data-max')) {
      var clean = v.replace(/[,_ ]/g, '');
      if (!/^\d{1,15}$/.test(clean)) { return 'Enter a whole number of currency units, such as 5000.'; }
      var n = BigInt(clean);
      var min = input.getAttribute('data-min'), mult = input.getAttribute('data-multiple'), max = input.getAttribute('data-max');
      if (min && n < BigInt(min)) { return 'The amount must be at least the minimum bid ' + min + '.'; }
      if (mult && n % BigInt(mult) !== 0n) { return 'The amount must be a multiple of ' + mult + '.'; }
      if (max && n > BigInt(max)) { return 'The amount must not exceed ' + max + '.'; }
    }
    var inc = input.getAttribute('data-increment');
    if (inc) {
      var d = decimal(v);
      if (!d) { return 'Enter a decimal number such as 3.125.'; }
      if (input.hasAttribute('data-positive') ? d.units <= 0n : (input.hasAttribute('data-nonnegative') && d.units < 0n)) {
        return input.hasAttribute('data-positive') ? 'Must be positive.' : 'Must not be negative.';
      }
      if (!multipleOf(v, inc)) { return 'Must be a multiple of ' + inc + '.'; }
    }
    return null;
  }

  function show(input, message) {
    var err = document.getElementById(input.id + '-error');
    if (message) { input.setAttribute('aria-invalid', 'true'); } else { input.removeAttribute('aria-invalid'); }
    if (err) { err.textContent = message || ''; }
  }

  function validate(form) {
    var first = null;
    form.querySelectorAll('input[id], select[id]').forEach(function (input) {
      if (input.type === 'hidden') { return; }
      var message = check(input);
      show(input, message);
      if (message && !first) { first = input; }
    });
    return first;
  }

  window.portalForms = { validate: validate, check: check, show: show };

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.hasAttribute('data-validate')) { return; }
    var first = validate(form);
    if (first) {
      e.preventDefault();
      first.focus();
    }
  });
  // re-checked while typing, not on change: a change fires on blur, and a message vanishing then
  // would move the submit button away from under the pointer that is clicking it
  document.addEventListener('input', function (e) {
    var input = e.target;
    if (input.form && input.form.hasAttribute('data-validate') && input.id && input.getAttribute('aria-invalid') === 'true') {
      show(input, check(input));
    }
  });
})();
