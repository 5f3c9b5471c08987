/** Never download a browser at install time: report-press finds an installed Chromium. */
module.exports = { skipDownload: true };
