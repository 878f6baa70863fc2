// Waymark boot script: the small part of the app that must run before (or
// without) WebAssembly. It
//  1. says clearly when this browser cannot run Waymark, instead of a blank
//     page, and always offers the crisis lines: a link to /help.html (a plain
//     page written at build time by scripts/static-help.mjs; /help-es.html
//     for a Spanish reader), or on /help the plain page itself, shown in
//     place of the boot screen;
//  2. registers the service worker that makes every screen work offline
//     (also when the app cannot run, so the plain help page works offline);
//  3. notices when a new version is waiting and tells the app, which asks the
//     user; the new version is only switched on when the user agrees
//     (window.waymarkUpdate.apply()), after the app has saved any draft.
//
// When is the app "not running"?
//  - no WebAssembly, or one too old for the app (checked below): at once;
//  - the app failed to load or start: a script error or an unhandled promise
//    rejection (Trunk's loader awaits init(), which rejects) before the app
//    has drawn ([data-app-ready]);
//  - the app has not drawn after 2 seconds: it may only be slow, so nothing
//    is taken down; the help link is added and the app still takes over when
//    it draws (it removes the element with id "boot").
'use strict';
(function () {
  var HELP_PAGE = '/help.html';
  var HELP_PAGE_ES = '/help-es.html';

  // The plain help page in the reader's language, chosen as the app chooses
  // (src/app/language.rs): the language picked in Waymark, kept in plain
  // `wm:lang`, else any `es` tag in the browser's languages. Never throws.
  function helpPage() {
    var lang = null;
    try { lang = window.localStorage.getItem('wm:lang'); } catch (e) { lang = null; }
    lang = typeof lang === 'string' ? lang.replace(/^\s+|\s+$/g, '') : null;
    if (lang === 'es') { return HELP_PAGE_ES; }
    if (lang === 'en') { return HELP_PAGE; }
    try {
      var tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
      for (var i = 0; i < tags.length; i++) {
        if (String(tags[i]).split(/[-_]/)[0].toLowerCase() === 'es') { return HELP_PAGE_ES; }
      }
    } catch (e) { /* English */ }
    return HELP_PAGE;
  }
  // Every word comes from src/content/<lang>/boot.json, through the inline
  // script at the end of index.html (the reader's language, else English).
  var word = typeof window.waymarkWords === 'function' ? window.waymarkWords : function () { return ''; };
  var HELP_LINK_TEXT = word('help_link');
  var message = document.getElementById('boot-message');

  function bootElement() { return document.getElementById('boot'); }
  function appReady() { return !!document.querySelector('[data-app-ready]'); }
  // /help and the overdose guide (/help/overdose) show the plain page in
  // place; the overdose steps are its section #hs-overdose.
  function onHelpAddress() {
    var path = window.location.pathname.replace(/\/$/, '');
    return path === '/help' || path === '/help/overdose';
  }
  function onOverdoseAddress() {
    return window.location.pathname.replace(/\/$/, '') === '/help/overdose';
  }

  // #boot's data-boot says why the help link shows, for the stylesheet:
  // "slow" (the app may still draw) or "failed" (it cannot).
  function mark(state) {
    var boot = bootElement();
    if (boot) { boot.setAttribute('data-boot', state); }
  }

  function say(text) {
    if (message) { message.textContent = text; }
    var boot = bootElement();
    if (boot) { boot.classList.add('boot--error'); }
  }

  // The crisis lines, one tap away: the link index.html keeps hidden in the
  // boot screen, or one made here if it is not there.
  function showHelpLink() {
    try {
      var boot = bootElement();
      if (!boot) { return; }
      var link = document.getElementById('boot-help');
      if (!link) {
        var p = document.createElement('p');
        p.className = 'boot__help';
        link = document.createElement('a');
        link.id = 'boot-help';
        link.className = 'button button--big help-button boot__help-link';
        link.textContent = HELP_LINK_TEXT;
        p.appendChild(link);
        boot.appendChild(p);
      }
      link.setAttribute('href', helpPage());
      link.removeAttribute('hidden');
    } catch (e) { /* the message above still says what to do */ }
  }

  // On /help: show the plain help page in place of the boot screen. It is our
  // own page, but it is still moved in as DOM nodes, never as an HTML string.
  var helpShown = false;
  function showStaticHelp(fallbackText) {
    function fallback() { say(fallbackText); showHelpLink(); }
    if (helpShown) { return; }
    helpShown = true;
    if (typeof window.fetch !== 'function' || !window.DOMParser) {
      fallback();
      return;
    }
    var started;
    try {
      // Its look, asked for now so it is there when the page is.
      if (!document.querySelector('link[href="/help-static.css"]')) {
        var css = document.createElement('link');
        css.rel = 'stylesheet';
        css.href = '/help-static.css';
        document.head.appendChild(css);
      }
      started = window.fetch(helpPage(), { credentials: 'same-origin' });
    } catch (e) { fallback(); return; }
    started.then(function (res) {
      if (!res.ok) { throw new Error('help page ' + res.status); }
      return res.text();
    }).then(function (text) {
      var boot = bootElement();
      // The app drew after all, or the boot screen is gone: nothing to do.
      if (!boot || appReady()) { return; }
      var parsed = new window.DOMParser().parseFromString(text, 'text/html');
      var source = parsed.querySelector('main[data-help-static]');
      if (!source) { throw new Error('no help content'); }
      var imported = document.importNode(source, true);
      // Inside a new element with id "boot": if the app does start after
      // all, it removes this as it removes the boot screen, so the help is
      // never shown twice.
      var holder = document.createElement('div');
      holder.id = 'boot';
      holder.className = 'boot-static-help';
      // The page's language (help-es.html is "es"), for screen readers.
      var pageLang = parsed.documentElement && parsed.documentElement.getAttribute('lang');
      if (pageLang) { holder.setAttribute('lang', pageLang); }
      holder.appendChild(imported);
      boot.parentNode.replaceChild(holder, boot);
      if (parsed.title) { document.title = parsed.title; }
      if (onOverdoseAddress()) {
        var steps = document.getElementById('hs-overdose');
        if (steps && steps.scrollIntoView) { steps.scrollIntoView(); }
      }
      // The saved region first: the same code as on /help.html.
      if (window.waymarkHelpStatic && typeof window.waymarkHelpStatic.apply === 'function') {
        window.waymarkHelpStatic.apply(holder);
      } else {
        var script = document.createElement('script');
        script.src = '/help-static.js';
        script.defer = true;
        document.head.appendChild(script);
      }
    }).catch(function () { fallback(); });
  }

  var failed = false;
  function cannotRun(text) {
    if (failed || appReady()) { return; }
    failed = true;
    mark('failed');
    if (onHelpAddress()) { showStaticHelp(text); } else { say(text); showHelpLink(); }
  }

  var COULD_NOT_START = word('could_not_start');

  if (typeof WebAssembly !== 'object') {
    cannotRun(word('no_wasm'));
  } else {
    // The app's WebAssembly uses reference types and bulk memory (Safari 15,
    // Firefox 79, Chrome 96). Older engines, such as Safari on iOS 14 and
    // earlier, have WebAssembly but cannot load it, and would otherwise sit on
    // "Opening…" and then suggest a restart that can never help. This tiny
    // module (externref + memory.copy) is validated here; below it is also
    // started, which the app's CSP allows ('wasm-unsafe-eval').
    var probe = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 2, 96, 0, 1, 111, 96, 0, 0,
      3, 3, 2, 0, 1, 5, 3, 1, 0, 1, 10, 19, 2, 4, 0, 208, 111, 11,
      12, 0, 65, 0, 65, 0, 65, 0, 252, 10, 0, 0, 11]);
    var modern = false;
    try { modern = WebAssembly.validate(probe); } catch (e) { modern = false; }
    if (!modern) {
      cannotRun(word('too_old'));
    }
  }

  if (!failed) {
    // Some browsers (managed ones, or with JIT turned off) have WebAssembly
    // but refuse to start a module. Try the tiny module both ways the app's
    // loader does: this answers for sure, even if the app's own failure came
    // before this script could listen for it. If it is wrong, no harm: the
    // app removes the boot screen, and whatever replaced it, when it draws.
    try {
      var starts = [WebAssembly.instantiate(probe)];
      if (typeof WebAssembly.instantiateStreaming === 'function' && typeof Response === 'function') {
        starts.push(WebAssembly.instantiateStreaming(
          new Response(probe, { headers: { 'Content-Type': 'application/wasm' } })));
      }
      Promise.all(starts).then(null, function () { cannotRun(COULD_NOT_START); });
    } catch (e) { cannotRun(COULD_NOT_START); }

    // The app failed to load or start. Errors after it has drawn are not
    // a failure to start, and are left to the app. Capture, so that a script
    // file that fails to load (an error on the <script> element, which does
    // not bubble) counts too; other elements' load errors do not.
    window.addEventListener('error', function (event) {
      var target = event && event.target;
      if (target && target !== window && target.tagName !== 'SCRIPT') { return; }
      cannotRun(COULD_NOT_START);
    }, true);
    window.addEventListener('unhandledrejection', function () { cannotRun(COULD_NOT_START); });

    // The app may just be slow (an old phone, a first visit on a bad
    // connection). Take nothing down and leave the screen as it is: only
    // offer the crisis lines, so nobody waits for them.
    window.setTimeout(function () {
      if (failed || appReady() || !bootElement()) { return; }
      mark('slow');
      showHelpLink();
    }, 2000);

    // If the app has not started after a while, say so rather than spin forever.
    window.setTimeout(function () {
      if (!failed && bootElement() && !appReady()) {
        say(word('slow'));
        showHelpLink();
      }
    }, 20000);
  }

  // A screen's module that could not be fetched (no network before the
  // service worker has stored it): the split loader keeps trying and says so
  // here. One quiet notice, gone once the module is in.
  window.addEventListener('waymark-module-retry', function () {
    if (document.getElementById('module-retry')) { return; }
    var note = document.createElement('p');
    note.id = 'module-retry';
    note.className = 'notice module-retry';
    note.setAttribute('role', 'status');
    note.textContent = word('module_retry');
    document.body.appendChild(note);
    window.addEventListener('waymark-module-loaded', function () { note.remove(); }, { once: true });
  });

  // Installing Waymark. Chromium says it can install the app with
  // `beforeinstallprompt`, which may fire before the app has drawn, so the
  // event is kept here: its own install bar is held back and the app shows
  // "Install Waymark" instead (src/app/components/install_prompt.rs calls
  // event.prompt() and forgets the event). `appinstalled`: it is done.
  var install = { event: null, installed: false };
  window.waymarkInstall = install;
  window.addEventListener('beforeinstallprompt', function (event) {
    event.preventDefault();
    install.event = event;
    window.dispatchEvent(new Event('waymark-install-available'));
  });
  window.addEventListener('appinstalled', function () {
    install.event = null;
    install.installed = true;
    window.dispatchEvent(new Event('waymark-installed'));
  });

  var update = { ready: false, waiting: null };
  window.waymarkUpdate = update;
  var registration = null;
  function announce(worker) {
    if (update.ready && update.waiting === worker) { return; }
    update.ready = true;
    update.waiting = worker;
    window.dispatchEvent(new Event('waymark-update-ready'));
  }
  // Called by the app after it has saved drafts and the user said yes. The
  // registration's waiting worker is the one to switch on: if an even newer
  // build was installed since the notice, the announced one is redundant.
  update.apply = function () {
    var worker = (registration && registration.waiting) || update.waiting;
    if (worker) { worker.postMessage({ type: 'SKIP_WAITING' }); }
  };

  if (!('serviceWorker' in navigator)) { return; }
  var reloading = false;
  var hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    // The first install takes control without a reload; a later switch was
    // asked for by the user, so reload into the new version once. Every tab
    // does this, so no tab keeps running a build whose cache is gone.
    if (!hadController) { hadController = true; return; }
    if (reloading) { return; }
    reloading = true;
    window.location.reload();
  });
  // A new version that has installed (it waits for the user) is announced,
  // but not on the first install, which needs no reload.
  function watch(worker) {
    if (!worker) { return; }
    function check() {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) { announce(worker); }
    }
    check();
    worker.addEventListener('statechange', check);
  }
  window.addEventListener('load', function () {
    // updateViaCache: 'none': every update check fetches sw.js, and any
    // script it would import, from the server and never from the HTTP
    // cache, whatever Cache-Control the host sends. (Browsers already skip
    // the HTTP cache for the top-level sw.js by default, 'imports'; 'none'
    // says so explicitly and covers imported scripts too.) The host should
    // still serve sw.js, index.html and boot.js with no-cache; see README,
    // "Deploying".
    navigator.serviceWorker.register('/sw.js', { scope: '/', updateViaCache: 'none' }).then(function (reg) {
      registration = reg;
      watch(reg.waiting);
      // register() normally settles after an install under way, but a tab
      // opened mid-install must not miss the new version either.
      watch(reg.installing);
      reg.addEventListener('updatefound', function () { watch(reg.installing); });
      function check() { reg.update().catch(function () { /* offline: try later */ }); }
      // Look for a new version when the app comes back to the foreground,
      // and when the network returns (an update cut off by a lost signal is
      // tried again; it never half-installs).
      document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'visible') { check(); }
      });
      window.addEventListener('online', check);
    }).catch(function () { /* Offline support is a bonus; the app still runs. */ });
  });
})();
