// Waymark boot script: the small part of the app that must run before (or
// without) WebAssembly. It
//  1. says clearly when this browser cannot run Waymark, instead of a blank page;
//  2. registers the service worker that makes every screen work offline;
//  3. notices when a new version is waiting and tells the app, which asks the
//     user; the new version is only switched on when the user agrees
//     (window.waymarkUpdate.apply()), after the app has saved any draft.
'use strict';
(function () {
  var message = document.getElementById('boot-message');
  function say(text) {
    if (message) { message.textContent = text; }
    var boot = document.getElementById('boot');
    if (boot) { boot.classList.add('boot--error'); }
  }

  if (typeof WebAssembly !== 'object') {
    say('This browser cannot run Waymark, because it does not support WebAssembly. ' +
        'Please try a recent Chrome, Firefox, Edge or Safari. Nothing you saved has been lost.');
    return;
  }

  // The app's WebAssembly uses reference types and bulk memory (Safari 15,
  // Firefox 79, Chrome 96). Older engines, such as Safari on iOS 14 and
  // earlier, have WebAssembly but cannot load it, and would otherwise sit on
  // "Opening…" and then suggest a restart that can never help. This tiny
  // module (externref + memory.copy) is only validated, never compiled, so
  // the CSP is not involved.
  var probe = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 2, 96, 0, 1, 111, 96, 0, 0,
    3, 3, 2, 0, 1, 5, 3, 1, 0, 1, 10, 19, 2, 4, 0, 208, 111, 11,
    12, 0, 65, 0, 65, 0, 65, 0, 252, 10, 0, 0, 11]);
  var modern = false;
  try { modern = WebAssembly.validate(probe); } catch (e) { modern = false; }
  if (!modern) {
    say('This browser is too old to run Waymark. Please update it (on an iPhone, update iOS), ' +
        'or try a recent Chrome, Firefox, Edge or Safari. Nothing you saved has been lost.');
    return;
  }

  // If the app has not started after a while, say so rather than spin forever.
  window.setTimeout(function () {
    if (document.getElementById('boot') && !document.querySelector('[data-app-ready]')) {
      say('Waymark is taking a long time to start. Try closing and opening it again. ' +
          'Your notes are stored on this device and have not been lost.');
    }
  }, 20000);

  var update = { ready: false, waiting: null };
  window.waymarkUpdate = update;
  function announce(worker) {
    update.ready = true;
    update.waiting = worker;
    window.dispatchEvent(new Event('waymark-update-ready'));
  }
  // Called by the app after it has saved drafts and the user said yes.
  update.apply = function () {
    if (update.waiting) { update.waiting.postMessage({ type: 'SKIP_WAITING' }); }
  };

  if (!('serviceWorker' in navigator)) { return; }
  var reloading = false;
  var hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    // The first install takes control without a reload; a later switch was
    // asked for by the user, so reload into the new version once.
    if (!hadController) { hadController = true; return; }
    if (reloading) { return; }
    reloading = true;
    window.location.reload();
  });
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(function (reg) {
      if (reg.waiting && navigator.serviceWorker.controller) { announce(reg.waiting); }
      reg.addEventListener('updatefound', function () {
        var worker = reg.installing;
        if (!worker) { return; }
        worker.addEventListener('statechange', function () {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) { announce(worker); }
        });
      });
      // Look for a new version when the app comes back to the foreground.
      document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'visible') { reg.update().catch(function () {}); }
      });
    }).catch(function () { /* Offline support is a bonus; the app still runs. */ });
  });
})();
