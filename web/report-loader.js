// parley's report loader (inlined by `parley report` after vega, vega-lite and vega-embed).
// Embeds the Vega-Lite spec of every JSON script of class chart-spec (its data-for names the
// figure, ID) into #ID .chart-view as SVG. Sets window.parleyReport synchronously: a Promise
// that resolves when every chart is embedded and rejects on the first bad spec (invalid JSON
// or a failed embed). Plain ES2017, no modules: the page must work from file:// with nothing installed.
(function () {
  'use strict';
  function embedOne(script) {
    var id = script.getAttribute('data-for');
    return new Promise(function (resolve) {
      resolve(JSON.parse(script.textContent));
    }).then(function (spec) {
      return vegaEmbed('#' + CSS.escape(id) + ' .chart-view', spec, {renderer: 'svg', actions: false});
    }).catch(function (error) {
      var figure = document.getElementById(id);
      if (figure) figure.setAttribute('data-error', String(error && error.message || error));
      throw new Error('chart ' + id + ': ' + (error && error.message || error));
    });
  }
  var specs = Array.prototype.slice.call(document.querySelectorAll('script.chart-spec'));
  window.parleyReport = Promise.all(specs.map(embedOne)).then(function (results) {
    document.body.dataset.rendered = 'true';
    return results.length;
  });
  // A rejection nobody awaits still shows in the console, so a reader sees the broken chart.
  window.parleyReport.catch(function (error) { console.error(String(error && error.message || error)); });
})();
