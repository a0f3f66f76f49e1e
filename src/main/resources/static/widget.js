/*
 * Parley chat widget: the one line a site owner embeds.
 *
 *   <script src="https://bot.example.org/widget.js" async></script>
 *
 * Optional attributes: data-title, data-greeting, data-accent (a CSS colour), data-position ("right" or "left"),
 * data-open ("true" opens the chat at once). JS API: Parley.open(), Parley.close(), Parley.ask(text).
 *
 * This file is a classic script so that the embed line needs no type="module"; it finds its own server from its
 * src and loads the widget's ES modules from there. Calls made to Parley before they have loaded are queued.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) {
    console.error('Parley: widget.js must be loaded with a <script src="..."> tag.');
    return;
  }
  if (window.Parley) {
    if (!window.Parley.isParleyWidget) {
      console.error('Parley: the page already defines window.Parley; the chat widget is not started.');
    }
    return;
  }
  var pending = [];
  window.Parley = {
    isParleyWidget: true,
    open: function () { pending.push(['open']); },
    close: function () { pending.push(['close']); },
    ask: function (text) { pending.push(['ask', text]); }
  };
  var server = new URL('.', script.src);
  var options = Object.assign({}, script.dataset);

  function start() {
    import(new URL('widget/parley-widget.js', server).href)
      .then(function (module) {
        var api = module.mount({ server: server, options: options });
        window.Parley.open = api.open;
        window.Parley.close = api.close;
        window.Parley.ask = api.ask;
        pending.forEach(function (call) { api[call[0]].apply(null, call.slice(1)); });
      })
      .catch(function (error) {
        console.error('Parley: the chat widget could not be loaded from ' + server.href, error);
      });
  }

  // The embed line may sit in <head>, before there is a <body> to attach the widget to.
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }
})();
