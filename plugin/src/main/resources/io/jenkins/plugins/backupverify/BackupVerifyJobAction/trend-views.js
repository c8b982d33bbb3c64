/* Adds the "view" key of the backup verification charts to the trend configuration dialogs (echarts-api). */
(function () {
  function checkbox(suffix, checkboxId, checkedView, uncheckedView) {
    echartsJenkinsApi.configureTrend(suffix,
      function (dialog, json) {
        dialog.find('#' + checkboxId).prop('checked', json['view'] === checkedView);
      },
      function (dialog) {
        return {'view': dialog.find('#' + checkboxId).is(':checked') ? checkedView : uncheckedView};
      });
  }

  checkbox('backup-verification-rate', 'backup-verification-rate-counts', 'counts', 'rate');
  checkbox('backup-verification-capacity', 'backup-verification-capacity-bytes', 'bytes', 'percent');
})();
