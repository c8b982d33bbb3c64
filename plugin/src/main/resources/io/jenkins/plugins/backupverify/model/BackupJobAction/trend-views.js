/* Adds the "view" key of the backup step charts to their trend configuration dialogs (echarts-api). Each
   chart on the page has a data holder naming its dialog suffix and the two views its checkbox switches between. */
(function () {

  function configure(holder) {
    var suffix = holder.getAttribute('data-suffix');
    var checkedView = holder.getAttribute('data-checked');
    var uncheckedView = holder.getAttribute('data-unchecked');
    if (!document.getElementById('trend-configuration-' + suffix)) {
      return; // this chart has nothing to show yet
    }
    var checkboxId = suffix + '-view';
    echartsJenkinsApi.configureTrend(suffix,
      function (dialog, json) {
        dialog.find('[id="' + checkboxId + '"]').prop('checked', json['view'] === checkedView);
      },
      function (dialog) {
        return {'view': dialog.find('[id="' + checkboxId + '"]').is(':checked') ? checkedView : uncheckedView};
      });
  }

  function configureAll() {
    if (typeof echartsJenkinsApi === 'undefined') {
      return; // no chart on this page, so echarts-api's scripts were not loaded
    }
    var holders = document.querySelectorAll('.backup-verification-trend');
    for (var i = 0; i < holders.length; i++) {
      configure(holders[i]);
    }
  }

  // the page includes this script once, with the first id's charts: wait for the charts of every id
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', configureAll);
  } else {
    configureAll();
  }
})();
