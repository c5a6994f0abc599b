// Keyboard shortcuts of the review page: a key clicks the button that declares it in
// data-key (a approve, r reject, s skip, n next, c comment), unless one is typing in a field.
document.addEventListener('keydown', function (event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  var target = event.target;
  var typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA'
      || target.tagName === 'SELECT' || target.isContentEditable);
  if (typing) {
    if (event.key === 'Escape') target.blur();
    return;
  }
  var key = event.key.toLowerCase();
  if (key === 'c') {
    var comment = document.getElementById('comment');
    if (comment) { event.preventDefault(); comment.focus(); }
    return;
  }
  var button = document.querySelector('[data-key="' + key + '"]');
  if (button) {
    event.preventDefault();
    button.click();
  }
});

// A decision is sent once: a second key press or click while the page changes is ignored.
var submitted = false;
document.addEventListener('submit', function (event) {
  if (submitted) {
    event.preventDefault();
    return;
  }
  submitted = true;
});
window.addEventListener('pageshow', function () { submitted = false; });
