/**
 * The small scripts the review pages carry inline (plain ES2017, no library): the index sorts by a clicked
 * header and filters by a text box; a report page links each table cell to its outline on the page image.
 * Cells give their sort key in `data-sort`; headers say `data-type="number"` for numeric columns.
 */

/** Sorting (blanks always last, stable) and filtering of `#reports`; the count of shown rows goes to `#shown`. */
export const INDEX_SCRIPT = `
(function () {
  var table = document.getElementById('reports');
  if (!table) return;
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  function keyOf(row, i) {
    var cell = row.cells[i];
    var key = cell.getAttribute('data-sort');
    return key === null ? cell.textContent.trim() : key;
  }
  function sortBy(th, i) {
    var numeric = th.getAttribute('data-type') === 'number';
    var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = keyOf(a, i), y = keyOf(b, i);
      if (x === '' || y === '') return (x === '' ? 1 : 0) - (y === '' ? 1 : 0);
      if (numeric) return dir * (Number(x) - Number(y));
      return dir * (x < y ? -1 : x > y ? 1 : 0);
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  heads.forEach(function (th, i) {
    var button = th.querySelector('button');
    (button || th).addEventListener('click', function () { sortBy(th, i); });
  });
  var box = document.getElementById('filter');
  var shown = document.getElementById('shown');
  function filter() {
    var q = box.value.trim().toLowerCase();
    var n = 0;
    Array.prototype.forEach.call(body.rows, function (r) {
      var hit = q === '' || r.textContent.toLowerCase().indexOf(q) >= 0;
      r.hidden = !hit;
      if (hit) n += 1;
    });
    if (shown) shown.textContent = String(n);
  }
  if (box) box.addEventListener('input', filter);
})();
`;

/** Hovering or focusing a cell (in the table or on the page image) marks every element of the same cell. */
export const REPORT_SCRIPT = `
(function () {
  var marked = [];
  function mark(id) {
    marked.forEach(function (el) { el.classList.remove('hot'); });
    marked = id ? Array.prototype.slice.call(document.querySelectorAll('[data-cell="' + id.replace(/"/g, '') + '"]')) : [];
    marked.forEach(function (el) { el.classList.add('hot'); });
  }
  Array.prototype.forEach.call(document.querySelectorAll('[data-cell]'), function (el) {
    el.addEventListener('mouseenter', function () { mark(el.getAttribute('data-cell')); });
    el.addEventListener('focus', function () { mark(el.getAttribute('data-cell')); });
    el.addEventListener('mouseleave', function () { mark(null); });
  });
})();
`;
