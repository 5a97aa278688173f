// Live reload for `make serve` only: scripts/serve.py adds this script to pages as
// it serves them, never to the built site. The page knows which good build it shows
// (data-build); the server announces each newer one, and the page then reloads.
(() => {
  const shown = document.currentScript.dataset.build;
  const events = new EventSource("/__livereload");
  events.onmessage = (event) => {
    if (event.data !== shown) {
      events.close();
      window.location.reload();
    }
  };
})();
